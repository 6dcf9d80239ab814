package io.skillbridge.xapi;

import io.skillbridge.TestPostgres;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Group commits on a real PostgreSQL (started by {@code .ci/run}; skipped without it). */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
class StatementWriterOnPostgresIT extends StatementWriterIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry r) {
        TestPostgres.use(r);
    }
}
