package io.skillbridge.connector;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skillbridge.HubHome;
import io.skillbridge.SkillbridgeApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hub stopped between pages resumes from its checkpoint at the next start, and ends with exactly the store that
 * an uninterrupted sync produces.
 */
class InterruptedSyncIT {

    static final WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final int PAGES = 6;
    static final int PAGE_SIZE = 50;

    @AfterAll
    static void stop() {
        vendor.stop();
    }

    @Test
    void aSyncCutOffBetweenPagesResumesAndEndsWithTheSameStore() throws Exception {
        vendor.start();
        HubHome home = new HubHome();
        home.write("mappings/acme/worker.jsonata", """
                { "externalId": id, "workEmail": email, "givenName": name, "status": "active",
                  "hireDate": hired, "managerExternalId": boss, "role": { "externalId": job } }
                """);
        home.write("config/connectors/acme-workers.yaml", """
                kind: http-pull
                parameters:
                  system: acme
                  mapping: acme/worker.jsonata
                  baseUrl: http://127.0.0.1:%d
                  path: /workers
                  pagination: page
                  pageSize: %d
                  limitParam: per_page
                  recordsPath: /items
                  firstPage: 1
                  readTimeoutMs: 60000
                """.formatted(vendor.port(), PAGE_SIZE));
        for (int p = 1; p <= PAGES + 1; p++) {
            var stub = get(urlPathEqualTo("/workers")).withQueryParam("page", equalTo(String.valueOf(p)));
            // the fourth page is slow on the first pass, so that the hub can be stopped while it waits for it
            vendor.stubFor(stub.willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody(page(p)).withFixedDelay(p == 4 ? 4000 : 0)));
        }

        String interrupted = syncTwiceAcrossAStop(home);
        vendor.resetAll();
        for (int p = 1; p <= PAGES + 1; p++) {
            vendor.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("page", equalTo(String.valueOf(p)))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page(p))));
        }
        String uninterrupted = syncOnce(home);

        assertThat(interrupted).isEqualTo(uninterrupted);
        assertThat(interrupted).contains("w-" + (PAGES * PAGE_SIZE - 1));
    }

    private String syncTwiceAcrossAStop(HubHome home) throws Exception {
        Path data = Files.createTempDirectory("interrupted");
        try (ConfigurableApplicationContext first = start(home, data)) {
            first.getBean(ConnectorRegistry.class).trigger("acme-workers", null, "api");
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from person", Integer.class) == 3 * PAGE_SIZE);
        }
        try (ConfigurableApplicationContext second = start(home, data)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(jdbc.queryForObject(
                    "select max(status) from sync_run", String.class)));
            assertThat(jdbc.queryForObject("select count(*) from sync_run", Integer.class))
                    .as("the resumed run is the same run, not a new one").isEqualTo(1);
            assertThat(jdbc.queryForObject("select pages from sync_run", Integer.class)).isEqualTo(PAGES + 1);
            return snapshot(jdbc);
        }
    }

    private String syncOnce(HubHome home) throws Exception {
        try (ConfigurableApplicationContext ctx = start(home, Files.createTempDirectory("uninterrupted"))) {
            ctx.getBean(ConnectorRegistry.class).trigger("acme-workers", null, "api").get();
            return snapshot(ctx.getBean(JdbcTemplate.class));
        }
    }

    private static ConfigurableApplicationContext start(HubHome home, Path data) {
        return new SpringApplicationBuilder(SkillbridgeApplication.class).run(
                "--server.port=0", "--skillbridge.home=" + home.root(), "--skillbridge.data-dir=" + data,
                "--skillbridge.demo.enabled=false", "--skillbridge.scheduling.enabled=false",
                "--skillbridge.http.allow-private-networks=true");
    }

    /** The store by natural keys: person ids are minted when a person is first seen, so two stores differ in them. */
    private static String snapshot(JdbcTemplate jdbc) {
        return jdbc.queryForList("select l.external_id, p.status, p.given_name, p.work_email, ml.external_id as manager,"
                + " p.role_id, p.hire_date from person p join identity_link l on l.person_id = p.id"
                + " left join identity_link ml on ml.person_id = p.manager_id order by l.external_id")
                + " " + jdbc.queryForList("select system, external_id, record_hash, active from identity_link order by external_id")
                + " " + jdbc.queryForList("select l.external_id, e.role_id, e.start_date, e.end_date from employment e"
                + " join identity_link l on l.person_id = e.person_id order by l.external_id, e.start_date");
    }

    private static String page(int p) {
        List<String> items = new ArrayList<>();
        if (p <= PAGES) {
            for (int i = (p - 1) * PAGE_SIZE; i < p * PAGE_SIZE; i++) {
                String boss = i == 0 ? "null" : "\"w-" + ((i - 1) / 5) + "\"";
                items.add("{\"id\": \"w-" + i + "\", \"email\": \"w" + i + "@acme.example\", \"name\": \"W" + i
                        + "\", \"hired\": \"2021-05-0" + (1 + i % 9) + "\", \"boss\": " + boss + ", \"job\": \"J" + (i % 7) + "\"}");
            }
        }
        return "{\"items\": [" + String.join(",", items) + "]}";
    }
}
