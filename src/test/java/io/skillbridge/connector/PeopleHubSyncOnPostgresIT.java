package io.skillbridge.connector;

import io.skillbridge.TestPostgres;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same end-to-end scenarios, migrations and repository code on a real PostgreSQL. {@code .ci/run} starts one
 * on loopback and sets {@code SKILLBRIDGE_TEST_POSTGRES_URL}; without it (a laptop without PostgreSQL) these are
 * skipped.
 */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
class PeopleHubSyncOnPostgresIT extends PeopleHubSyncIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry r) {
        TestPostgres.use(r);
    }
}
