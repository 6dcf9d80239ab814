package io.skillbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skillbridge.HubHome;
import io.skillbridge.connector.ConnectorRegistry;
import io.skillbridge.connector.RunMode;
import io.skillbridge.connector.RunResult;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HRIS sync benchmark (issue: foundation). Run with {@code mvn -B verify -Pbenchmark -Dit.test=HrisSyncBenchmark}.
 *
 * <p>Serves 100,000 Workday-shaped workers from a paged API on loopback, runs a full sync through the shipped
 * Workday mapping into the H2 file store, then an incremental sync of 1,000 changed workers, and prints the hub's
 * figures beside the raw limit measured in the same run: Jackson parse of the same pages plus a JDBC batch insert
 * of one row per worker (batches of 1,000, one commit each) into an H2 file database.
 */
class HrisSyncBenchmark {

    static final int WORKERS = Integer.getInteger("bench.workers", 100_000);
    static final int PAGE = Integer.getInteger("bench.page", 1000);
    static final int CHANGED = 1000;
    static final long SETTLE_MS = Long.getLong("bench.settle-ms", 15_000);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fullAndIncrementalSync() throws Exception {
        List<byte[]> pages = new ArrayList<>();
        for (int p = 0; p < WORKERS / PAGE; p++) {
            pages.add(page(p * PAGE, PAGE, WORKERS, "").getBytes(StandardCharsets.UTF_8));
        }
        WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal().containerThreads(8));
        vendor.start();
        HubHome home = new HubHome();
        // the warm-up tenant serves a tenth as many other workers, so that the JIT has compiled the sync path before
        // the measured runs (the design's figures are for a warm JVM)
        for (String tenant : List.of("bench", "warmup")) {
            int served = tenant.equals("bench") ? pages.size() : Math.max(1, pages.size() / 10);
            for (int p = 0; p < served; p++) {
                vendor.stubFor(get(urlPathEqualTo("/ccx/api/v1/" + tenant + "/workers"))
                        .withQueryParam("offset", equalTo(String.valueOf(p * PAGE))).withQueryParam("updatedFrom", absent())
                        .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                .withBody(tenant.equals("bench") ? pages.get(p) : page(WORKERS + p * PAGE, PAGE, served * PAGE, "").getBytes(StandardCharsets.UTF_8))));
            }
            home.write("config/connectors/" + tenant + "-workers.yaml", """
                    kind: http-pull
                    parameters:
                      system: %s
                      mapping: workday/rest-worker.jsonata
                      baseUrl: http://127.0.0.1:%d
                      path: /ccx/api/v1/%s/workers
                      pagination: offset
                      pageSize: %d
                      recordsPath: /data
                      totalPath: /total
                      incrementalParam: updatedFrom
                    """.formatted(tenant, vendor.port(), tenant, PAGE));
        }
        Path data = Scratch.dir("bench-hub");

        double rawPerSecond = Scratch.best(3, () -> rawLimit(pages));
        double sameRowsPerSecond = Scratch.best(2, () -> rawSameRows(pages));
        try (ConfigurableApplicationContext hub = home.start(data)) {
            ConnectorRegistry registry = hub.getBean(ConnectorRegistry.class);
            registry.trigger("warmup-workers", RunMode.FULL, "api").get();
            long t0 = System.nanoTime();
            RunResult full = registry.trigger("bench-workers", RunMode.FULL, "api").get();
            double fullSeconds = (System.nanoTime() - t0) / 1e9;
            assertThat(full.created()).isEqualTo(WORKERS);

            // right after the full sync, the hub is still taking in 100,000 new people (profile index, org tree, KPI
            // snapshot); then once more after it settled: the first figure is the worst case, the second the usual one
            double busySeconds = incremental(vendor, registry, 0);
            Thread.sleep(SETTLE_MS);
            double incSeconds = incremental(vendor, registry, CHANGED);

            long t2 = System.nanoTime();
            RunResult replay = registry.trigger("bench-workers", RunMode.FULL, "api").get();
            double replaySeconds = (System.nanoTime() - t2) / 1e9;

            double hubRate = WORKERS / fullSeconds;
            System.out.printf("%n=== HRIS sync benchmark (%,d workers, pages of %,d, H2 file store) ===%n", WORKERS, PAGE);
            System.out.printf("full sync            %8.2f s  %,10.0f workers/s%n", fullSeconds, hubRate);
            System.out.printf("raw limit            %8s    %,10.0f rows/s   (Jackson parse + JDBC batch insert, same run, best of 3)%n", "", rawPerSecond);
            System.out.printf("hub / raw            %8.0f %%%n", 100 * hubRate / rawPerSecond);
            System.out.printf("raw, the hub's rows  %8s    %,10.0f workers/s (person + identity link + employment per worker,%n"
                    + "                                           the hub's schema and indexes, batches of %,d, best of 2)%n", "", sameRowsPerSecond, PAGE);
            System.out.printf("hub / raw same rows  %8.0f %%%n", 100 * hubRate / sameRowsPerSecond);
            System.out.printf("incremental 1,000    %8.3f s  (right after the full sync: %.3f s; then %,d ms to settle)%n",
                    incSeconds, busySeconds, SETTLE_MS);
            System.out.printf("unchanged full sync  %8.2f s  %,10.0f workers/s (%,d unchanged)%n", replaySeconds, WORKERS / replaySeconds, replay.unchanged());
            System.out.printf("targets: >= 5,000 workers/s, >= 30%% of raw, incremental < 2 s%n%n");
        } finally {
            vendor.stop();
        }
    }

    /** Jackson tree parse of every page, and one JDBC batch insert per page of one row per worker. */
    static double rawLimit(List<byte[]> pages) throws Exception {
        try (Connection c = DriverManager.getConnection(Scratch.durableH2("bench-raw"), "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table worker_raw (id varchar(36) primary key, external_id varchar(100), email varchar(320),"
                        + " name varchar(300), role_id varchar(200), org_unit_id varchar(200), hire_date varchar(10))");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement("insert into worker_raw values (?, ?, ?, ?, ?, ?, ?)")) {
                for (byte[] page : pages) {
                    for (JsonNode w : JSON.readTree(page).path("data")) {
                        ps.setString(1, java.util.UUID.randomUUID().toString());
                        ps.setString(2, w.path("workerId").asText());
                        ps.setString(3, w.path("primaryWorkEmail").asText());
                        ps.setString(4, w.path("descriptor").asText());
                        ps.setString(5, w.path("primaryJob").path("jobProfile").path("id").asText());
                        ps.setString(6, w.path("primarySupervisoryOrganization").path("id").asText());
                        ps.setString(7, w.path("primaryJob").path("hireDate").asText());
                        ps.addBatch();
                        rows++;
                    }
                    ps.executeBatch();
                    c.commit();
                }
            }
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * The floor for the rows the hub itself writes: each worker's person, identity link and employment row, parsed
     * with Jackson and batch-inserted into a fresh H2 file database carrying the hub's own Flyway schema.
     */
    static double rawSameRows(List<byte[]> pages) throws Exception {
        String url = Scratch.durableH2("bench-raw-rows");
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
            long t0 = System.nanoTime();
            int workers = 0;
            try (PreparedStatement person = c.prepareStatement("insert into person (id, status, display_name, work_email,"
                    + " work_email_norm, employee_id, org_unit_id, role_id, location, hire_date, high_potential, created_at,"
                    + " updated_at) values (?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)");
                 PreparedStatement link = c.prepareStatement("insert into identity_link (system, external_id, person_id,"
                         + " record_hash, manager_ref, active, created_at) values ('workday', ?, ?, ?, ?, true, ?)");
                 PreparedStatement employment = c.prepareStatement("insert into employment (person_id, role_id,"
                         + " org_unit_id, start_date, source_system) values (?, ?, ?, ?, 'workday')")) {
                for (byte[] page : pages) {
                    for (JsonNode w : JSON.readTree(page).path("data")) {
                        String id = io.skillbridge.identity.PersonIds.next();
                        String email = w.path("primaryWorkEmail").asText();
                        String role = "workday:" + w.path("primaryJob").path("jobProfile").path("id").asText();
                        String org = "workday:" + w.path("primarySupervisoryOrganization").path("id").asText();
                        java.time.LocalDate hired = java.time.LocalDate.parse(w.path("primaryJob").path("hireDate").asText());
                        Object[] p = {id, w.path("descriptor").asText(), email, email.toLowerCase(), w.path("workerId").asText(),
                                org, role, w.path("location").path("descriptor").asText(), hired, now, now};
                        for (int i = 0; i < p.length; i++) {
                            person.setObject(i + 1, p[i]);
                        }
                        person.addBatch();
                        Object[] l = {w.path("workerId").asText(), id, "h" + w.hashCode(), w.path("manager").path("workerId").asText(null), now};
                        for (int i = 0; i < l.length; i++) {
                            link.setObject(i + 1, l[i]);
                        }
                        link.addBatch();
                        Object[] e = {id, role, org, hired};
                        for (int i = 0; i < e.length; i++) {
                            employment.setObject(i + 1, e[i]);
                        }
                        employment.addBatch();
                        workers++;
                    }
                    person.executeBatch();
                    link.executeBatch();
                    employment.executeBatch();
                    c.commit();
                }
            }
            return workers / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** An incremental run that brings {@code CHANGED} workers from {@code from} on, changed; its seconds. */
    static double incremental(WireMockServer vendor, ConnectorRegistry registry, int from) throws Exception {
        vendor.stubFor(get(urlPathEqualTo("/ccx/api/v1/bench/workers")).withQueryParam("updatedFrom", matching(".+"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page(from, CHANGED, CHANGED, " (changed)"))));
        long t0 = System.nanoTime();
        RunResult incremental = registry.trigger("bench-workers", null, "api").get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(incremental.read()).isEqualTo(CHANGED);
        assertThat(incremental.updated()).isEqualTo(CHANGED);
        return seconds;
    }

    /** Workday REST {@code workers} page: the sample's shape, with a manager tree and a spread of hire dates. */
    static String page(int from, int count, int total, String suffix) {
        StringBuilder sb = new StringBuilder(count * 700).append("{\"total\": ").append(total).append(", \"data\": [");
        for (int i = from; i < from + count; i++) {
            if (i > from) {
                sb.append(',');
            }
            String manager = i == 0 ? "" : ", \"manager\": {\"workerId\": \"" + (100000 + (i - 1) / 8) + "\"}";
            sb.append("{\"id\": \"wid").append(i).append("\", \"descriptor\": \"Worker ").append(i).append(suffix)
                    .append("\", \"workerId\": \"").append(100000 + i).append("\", \"primaryWorkEmail\": \"worker").append(i)
                    .append("@bench.example\", \"businessTitle\": \"Title ").append(i % 40).append("\", \"isManager\": false,")
                    .append(" \"primarySupervisoryOrganization\": {\"id\": \"ORG-").append(i % 300)
                    .append("\", \"descriptor\": \"Org ").append(i % 300).append(" (Someone)\"},")
                    .append(" \"location\": {\"id\": \"L").append(i % 12).append("\", \"descriptor\": \"City ").append(i % 12).append("\"},")
                    .append(" \"primaryJob\": {\"jobProfile\": {\"id\": \"JP-").append(i % 60).append("\", \"descriptor\": \"Profile ")
                    .append(i % 60).append("\"}, \"jobType\": {\"descriptor\": \"Regular\"}, \"hireDate\": \"")
                    .append(2011 + i % 15).append("-0").append(1 + i % 9).append("-1").append(i % 10).append("\"}")
                    .append(manager).append('}');
        }
        return sb.append("]}").toString();
    }
}
