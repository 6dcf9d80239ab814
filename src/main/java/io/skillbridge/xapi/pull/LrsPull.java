package io.skillbridge.xapi.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.skillbridge.canonical.PageOutcome;
import io.skillbridge.connector.ConnectorSettings;
import io.skillbridge.connector.RunMode;
import io.skillbridge.connector.RunResult;
import io.skillbridge.connector.http.HostPolicy;
import io.skillbridge.system.DeadLetterRepository;
import io.skillbridge.system.RunRepository;
import io.skillbridge.system.Secrets;
import io.skillbridge.xapi.StatementWriter;
import io.skillbridge.xapi.XapiException;
import io.skillbridge.xapi.XapiVersion;
import io.skillbridge.xapi.auth.XapiClient;
import io.skillbridge.xapi.validation.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One run of an {@code lrs-pull} connector: the statements a remote LRS stored since the connector's cursor, page by
 * page along its {@code more} links, written through the same {@link StatementWriter} as the hub's own Statements
 * resource (so they become evidence the same way, and a voiding statement voids what an earlier run pulled), with
 * the connector as their authority. The cursor is the newest {@code stored} time pulled, saved when the run ends; a
 * run cut short pulls the same statements again, which the store takes as no-ops. A statement the hub refuses
 * becomes a dead letter; the others of its page are written.
 */
@Service
public class LrsPull {

    private static final Logger log = LoggerFactory.getLogger(LrsPull.class);

    private final StatementWriter writer;
    private final RunRepository runs;
    private final DeadLetterRepository deadLetters;
    private final Secrets secrets;
    private final HostPolicy hostPolicy;
    private final ObjectMapper json;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public LrsPull(StatementWriter writer, RunRepository runs, DeadLetterRepository deadLetters, Secrets secrets,
                   HostPolicy hostPolicy, ObjectMapper json) {
        this.writer = writer;
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.secrets = secrets;
        this.hostPolicy = hostPolicy;
        this.json = json;
    }

    public RunResult run(ConnectorSettings connector, LrsPullSettings settings, String trigger) {
        String id = connector.getConnectorId();
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            String cursor = runs.checkpoint(id).cursor();
            String since = cursor != null ? cursor : settings.initialSince().isBlank() ? null : settings.initialSince();
            long runId = runs.start(id, since == null ? RunMode.FULL : RunMode.INCREMENTAL, trigger);
            try {
                String newest = pull(id, runId, settings, since);
                runs.complete(id, newest);
                RunResult result = runs.finish(runId, "succeeded", null);
                log.info("connector {}: run {} {} - read {}, new {}, unchanged {}, failed {}", id, runId, result.status(),
                        result.read(), result.created(), result.unchanged(), result.failed());
                return result;
            } catch (IOException | RuntimeException e) {
                String message = secrets.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn("connector {}: run {} failed: {}", id, runId, message);
                return runs.finish(runId, "failed", message);
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the newest stored time pulled, or {@code since} when there was nothing new */
    private String pull(String connectorId, long runId, LrsPullSettings settings, String since) throws IOException {
        hostPolicy.check(settings.endpoint());
        String password = settings.password().isBlank() ? "" : secrets.resolve(settings.password());
        LrsClient client = new LrsClient(settings.endpoint(), settings.username(), password);
        XapiClient authority = new XapiClient(connectorId, "LRS pull " + connectorId, "", EnumSet.of(XapiClient.Scope.WRITE));
        String newest = since;
        String body = client.first(since, settings.pageSize());
        while (true) {
            JsonNode page = json.readTree(body);
            JsonNode statements = page.path("statements");
            if (!statements.isArray()) {
                throw new IOException("the LRS answered no statements array");
            }
            for (JsonNode s : statements) {
                String stored = s.path("stored").asText(null);
                if (stored != null && Formats.timestamp(stored) != null && (newest == null || later(stored, newest))) {
                    newest = stored;
                }
            }
            PageOutcome out = new PageOutcome();
            write((ArrayNode) statements, authority, connectorId, runId, out);
            runs.addPage(runId, statements.size(), out, out.rejected.size());
            String more = page.path("more").asText("");
            if (more.isEmpty()) {
                return newest;
            }
            body = client.more(more);
        }
    }

    private static boolean later(String a, String b) {
        OffsetDateTime tb = Formats.timestamp(b);
        return tb == null || Formats.timestamp(a).isAfter(tb);
    }

    /** The page in one write; when the hub refuses it, each statement alone, the refused ones to dead letters. */
    private void write(ArrayNode statements, XapiClient authority, String connectorId, long runId, PageOutcome out) {
        if (statements.isEmpty()) {
            return;
        }
        try {
            count(writer.store(statements.deepCopy(), null, null, authority, XapiVersion.V1_0), out);
        } catch (XapiException refused) {
            for (JsonNode s : statements) {
                try {
                    count(writer.store(s.deepCopy(), null, null, authority, XapiVersion.V1_0), out);
                } catch (XapiException e) {
                    String ref = s.path("id").asText("statement");
                    out.rejected.add(new PageOutcome.Rejected(ref, "validation", e.getMessage(), s.toString()));
                    deadLetters.add(connectorId, runId, ref, "validation", e.getMessage(), s.toString());
                }
            }
        }
    }

    private static void count(StatementWriter.Written written, PageOutcome out) {
        out.created += written.stored();
        out.unchanged += written.ids().size() - written.stored();
    }
}
