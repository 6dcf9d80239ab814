package io.skillbridge;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL that {@code .ci/run} starts on loopback and names in {@code SKILLBRIDGE_TEST_POSTGRES_URL}: the
 * PostgreSQL variants of the ITs (enabled only where it is set) point the hub at it instead of H2.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "SKILLBRIDGE_TEST_POSTGRES_URL";
    /** The superuser .ci/run's initdb creates, trusted on loopback: no password. */
    public static final String USER = "postgres";

    private TestPostgres() {
    }

    public static void use(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> System.getenv(URL_VARIABLE));
        r.add("spring.datasource.username", () -> USER);
    }
}
