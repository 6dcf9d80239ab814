package db.migration;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the hub's H2 file store (commits written before they return), a transaction that inserts 100 rows into a table
 * numbered by an identity column writes the database file once: before V11 it wrote it four times, three of them for
 * the identity's sequence alone.
 */
class V11H2IdentityCacheIT {

    @TempDir
    Path dir;
    SingleConnectionDataSource connection;

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void everyIdentityColumnHandsOutItsNumbersInBlocksOfTenThousand() {
        JdbcTemplate jdbc = migrated("latest");

        assertThat(jdbc.queryForList("select distinct identity_cache from information_schema.columns"
                + " where table_schema = current_schema and is_identity = 'YES'", Long.class))
                .containsExactly((long) V11__h2_identity_cache.CACHE);
    }

    @Test
    void aTransactionOfAHundredNumberedRowsWritesTheFileOnce() {
        assertThat(fileWritesForAHundredDeadLetters(migrated("latest"))).isEqualTo(1);
    }

    @Test
    void beforeTheMigrationTheSameTransactionWroteTheFileFourTimes() {
        assertThat(fileWritesForAHundredDeadLetters(migrated("10"))).isEqualTo(4);
    }

    private JdbcTemplate migrated(String target) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("hub") + ";WRITE_DELAY=0");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").target(target).load().migrate();
        connection = new SingleConnectionDataSource(h2.getURL(), "sa", "", true);
        return new JdbcTemplate(connection);
    }

    private static long fileWritesForAHundredDeadLetters(JdbcTemplate jdbc) {
        String insert = "insert into dead_letter (connector_id, stage, reason, payload, status, created_at)"
                + " values ('hris', 'mapping', 'no such org unit', '{}', 'open', current_timestamp)";
        // the sequence's first block is written on its first use, whatever its size
        jdbc.update(insert);
        long before = fileWrites(jdbc);
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(t -> {
            for (int i = 0; i < 100; i++) {
                jdbc.update(insert);
            }
        });
        return fileWrites(jdbc) - before;
    }

    private static long fileWrites(JdbcTemplate jdbc) {
        return Long.parseLong(jdbc.queryForObject(
                "select setting_value from information_schema.settings where setting_name = 'info.FILE_WRITE'", String.class));
    }
}
