package io.skillbridge.outbound;

import io.skillbridge.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The same kill on PostgreSQL (started by {@code .ci/run}; skipped without it), in a database of its own: the
 * hubs that other ITs left running in this JVM poll the shared test database, and would take this test's rows for
 * rows of a target they do not know.
 */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
class OutboundCrashOnPostgresIT extends OutboundCrashIT {

    private final String database = "skillbridge_crash_" + System.nanoTime();

    @BeforeEach
    void createDatabase() throws SQLException {
        admin("create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        // the hub may still hold connections: this runs before the kill in OutboundCrashIT's own @AfterEach
        admin("drop database if exists " + database + " with (force)");
    }

    @Override
    protected List<String> store() {
        return List.of("--spring.datasource.url=" + url(), "--spring.datasource.username=" + TestPostgres.USER);
    }

    private String url() {
        String shared = System.getenv(TestPostgres.URL_VARIABLE);
        return shared.substring(0, shared.lastIndexOf('/') + 1) + database;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getenv(TestPostgres.URL_VARIABLE), TestPostgres.USER, "")) {
            c.createStatement().execute(sql);
        }
    }
}
