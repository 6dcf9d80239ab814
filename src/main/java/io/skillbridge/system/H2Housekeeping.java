package io.skillbridge.system;

import org.h2.engine.Database;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Compacts the embedded H2 store while the hub runs, which H2 itself stops doing when each commit is written before
 * it returns (docs/adr/0005).
 *
 * <p>With {@code WRITE_DELAY=0} H2 starts no background writer, and that thread is also the one that rewrites the
 * live pages of mostly dead chunks so that the chunks can be freed. Without it the file only grows: every commit
 * leaves a chunk whose appended rows stay live, about 12 KB of file per xAPI statement of 650 bytes stored in
 * commits of 100. Like autovacuum, this yields to the work it tidies up after: every {@code housekeeping-ms}, when
 * nothing was committed since the previous look, it rewrites up to {@link #PASS_BYTES} of the chunks below H2's own
 * fill rate ({@code AUTO_COMPACT_FILL_RATE}, 90 %). H2 frees a chunk once nothing live is left in it and it is
 * older than its retention time (45 s). Under writes without a pause the file grows as it did before.
 *
 * <p>Nothing to do on PostgreSQL, on an in-memory H2, or on an H2 that writes lazily (its own thread runs).
 */
@Component
public class H2Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);
    /** What one pass rewrites at most: about 20 ms of H2's store lock on the 2-core machine. */
    static final int PASS_BYTES = 4 << 20;

    private final DataSource dataSource;
    private final long intervalMs;
    private BackgroundWorker worker;

    public H2Housekeeping(DataSource dataSource, @Value("${skillbridge.h2.housekeeping-ms:200}") long intervalMs) {
        this.dataSource = dataSource;
        this.intervalMs = intervalMs;
    }

    @Override
    public void start() {
        Runnable pass = pass(dataSource);
        if (pass != null) {
            worker = new BackgroundWorker("h2-housekeeping", pass, () -> 0, intervalMs);
        }
    }

    @Override
    public void stop() {
        if (worker != null) {
            worker.stop();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /**
     * A compaction pass over the file store behind {@code dataSource}, or null when H2 runs its own or there is no
     * file: not H2, in memory, or writing lazily.
     */
    static Runnable pass(DataSource dataSource) {
        MVStore store;
        int fillRate;
        // read while a connection is open: H2 closes a database with its last connection (not the hub's: its pool keeps them)
        try (Connection c = dataSource.getConnection()) {
            Database database = EmbeddedH2.of(c);
            if (database == null) {
                return null;
            }
            store = database.getStore().getMvStore();
            fillRate = database.getSettings().autoCompactFillRate;
            if (store.getFileStore() == null || store.getAutoCommitDelay() != 0) {
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the store to look at it: " + e.getMessage(), e);
        }
        return new Pass(store, fillRate);
    }

    /** Compacts when nothing was committed since its previous run. */
    private static final class Pass implements Runnable {
        private final MVStore store;
        private final int fillRate;
        private long seenVersion = -1;

        Pass(MVStore store, int fillRate) {
            this.store = store;
            this.fillRate = fillRate;
        }

        @Override
        public void run() {
            try {
                // a compaction holds H2's store lock, and a commit waits for it (rewriting H2's full budget took up to
                // 90 ms: the skills benchmark's p99 x10)
                if (store.getCurrentVersion() == seenVersion) {
                    store.compact(fillRate, PASS_BYTES);
                }
                seenVersion = store.getCurrentVersion();
            } catch (RuntimeException e) {
                // the next pass tries again; a closed store is the hub stopping
                log.warn("H2 store compaction: {}", e.toString());
            }
        }
    }
}
