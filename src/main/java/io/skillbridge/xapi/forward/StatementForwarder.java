package io.skillbridge.xapi.forward;

import io.skillbridge.canonical.Sql;
import io.skillbridge.connector.http.HostPolicy;
import io.skillbridge.system.BackgroundWorker;
import io.skillbridge.system.Secrets;
import io.skillbridge.xapi.ConsistentThrough;
import io.skillbridge.xapi.StatementsAccepted;
import io.skillbridge.xapi.XapiVersion;
import io.skillbridge.xapi.store.StatementReader;
import jakarta.annotation.PreDestroy;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends accepted statements on to the LRSs of {@code config/xapi/forwarding.yaml}, each target reading the statement
 * store from its own position (in the order statements became visible) and POSTing batches of the stored JSON as it
 * is. The position moves in a transaction once the target accepted a batch, so what was delivered is never sent
 * again after a restart; a crash between the target's answer and that commit re-sends one batch, which the target
 * takes as a no-op (same ids, same content). A failure of the target or the network is retried with a growing
 * delay; a statement the target refuses on its own (4xx) is recorded in {@code xapi_forward_failure} and skipped.
 */
@Service
public class StatementForwarder {

    private static final Logger log = LoggerFactory.getLogger(StatementForwarder.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final long MAX_BACKOFF_MS = 60_000;

    private final List<ForwardTarget> targets;
    private final StatementReader reader;
    private final ConsistentThrough consistentThrough;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final HostPolicy hostPolicy;
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
    private final Map<String, Long> backoffUntil = new ConcurrentHashMap<>();
    private final Map<String, Long> backoffMs = new ConcurrentHashMap<>();
    private final BackgroundWorker worker;

    public StatementForwarder(StatementReader reader, ConsistentThrough consistentThrough, TransactionTemplate tx,
                              JdbcTemplate jdbc, HostPolicy hostPolicy, Secrets secrets,
                              @Value("${skillbridge.home:.}") String home,
                              @Value("${skillbridge.xapi.forwarding-file:config/xapi/forwarding.yaml}") String file,
                              @Value("${skillbridge.xapi.forward-poll-ms:1000}") long pollMs) {
        this.reader = reader;
        this.consistentThrough = consistentThrough;
        this.tx = tx;
        this.jdbc = jdbc;
        this.hostPolicy = hostPolicy;
        this.targets = ForwardTarget.load(Path.of(home).resolve(file), secrets);
        this.worker = targets.isEmpty() ? null
                : new BackgroundWorker("xapi-forward", () -> targets.forEach(this::drain), () -> 0, pollMs);
        if (worker != null) {
            log.info("xAPI forwarding to {}", targets);
        }
    }

    @EventListener
    void on(StatementsAccepted accepted) {
        wake();
    }

    public void wake() {
        if (worker != null) {
            worker.wake();
        }
    }

    private void drain(ForwardTarget target) {
        if (System.currentTimeMillis() < backoffUntil.getOrDefault(target.id(), 0L)) {
            return;
        }
        String name = "forward:" + target.id();
        OffsetDateTime through = consistentThrough.now();
        try {
            while (true) {
                StatementReader.Position from = reader.position(name);
                List<StatementReader.Row> rows = reader.after(from, through, target.batchSize());
                if (rows.isEmpty()) {
                    break;
                }
                List<StatementReader.Row> wanted = rows.stream().filter(r -> wanted(target, r)).toList();
                List<Object[]> refused = send(target, wanted);
                tx.executeWithoutResult(status -> {
                    jdbc.batchUpdate("insert into xapi_forward_failure (target_id, statement_id, http_status, error, failed_at)"
                            + " values (?, ?, ?, ?, ?)", refused);
                    reader.save(name, rows.get(rows.size() - 1).position());
                });
                backoffMs.remove(target.id());
            }
        } catch (IOException e) {
            long delay = Math.min(MAX_BACKOFF_MS, backoffMs.merge(target.id(), 1_000L, (a, b) -> a * 2));
            backoffUntil.put(target.id(), System.currentTimeMillis() + delay);
            worker.wakeAfter(delay);
            log.warn("xAPI forwarding to {}: {}; retrying in {} ms", target.id(), e.getMessage(), delay);
        }
    }

    private static boolean wanted(ForwardTarget target, StatementReader.Row r) {
        return !target.skipClients().contains(r.clientKey())
                && (target.verbs().isEmpty() || r.voiding() || target.verbs().contains(r.verbId()));
    }

    /**
     * Sends the batch; when the target refuses it as a whole, each statement alone.
     *
     * @return the statements the target refused on their own, as failure rows
     * @throws IOException when the target cannot take statements now (network, 5xx, 408, 429): retried later
     */
    private List<Object[]> send(ForwardTarget target, List<StatementReader.Row> rows) throws IOException {
        List<Object[]> refused = new ArrayList<>();
        if (rows.isEmpty()) {
            return refused;
        }
        Answer batch = post(target, rows);
        if (batch.ok()) {
            return refused;
        }
        if (rows.size() == 1) {
            refused.add(failure(target, rows.get(0), batch));
            return refused;
        }
        for (StatementReader.Row r : rows) {
            Answer single = post(target, List.of(r));
            if (!single.ok()) {
                refused.add(failure(target, r, single));
            }
        }
        return refused;
    }

    private static Object[] failure(ForwardTarget target, StatementReader.Row r, Answer a) {
        return new Object[]{target.id(), r.id(), a.status(), a.body(), Sql.now()};
    }

    private record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private Answer post(ForwardTarget target, List<StatementReader.Row> rows) throws IOException {
        String url = target.endpoint() + "statements";
        hostPolicy.check(url);
        StringBuilder body = new StringBuilder(rows.size() * 800).append('[');
        for (int i = 0; i < rows.size(); i++) {
            body.append(i > 0 ? "," : "").append(rows.get(i).body());
        }
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body.append(']').toString(), JSON))
                .header("X-Experience-API-Version", XapiVersion.V1_0.full());
        if (!target.username().isEmpty()) {
            request.header("Authorization", Credentials.basic(target.username(), target.password()));
        }
        try (Response response = http.newCall(request.build()).execute()) {
            int status = response.code();
            if (status >= 500 || status == 408 || status == 429) {
                throw new IOException("the LRS answered " + status);
            }
            ResponseBody b = response.body();
            String text = b == null ? "" : b.string();
            return new Answer(status, text.length() > 4000 ? text.substring(0, 4000) : text);
        }
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }
}
