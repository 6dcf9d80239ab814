package io.skillbridge.xapi.store;

import io.skillbridge.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
        return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, "postgres", "");
    }

    @Override
    void migrate(DataSource ds) {
        new JdbcTemplate(ds).execute("drop schema if exists " + SCHEMA + " cascade");
        Flyway.configure().dataSource(ds).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void aStatementStoredAfterItsVoidingStatementIsStoredVoidedWithoutBeingToldSo() throws Exception {
        String targetId = UUID.randomUUID().toString();
        String voidingId = UUID.randomUUID().toString();
        store.insert(List.of(new NewStatement(facts(voidingId, "http://adlnet.gov/expapi/verbs/voided", """
                "object": {"objectType": "StatementRef", "id": "%s"}""".formatted(targetId)), "{}", false, List.of(), STORED, "lms")),
                List.of());

        // as the group commit writes a group without its lookup: voided unknown, so false
        store.insert(List.of(statement(targetId, """
                "object": {"id": "https://lms.example.com/course/C-1"}""")), List.of());

        assertThat(jdbc.queryForObject("select voided from xapi_statement where id = ?", Boolean.class, targetId)).isTrue();
        assertThat(jdbc.queryForObject("select voided from xapi_statement where id = ?", Boolean.class, voidingId)).isFalse();
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema " + SCHEMA + " cascade");
    }
}
