package io.skillbridge.xapi.spec;

import io.skillbridge.TestPostgres;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same spec section on a real PostgreSQL (started by {@code .ci/run}; skipped without it). */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
class StatementsPutPostSpecOnPostgresIT extends StatementsPutPostSpecIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry r) {
        TestPostgres.use(r);
    }
}
