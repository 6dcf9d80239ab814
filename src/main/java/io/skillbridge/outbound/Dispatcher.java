package io.skillbridge.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.Sql;
import io.skillbridge.canonical.WorkerRecord;
import io.skillbridge.canonical.mapping.MappingException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers committed outbox rows: woken by each commit that wrote rows and polling for retries that fell due. A
 * failed attempt is retried with exponential backoff (or after the server's {@code Retry-After}) until the target's
 * last attempt, then the row is dead and waits for a replay. Rows are read back from the store, so a process that
 * stopped between the commit and the delivery delivers them at its next start, under the same idempotency key.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 200;
    private static final Duration MAX_WAIT = Duration.ofHours(1);
    private static final String COLUMNS = "id, event, target_id, person_id, payload, body, idempotency_key, attempts,"
            + " created_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Targets targets;
    private final DeliveryRenderer renderer;
    private final HttpPush http;
    private final SftpExport sftp;
    private final OutboxSignal signal;
    private final long pollMs;
    private final ExecutorService senders;
    /** The lanes (target and person) with a row at a sender: a few per sender keep them busy without a long queue. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final int maxInFlight;
    private final Thread loop = new Thread(this::run, "outbox-dispatcher");
    private volatile boolean running = true;

    public Dispatcher(JdbcTemplate jdbc, TransactionTemplate tx, Targets targets, DeliveryRenderer renderer, HttpPush http,
                      SftpExport sftp, OutboxSignal signal, @Value("${skillbridge.outbound.poll-ms:1000}") long pollMs,
                      @Value("${skillbridge.outbound.senders:4}") int senders) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.targets = targets;
        this.renderer = renderer;
        this.http = http;
        this.sftp = sftp;
        this.signal = signal;
        this.pollMs = pollMs;
        this.maxInFlight = senders * 2;
        this.senders = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "outbox-sender");
            t.setDaemon(true);
            return t;
        });
        loop.setDaemon(true);
    }

    /** Only once the hub is up: connectors, targets and the schema are all in place by then. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        loop.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        loop.interrupt();
        senders.shutdownNow();
    }

    private void run() {
        while (running) {
            try {
                drain();
                signal.await(pollMs);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("outbox dispatch failed; retried at the next poll: {}", e.toString());
                try {
                    Thread.sleep(pollMs);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * Hands due rows to the senders without waiting for a batch to finish: a slow target, or a slow answer, holds up
     * only its own rows, and a row committed meanwhile goes out as soon as a sender is free (a sender that finishes
     * wakes this loop). One row per target and person at a time, so that two write-backs of a person never race each
     * other to the target and the later state always lands last.
     *
     * @return how many rows were handed over
     */
    int drain() {
        int room = maxInFlight - inFlight.size();
        if (room <= 0) {
            return 0;
        }
        int handed = 0;
        List<String> files = new ArrayList<>();
        for (Target t : targets.all()) {
            if (t.kind() == Target.Kind.SFTP_EXPORT) {
                // a file target's rows go out together, one file at a time: its lane is the target itself
                files.add("'" + t.id() + "'");
                if (handed < room && exportDue(t) && hand(t.id(), () -> export(t), t.id())) {
                    handed++;
                }
            }
        }
        // ids and lanes only: rows already at a sender come back here on every wake, their bodies need not
        List<Object[]> due = jdbc.query("select id, target_id, person_id from outbox where status = 'pending'"
                + " and next_attempt_at <= ?" + (files.isEmpty() ? "" : " and target_id not in (" + String.join(", ", files) + ")")
                + " order by id fetch first " + BATCH + " rows only",
                (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}, Sql.now());
        for (Object[] d : due) {
            if (handed == room) {
                break;
            }
            long id = (Long) d[0];
            if (hand(d[1] + "\u0000" + (d[2] != null ? d[2] : "#" + id), () -> jdbc.query("select " + COLUMNS
                    + " from outbox where id = ? and status = 'pending'", (rs, n) -> row(rs), id).forEach(this::deliver),
                    "delivery " + id)) {
                handed++;
            }
        }
        return handed;
    }

    /** Gives the work to a sender unless its lane is busy. @return whether it was given */
    private boolean hand(String lane, Runnable work, String what) {
        if (!inFlight.add(lane)) {
            return false;
        }
        senders.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("{} failed unexpectedly; retried at the next poll: {}", what, e.toString());
            } finally {
                inFlight.remove(lane);
                signal.wake();
            }
        });
        return true;
    }

    private void deliver(DeliveryRenderer.Row row) {
        Target target = targets.find(row.targetId()).orElse(null);
        if (target == null) {
            finish(row, "dead", null, "target " + row.targetId() + " is no longer configured");
            return;
        }
        String body = body(target, row);
        if (body != null) {
            record(target, row, body, http.send(target, externalId(target, row.personId()), row.event(),
                    row.idempotencyKey(), body));
        }
    }

    /**
     * One file of a file-export target: its due rows, rendered, written as one CSV file. The rows count as delivered
     * only once the file stands under its final name; a failed upload leaves every row of it pending for a retry.
     */
    private void export(Target target) {
        List<DeliveryRenderer.Row> due = jdbc.query("select " + COLUMNS + " from outbox where target_id = ?"
                + " and status = 'pending' and next_attempt_at <= ? order by id fetch first " + target.batchSize()
                + " rows only", (rs, n) -> row(rs), target.id(), Sql.now());
        Map<DeliveryRenderer.Row, String> bodies = new LinkedHashMap<>();
        for (DeliveryRenderer.Row r : due) {
            String body = body(target, r);
            if (body != null) {
                bodies.put(r, body);
            }
        }
        if (bodies.isEmpty()) {
            return;
        }
        HttpPush.Outcome outcome = sftp.upload(target, bodies.keySet().iterator().next().id(), bodies.values());
        bodies.forEach((r, body) -> record(target, r, body, outcome));
    }

    /** Whether a file-export target has a file to write: a full batch, or rows that waited its interval. */
    private boolean exportDue(Target target) {
        return Boolean.TRUE.equals(jdbc.query("select count(*) as n, min(created_at) as oldest from outbox"
                + " where target_id = ? and status = 'pending' and next_attempt_at <= ?", rs -> {
                    rs.next();
                    Instant oldest = Sql.instant(rs, "oldest");
                    return rs.getInt("n") >= target.batchSize() || oldest != null
                            && !oldest.plusSeconds(target.intervalSeconds()).isAfter(Instant.now());
                }, target.id(), Sql.now()));
    }

    /**
     * What the row sends, rendered at its first attempt and kept. Null when nothing is to be sent, the row then
     * finished: superseded by a newer write-back of the person, unchanged since what the target last accepted, or
     * dead when its mapping fails.
     */
    private String body(Target target, DeliveryRenderer.Row row) {
        if (row.body() != null) {
            return row.body();
        }
        boolean writeBack = writeBack(target, row);
        if (writeBack && newerPending(row)) {
            finish(row, "superseded", null, null);
            return null;
        }
        JsonNode rendered;
        try {
            rendered = renderer.render(target, row);
        } catch (MappingException e) {
            finish(row, "dead", null, "mapping " + target.mapping() + ": " + e.getMessage());
            return null;
        }
        if (rendered == null || rendered.isNull()) {
            finish(row, "unchanged", null, null);
            return null;
        }
        String body = rendered.toString();
        String hash = WorkerRecord.sha256(body);
        if (unchanged(writeBack, hash, writeBack ? lastSent(target.id(), row.personId()) : null)) {
            finish(row, "unchanged", null, null);
            return null;
        }
        // kept before sending: a retry, even after a crash, sends these very bytes under the same key
        jdbc.update("update outbox set body = ?, body_hash = ? where id = ?", body, hash, row.id());
        return body;
    }

    /**
     * A write-back is not sent again when its body hashes the same as what the target last accepted for the person;
     * events (webhooks, enrolments) always are.
     */
    static boolean unchanged(boolean writeBack, String hash, String lastAccepted) {
        return writeBack && hash.equals(lastAccepted);
    }

    private static boolean writeBack(Target target, DeliveryRenderer.Row row) {
        return OutboundEvents.PROFILE_UPDATED.equals(row.event()) && target.mapping() != null;
    }

    /** The row after an attempt: delivered, due again after a wait, or dead after its last attempt. */
    private void record(Target target, DeliveryRenderer.Row row, String body, HttpPush.Outcome outcome) {
        int attempts = row.attempts() + 1;
        if (outcome.delivered()) {
            tx.executeWithoutResult(s -> {
                jdbc.update("update outbox set status = 'delivered', attempts = ?, last_status = ?, last_error = null,"
                        + " finished_at = ? where id = ?", attempts, outcome.status(), Sql.now(), row.id());
                if (writeBack(target, row)) {
                    remember(target.id(), row.personId(), WorkerRecord.sha256(body));
                }
            });
        } else if (outcome.retryable() && attempts < target.maxAttempts()) {
            jdbc.update("update outbox set attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ? where id = ?",
                    attempts, outcome.status(), truncate(outcome.error()),
                    Sql.ts(Instant.now().plus(wait(outcome.retryAfter(), target.backoffMs(), attempts))), row.id());
        } else {
            jdbc.update("update outbox set status = 'dead', attempts = ?, last_status = ?, last_error = ?,"
                    + " finished_at = ? where id = ?", attempts, outcome.status(), truncate(outcome.error()), Sql.now(), row.id());
            log.warn("delivery {} to {} is dead after {} attempts: {}", row.id(), target.id(), attempts, outcome.error());
        }
    }

    /** The server's {@code Retry-After} when it gave one (at most an hour), else the target's backoff. */
    static Duration wait(Duration retryAfter, long backoffMs, int attempts) {
        return retryAfter != null ? min(retryAfter, MAX_WAIT) : backoff(backoffMs, attempts);
    }

    /**
     * Puts a dead or delivered row back in the queue, with the same body and idempotency key.
     *
     * @return false when the row is still pending (or does not exist)
     */
    public boolean replay(long id) {
        boolean replayed = jdbc.update("update outbox set status = 'pending', attempts = 0, next_attempt_at = ?,"
                + " finished_at = null where id = ? and status in ('dead', 'delivered')", Sql.now(), id) > 0;
        if (replayed) {
            signal.wake();
        }
        return replayed;
    }

    /** A write-back renders the person as they stand: an older pending row adds nothing a newer one will not send. */
    private boolean newerPending(DeliveryRenderer.Row row) {
        return jdbc.queryForObject("select count(*) from outbox where target_id = ? and person_id = ? and event = ?"
                + " and status = 'pending' and id > ?", Integer.class, row.targetId(), row.personId(), row.event(), row.id()) > 0;
    }

    private String lastSent(String targetId, String personId) {
        return jdbc.queryForList("select body_hash from outbound_state where target_id = ? and person_id = ?", String.class,
                targetId, personId).stream().findFirst().orElse(null);
    }

    private void remember(String targetId, String personId, String hash) {
        jdbc.update("merge into outbound_state t using (values (cast(? as varchar(100)), cast(? as varchar(36)),"
                + " cast(? as varchar(64)), cast(? as timestamp with time zone))) as s (target_id, person_id, body_hash, sent_at)"
                + " on t.target_id = s.target_id and t.person_id = s.person_id"
                + " when matched then update set body_hash = s.body_hash, sent_at = s.sent_at"
                + " when not matched then insert (target_id, person_id, body_hash, sent_at)"
                + " values (s.target_id, s.person_id, s.body_hash, s.sent_at)", targetId, personId, hash, Sql.now());
    }

    private String externalId(Target target, String personId) {
        if (target.system() == null || personId == null) {
            return null;
        }
        return jdbc.queryForList("select external_id from identity_link where person_id = ? and system = ? and active = true"
                + " order by created_at", String.class, personId, target.system()).stream().findFirst().orElse(null);
    }

    private void finish(DeliveryRenderer.Row row, String status, Integer httpStatus, String error) {
        jdbc.update("update outbox set status = ?, last_status = ?, last_error = ?, finished_at = ? where id = ?",
                status, httpStatus, truncate(error), Sql.now(), row.id());
    }

    /** Exponential from the target's backoff, with "equal jitter" so that a target's retries do not come in lockstep. */
    static Duration backoff(long backoffMs, int attempts) {
        long exponential = Math.min(MAX_WAIT.toMillis(), backoffMs << Math.min(attempts - 1, 20));
        return Duration.ofMillis(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 4000 ? error : error.substring(0, 4000);
    }

    private static DeliveryRenderer.Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DeliveryRenderer.Row(rs.getLong("id"), rs.getString("event"), rs.getString("target_id"),
                rs.getString("person_id"), rs.getString("payload"), rs.getString("body"), rs.getString("idempotency_key"),
                rs.getInt("attempts"), Sql.instant(rs, "created_at").toString());
    }
}
