package io.skillbridge.kpi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The KPIs through the API over the demo: the hub started with the shipped connectors and the simulated Workday,
 * BambooHR and Recruiting tenants, the connectors run, then three years of KPIs, one org unit's subtree, the
 * monthly CSV and the SVG chart, and the refusals of bad parameters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:kpidemo;DB_CLOSE_DELAY=-1",
        "skillbridge.data-dir=target/kpi-demo-it-data"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiDemoIT {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate FROM = TODAY.minusYears(3).plusDays(1);
    static final String RANGE = "from=" + FROM + "&to=" + TODAY;
    static final int MONTHS = (int) ChronoUnit.MONTHS.between(FROM.withDayOfMonth(1), TODAY.withDayOfMonth(1)) + 1;

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void connectorsHaveRun() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Map<String, Object>> connectors = http.getForObject("/api/v1/connectors", List.class);
            return connectors.stream().filter(c -> Boolean.TRUE.equals(c.get("enabled")) && !"file-drop".equals(c.get("kind")))
                    .allMatch(c -> c.get("lastRun") instanceof Map<?, ?> run && !"running".equals(run.get("status")));
        });
        List<Map<String, Object>> connectors = http.getForObject("/api/v1/connectors", List.class);
        assertThat(connectors).filteredOn(c -> "workday-requisitions".equals(c.get("id"))).singleElement()
                .satisfies(c -> assertThat(((Map<String, Object>) c.get("lastRun")).get("status")).isEqualTo("succeeded"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void threeYearsOfKpisArePlausible() {
        Map<String, Object> body = http.getForObject("/api/v1/kpis?" + RANGE, Map.class);
        Map<String, Map<String, Object>> kpis = (Map<String, Map<String, Object>>) body.get("kpis");
        Map<String, Object> fill = kpis.get("internalFillRate");
        // about a third of the org was hired in the last three years; moves into new jobs are fewer
        assertThat((Integer) fill.get("filled")).isGreaterThan(500);
        assertThat((Integer) fill.get("internal")).isPositive();
        assertThat((Double) fill.get("ratePercent")).isBetween(1.0, 60.0);
        Map<String, Object> mobility = kpis.get("mobilityVelocity");
        assertThat((Integer) mobility.get("moves")).isPositive();
        assertThat((Double) mobility.get("medianMonthsInRole")).isBetween(6.0, 120.0);
        assertThat((Integer) mobility.get("upward") + (Integer) mobility.get("lateral")
                + (Integer) mobility.get("downward") + (Integer) mobility.get("unranked")).isEqualTo(mobility.get("moves"));
        Map<String, Object> ttp = kpis.get("timeToProficiency");
        assertThat((Integer) ttp.get("starts")).isGreaterThan(300);
        Map<String, Object> gap = kpis.get("skillsGapClosure");
        assertThat((Integer) ((Map<String, Object>) gap.get("end")).get("people")).isGreaterThan(1000);
        assertThat((List<?>) gap.get("byOrgUnit")).isNotEmpty();
        assertThat(kpis.get("highPotentialRetention")).containsKeys("cohort", "retained", "ratePercent",
                "highEngagement", "lowEngagement");

        Map<String, Object> months = http.getForObject("/api/v1/kpis?" + RANGE + "&groupBy=month", Map.class);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) months.get("groups");
        assertThat(groups).hasSize(MONTHS);
        int monthlyFills = groups.stream().mapToInt(g -> (Integer) ((Map<String, Map<String, Object>>) g.get("kpis"))
                .get("internalFillRate").get("filled")).sum();
        assertThat(monthlyFills).isEqualTo(fill.get("filled"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOrgUnitCoversItsSubtree() {
        Map<String, Object> all = http.getForObject("/api/v1/kpis?" + RANGE + "&groupBy=orgUnit", Map.class);
        List<Map<String, Object>> units = (List<Map<String, Object>>) all.get("groups");
        String root = units.stream().filter(u -> "Acme Corp".equals(u.get("name"))).findFirst().orElseThrow()
                .get("key").toString();
        String engineering = units.stream().filter(u -> "Engineering".equals(u.get("name"))).findFirst().orElseThrow()
                .get("key").toString();
        int everyone = filled(http.getForObject("/api/v1/kpis?" + RANGE, Map.class));
        int underRoot = filled(http.getForObject("/api/v1/kpis?" + RANGE + "&orgUnit=" + root, Map.class));
        int underEngineering = filled(http.getForObject("/api/v1/kpis?" + RANGE + "&orgUnit=" + engineering, Map.class));
        int engineeringItself = units.stream().filter(u -> u.get("key").equals(engineering))
                .mapToInt(u -> (Integer) ((Map<String, Map<String, Object>>) u.get("kpis")).get("internalFillRate")
                        .get("filled")).sum();
        // requisitions name Workday units, all under Acme Corp; Engineering's teams sit below it
        assertThat(underRoot).isEqualTo(everyone);
        assertThat(underEngineering).isGreaterThan(engineeringItself).isLessThan(everyone);
    }

    @Test
    void theCsvHasOneRowPerMonth() {
        ResponseEntity<String> csv = http.getForEntity("/api/v1/kpis/internal-fill-rate/export.csv?" + RANGE, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo("month,from,to,filled,internal,external,ratePercent");
        assertThat(lines).hasSize(MONTHS + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(7));
        assertThat(lines.get(1)).startsWith(FROM.toString().substring(0, 7) + "," + FROM + ",");
    }

    @Test
    void everyChartIsWellFormedSvg() throws Exception {
        for (Kpi kpi : Kpi.values()) {
            ResponseEntity<String> svg = http.getForEntity("/api/v1/kpis/" + kpi.slug() + "/chart.svg?" + RANGE, String.class);
            assertThat(svg.getStatusCode()).as(kpi.slug()).isEqualTo(HttpStatus.OK);
            assertThat(svg.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBody().getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(doc.getElementsByTagName("text").item(0).getTextContent()).startsWith(kpi.title());
            // axis ticks and month labels
            assertThat(doc.getElementsByTagName("text").getLength()).isGreaterThan(10);
        }
        String fill = http.getForObject("/api/v1/kpis/internal-fill-rate/chart.svg?" + RANGE, String.class);
        assertThat(fill).contains("<path d=\"M").contains("<circle");
    }

    @Test
    @SuppressWarnings("unchecked")
    void badParametersAreRefusedNamingTheParameter() {
        assertBad("/api/v1/kpis?from=2025-06-01&to=2025-01-01", "from");
        assertBad("/api/v1/kpis?from=yesterday", "from");
        assertBad("/api/v1/kpis?to=2025-02-30", "to");
        assertBad("/api/v1/kpis?orgUnit=workday:nowhere", "orgUnit");
        assertBad("/api/v1/kpis?groupBy=team", "groupBy");
        assertBad("/api/v1/kpis/happiness/chart.svg", "name");
        assertBad("/api/v1/kpis/happiness/export.csv", "name");
        assertBad("/api/v1/kpis/mobility-velocity/export.csv?from=2000-01-01&to=2025-01-01", "from");
    }

    @SuppressWarnings("unchecked")
    private void assertBad(String url, String field) {
        ResponseEntity<Map> r = http.getForEntity(url, Map.class);
        assertThat(r.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).as(url).containsEntry("field", field).containsEntry("status", 400);
        assertThat((String) r.getBody().get("message")).as(url).isNotBlank();
    }

    @SuppressWarnings("unchecked")
    private static int filled(Map<String, Object> body) {
        return (Integer) ((Map<String, Map<String, Object>>) body.get("kpis")).get("internalFillRate").get("filled");
    }
}
