package io.skillbridge.xapi.store;

import io.skillbridge.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

/**
 * The statement store's writes on a real PostgreSQL (started by {@code .ci/run}; skipped without it), in a schema of
 * their own: one execution, atomic without a transaction.
 */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
class StatementStoreInsertOnPostgresIT extends StatementStoreInsertIT {

    static final String SCHEMA = "statement_store_insert_it";

    @Override
    DataSource database() {
        String url = System.getenv(TestPostgres.URL_VARIABLE);
        return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, TestPostgres.USER, "");
    }

    @Override
    void migrate(DataSource ds) {
        new JdbcTemplate(ds).execute("drop schema if exists " + SCHEMA + " cascade");
        Flyway.configure().dataSource(ds).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema " + SCHEMA + " cascade");
    }
}
