package io.skillbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skillbridge.HubHome;
import io.skillbridge.connector.ConnectorRegistry;
import io.skillbridge.connector.RunMode;
import io.skillbridge.connector.RunResult;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.TaxonomyLoader;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog sync benchmark (issue 4). Run with {@code mvn -B verify -Pbenchmark -Dit.test=CatalogSyncBenchmark}.
 *
 * <p>Serves 100,000 Coursera-shaped catalog items (titles and tags naming taxonomy skills, free-text workloads) from a
 * paged API on loopback, runs a full sync through the shipped Coursera mapping into the H2 file store (normalizing,
 * deduplicating and skill-tagging every item), then the same sync again (all unchanged), and prints items/s beside
 * the raw limit measured in the same run: Jackson parse of the same pages plus a JDBC batch insert of one row per
 * item (batches of one page, one commit each) into a bare table of an H2 file database.
 */
class CatalogSyncBenchmark {

    static final int ITEMS = Integer.getInteger("bench.items", 100_000);
    static final int PAGE = Integer.getInteger("bench.page", 1000);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] PATTERNS = {"Introduction to %s", "Applied %s", "%s for Managers", "Advanced %s",
            "%s in Practice", "%s Foundations", "Mastering %s", "%s: Case Studies"};
    static final String[] WORKLOADS = {"4 weeks, 3-4 hours per week", "Approx. 20 hours", "2 hours", "6 weeks",
            "3 months at 5 hours a week", "90 minutes"};
    static final String[] LEVELS = {"Beginner", "Intermediate", "Advanced", "Mixed"};

    @Test
    void fullAndUnchangedCatalogSync() throws Exception {
        List<Skill> skills = TaxonomyLoader.load(Path.of("config/taxonomy")).skills();
        List<byte[]> pages = new ArrayList<>();
        for (int p = 0; p < ITEMS / PAGE; p++) {
            pages.add(page(skills, "b", p * PAGE, PAGE, ITEMS));
        }
        WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal().containerThreads(8));
        vendor.start();
        HubHome home = new HubHome();
        int warmupItems = ITEMS / 10;
        for (String tenant : List.of("bench", "warmup")) {
            int served = tenant.equals("bench") ? pages.size() : warmupItems / PAGE;
            for (int p = 0; p < served; p++) {
                byte[] body = tenant.equals("bench") ? pages.get(p) : page(skills, "w", p * PAGE, PAGE, warmupItems);
                vendor.stubFor(get(urlPathEqualTo("/" + tenant + "/catalog")).withQueryParam("start", equalTo(String.valueOf(p * PAGE)))
                        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
            }
            home.write("config/connectors/" + tenant + "-catalog.yaml", """
                    kind: http-pull
                    parameters:
                      system: %s
                      entity: contentItem
                      mapping: coursera/catalog-item.jsonata
                      baseUrl: http://127.0.0.1:%d
                      path: /%s/catalog
                      pagination: offset
                      offsetParam: start
                      limitParam: limit
                      pageSize: %d
                      recordsPath: /elements
                      totalPath: /paging/total
                    """.formatted(tenant, vendor.port(), tenant, PAGE));
        }
        Path data = Scratch.dir("bench-catalog");

        double rawPerSecond = Scratch.best(3, () -> rawLimit(pages));
        try (ConfigurableApplicationContext hub = home.start(data)) {
            ConnectorRegistry registry = hub.getBean(ConnectorRegistry.class);
            registry.trigger("warmup-catalog", RunMode.FULL, "api").get();
            long t0 = System.nanoTime();
            RunResult full = registry.trigger("bench-catalog", RunMode.FULL, "api").get();
            double fullSeconds = (System.nanoTime() - t0) / 1e9;
            assertThat(full.created()).isEqualTo(ITEMS);

            long t1 = System.nanoTime();
            RunResult again = registry.trigger("bench-catalog", RunMode.FULL, "api").get();
            double againSeconds = (System.nanoTime() - t1) / 1e9;
            assertThat(again.unchanged()).isEqualTo(ITEMS);

            Integer tags = hub.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from content_skill where source_system = 'bench'", Integer.class);
            double hubRate = ITEMS / fullSeconds;
            System.out.printf("%n=== Catalog sync benchmark (%,d items, pages of %,d, H2 file store) ===%n", ITEMS, PAGE);
            System.out.printf("full sync            %8.2f s  %,10.0f items/s  (%,d skill tags written)%n", fullSeconds, hubRate, tags);
            System.out.printf("raw limit            %8s    %,10.0f items/s  (Jackson parse + JDBC batch insert, same run, best of 3)%n", "", rawPerSecond);
            System.out.printf("hub / raw            %8.0f %%%n", 100 * hubRate / rawPerSecond);
            System.out.printf("unchanged full sync  %8.2f s  %,10.0f items/s  (%,d unchanged)%n%n", againSeconds,
                    ITEMS / againSeconds, again.unchanged());
        } finally {
            vendor.stop();
        }
    }

    /** Jackson tree parse of every page, and one JDBC batch insert per page of one row per item. */
    static double rawLimit(List<byte[]> pages) throws Exception {
        try (Connection c = DriverManager.getConnection(Scratch.durableH2("bench-catalog-raw"), "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table item_raw (id varchar(36) primary key, external_id varchar(300), title varchar(500),"
                        + " description varchar(4000), modality varchar(20), workload varchar(100), level varchar(20),"
                        + " language varchar(20), url varchar(1000), skills varchar(1000), active boolean)");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement("insert into item_raw values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (byte[] page : pages) {
                    for (JsonNode i : JSON.readTree(page).path("elements")) {
                        ps.setString(1, io.skillbridge.identity.PersonIds.next());
                        ps.setString(2, i.path("id").asText());
                        ps.setString(3, i.path("name").asText());
                        ps.setString(4, i.path("description").asText());
                        ps.setString(5, i.path("contentType").asText());
                        ps.setString(6, i.path("workload").asText());
                        ps.setString(7, i.path("difficultyLevel").asText());
                        ps.setString(8, i.path("languageCode").asText());
                        ps.setString(9, i.path("url").asText());
                        ps.setString(10, i.path("skills").toString());
                        ps.setBoolean(11, i.path("isActive").asBoolean());
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

    /** A Coursera catalog page: every item names a skill of the taxonomy in its title and tags. */
    static byte[] page(List<Skill> skills, String prefix, int from, int count, int total) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode elements = page.putArray("elements");
        for (int i = from; i < from + count; i++) {
            Skill s = skills.get(i % skills.size());
            String name = PATTERNS[i / skills.size() % PATTERNS.length].formatted(s.label()) + " " + (i / 3000 + 1);
            ObjectNode item = elements.addObject().put("id", prefix + i).put("contentType", i % 4 == 0 ? "Specialization" : "Course")
                    .put("name", name).put("slug", prefix + i).put("description", s.description())
                    .put("difficultyLevel", LEVELS[i % LEVELS.length]).put("workload", WORKLOADS[i % WORKLOADS.length])
                    .put("languageCode", "en").put("lastModifiedUTC", "2026-09-14T10:00:00Z").put("isActive", true)
                    .put("url", "https://www.coursera.org/learn/" + prefix + i);
            item.putArray("skills").add(s.label()).add(i % 2 == 0 && !s.aliases().isEmpty() ? s.aliases().get(0) : "Career Essentials");
            item.putArray("partners").add("Example University");
        }
        page.putObject("paging").put("total", total);
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }
}
