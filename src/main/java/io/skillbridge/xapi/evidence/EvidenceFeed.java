package io.skillbridge.xapi.evidence;

import io.skillbridge.connector.SyncRunFinished;
import io.skillbridge.skills.scale.ProficiencyScales;
import io.skillbridge.system.BackgroundWorker;
import io.skillbridge.xapi.ConsistentThrough;
import io.skillbridge.xapi.StatementsAccepted;
import io.skillbridge.xapi.store.StatementReader;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Feeds stored statements to {@link StatementEvidence} on one background thread, in the order they became visible,
 * a page per transaction together with the feed's position: a stop loses nothing and repeats nothing. Every
 * committed write wakes it (pushed and pulled statements alike); a slow poll covers a write that failed after a
 * later one committed. After an HRIS run, the statements of actors that matched nobody are tried again.
 */
@Service
public class EvidenceFeed {

    public static final String READER = "evidence";
    private static final int PAGE = 2000;
    /** A few tens of milliseconds of latency for one pass per burst of writes. */
    private static final long COALESCE_MS = 50;
    /**
     * Under a stream of statements, fewer and larger passes: each pass commits, and on H2 a commit writes a chunk of
     * the file. At 5,000 statements/s with a pass per 50 ms, the feed's commits took 12 % of the hub's CPU (JFR,
     * XapiBenchmark); at a pass per 250 ms, 4 %.
     */
    private static final long BUSY_COALESCE_MS = 250;
    /** A pass that read this many statements (2,000/s at the short delay) makes the next one wait longer. */
    private static final int BUSY_PASS = 100;
    private static final Logger log = LoggerFactory.getLogger(EvidenceFeed.class);

    private final StatementReader reader;
    private final StatementEvidence evidence;
    private final ActorMatcher actors;
    private final ConsistentThrough consistentThrough;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final EvidenceRules rules;
    private final BackgroundWorker worker;
    /** Statements read by the last pass. */
    private volatile int lastPass;

    public EvidenceFeed(StatementReader reader, StatementEvidence evidence, ActorMatcher actors,
                        ConsistentThrough consistentThrough, TransactionTemplate tx, JdbcTemplate jdbc,
                        ProficiencyScales scales, @Value("${skillbridge.home:.}") String home,
                        @Value("${skillbridge.xapi.evidence-file:config/xapi/evidence.yaml}") String file,
                        @Value("${skillbridge.xapi.evidence-poll-ms:2000}") long pollMs) {
        this.reader = reader;
        this.evidence = evidence;
        this.actors = actors;
        this.consistentThrough = consistentThrough;
        this.tx = tx;
        this.jdbc = jdbc;
        Path path = Path.of(home).resolve(file);
        this.rules = EvidenceRules.load(path, scales);
        if (rules.verbs().isEmpty()) {
            log.warn("xAPI: no evidence rules in {}; statements give no evidence", path);
        }
        this.worker = new BackgroundWorker("xapi-evidence", this::drain,
                () -> lastPass >= BUSY_PASS ? BUSY_COALESCE_MS : COALESCE_MS, pollMs);
    }

    @EventListener
    void on(StatementsAccepted accepted) {
        wake();
    }

    @EventListener
    void on(ApplicationReadyEvent ready) {
        wake();
    }

    /** New or changed people may be actors that matched nobody so far. */
    @EventListener
    void on(SyncRunFinished run) {
        if ("worker".equals(run.entity())) {
            actors.peopleChanged();
            worker.execute(this::retryUnmatched);
        }
    }

    public void wake() {
        worker.wake();
    }

    private void drain() {
        int read = 0;
        try {
            OffsetDateTime through = consistentThrough.now();
            Integer page;
            do {
                page = tx.execute(status -> page(through));
                read += page;
            } while (page == PAGE);
        } catch (RuntimeException e) {
            // the position did not move: the next wake-up or poll tries the same statements again
            log.warn("xAPI evidence: {}", e.toString(), e);
        } finally {
            lastPass = read;
        }
    }

    /** Applies the next page of statements; returns how many it read. */
    private int page(OffsetDateTime through) {
        StatementReader.Position from = reader.position(READER);
        List<StatementReader.Row> rows = reader.after(from, through, PAGE);
        if (rows.isEmpty()) {
            return 0;
        }
        StatementEvidence.Outcome out = evidence.apply(rows, rules);
        reader.save(READER, rows.get(rows.size() - 1).position());
        log.debug("xAPI evidence: {} statements, {} learning records, {} unmatched actors, {} claims withdrawn",
                rows.size(), out.learningRecords(), out.unmatched(), out.withdrawn());
        return rows.size();
    }

    /** The statements of unmatched actors that now match someone become evidence; those actors leave the list. */
    void retryUnmatched() {
        try {
            tx.executeWithoutResult(status -> {
                List<String> waiting = jdbc.queryForList("select actor_ifi from xapi_unmatched_actor", String.class);
                Map<String, String> found = actors.resolve(waiting, rules);
                if (found.isEmpty()) {
                    return;
                }
                evidence.apply(reader.ofActors(found.keySet()), rules);
                jdbc.batchUpdate("delete from xapi_unmatched_actor where actor_ifi = ?",
                        found.keySet().stream().map(a -> new Object[]{a}).toList());
                log.info("xAPI evidence: {} actors now match a person; their statements were applied", found.size());
            });
        } catch (RuntimeException e) {
            log.warn("xAPI evidence: retrying unmatched actors failed: {}", e.toString(), e);
        }
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }
}
