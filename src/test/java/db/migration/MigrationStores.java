package db.migration;

import io.skillbridge.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * A fresh store for a migration test: an in-memory H2, or a schema of its own on the test PostgreSQL (its public
 * schema is the other ITs', and already migrated). Flyway is configured for it; {@code target} picks the version.
 */
record MigrationStores(DataSource dataSource, FluentConfiguration flyway, String indexNames) {

    static MigrationStores h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new MigrationStores(ds, Flyway.configure().dataSource(ds).locations("classpath:db/migration"),
                "select index_name from information_schema.indexes where lower(table_name) like 'xapi_statement%'");
    }

    static MigrationStores postgres(String schema) {
        String url = System.getenv(TestPostgres.URL_VARIABLE);
        new JdbcTemplate(new DriverManagerDataSource(url, TestPostgres.USER, "")).execute("drop schema if exists " + schema + " cascade");
        DataSource ds = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, TestPostgres.USER, "");
        return new MigrationStores(ds, Flyway.configure().dataSource(ds).schemas(schema).locations("classpath:db/migration"),
                "select indexname from pg_indexes where schemaname = '" + schema + "'");
    }

    JdbcTemplate migrate(String target) {
        flyway.target(target).load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
