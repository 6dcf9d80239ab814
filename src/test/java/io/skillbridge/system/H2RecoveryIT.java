package io.skillbridge.system;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A store left by a kill in the middle of a commit: {@code killed-mid-commit.mv.db} is the file of a process that
 * updated an {@code outbox} row and merged a {@code state} row in one transaction, from four threads, and was killed
 * ({@code kill -9}) after H2 had marked that transaction's undo log committed and before it had turned its rows into
 * committed ones. Made by killing such a writer at random moments until a file opened that way (H2 2.5.252); a kill
 * lands there rarely, so the file is kept rather than made by each run.
 */
class H2RecoveryIT {

    /** What the transaction cut short wrote into {@code state} row 19, and what the row held before it. */
    static final String COMMITTED = "70589229720357";
    static final String BEFORE = "70589223588169";

    @TempDir
    Path dir;

    @Test
    void h2AloneLeavesTheCommitUnfinishedAndItsRowsShowTheirOldValues() throws Exception {
        SingleConnectionDataSource store = killedStore();
        try {
            // when this fails, H2 finishes such commits itself and H2Recovery can go
            assertThat(committedButOpen(store)).as("transactions H2 restored as committed and left open").isEqualTo(1);
            assertThat(hash(store)).isEqualTo(BEFORE);
        } finally {
            store.destroy();
        }
    }

    @Test
    void theMigrationStrategyFinishesTheCommitBeforeMigratingAndItsRowsHoldWhatItCommitted() throws Exception {
        SingleConnectionDataSource store = killedStore();
        try {
            new H2Recovery().migrate(Flyway.configure().dataSource(store).baselineOnMigrate(true)
                    .locations("classpath:io/skillbridge/system/no-migrations").load());

            assertThat(committedButOpen(store)).isZero();
            assertThat(hash(store)).isEqualTo(COMMITTED);
            // before the fix an update of the row spun for ever, waiting on a transaction that never ends
            JdbcTemplate jdbc = new JdbcTemplate(store);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertThat(jdbc.update("update outbox set attempts = attempts + 1 where id = 19")).isEqualTo(1);
                assertThat(jdbc.update("update state set hash = 'next' where id = 19")).isEqualTo(1);
            });
        } finally {
            store.destroy();
        }
        SingleConnectionDataSource reopened = h2(dir.resolve("killed"));
        try {
            assertThat(H2Recovery.finishCommitted(reopened)).as("finished for good: nothing left at the next start").isZero();
            assertThat(new JdbcTemplate(reopened).queryForObject("select hash from state where id = 19", String.class))
                    .isEqualTo("next");
        } finally {
            reopened.destroy();
        }
    }

    @Test
    void aStoreClosedCleanlyHasNothingToFinish() {
        SingleConnectionDataSource clean = h2(dir.resolve("clean"));
        try {
            new JdbcTemplate(clean).execute("create table t (id int primary key)");
            assertThat(H2Recovery.finishCommitted(clean)).isZero();
        } finally {
            clean.destroy();
        }
        SingleConnectionDataSource memory = new SingleConnectionDataSource("jdbc:h2:mem:recovery", "sa", "", true);
        try {
            assertThat(H2Recovery.finishCommitted(memory)).isZero();
        } finally {
            memory.destroy();
        }
    }

    private SingleConnectionDataSource killedStore() throws Exception {
        try (InputStream fixture = getClass().getResourceAsStream("/h2/killed-mid-commit.mv.db")) {
            Files.copy(fixture, dir.resolve("killed.mv.db"));
        }
        return h2(dir.resolve("killed"));
    }

    private static SingleConnectionDataSource h2(Path file) {
        return new SingleConnectionDataSource("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "", true);
    }

    private static long committedButOpen(DataSource store) throws Exception {
        try (Connection c = store.getConnection()) {
            return H2Recovery.leftOpen(EmbeddedH2.of(c)).size();
        }
    }

    private static String hash(DataSource store) {
        return new JdbcTemplate(store).queryForObject("select hash from state where id = 19", String.class);
    }
}
