package io.skillbridge.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the README promises a new user: the hub started with no configuration of its own (the shipped connector
 * files, the simulated vendors) holds the demo org within a minute, every connector's run succeeded, and the
 * people present in both HRIS are one person each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1",
        "skillbridge.data-dir=target/demo-it-data"})
class DemoStartIT {

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void theDemoOrgLandsWithinAMinute() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Map<String, Object>> connectors = http.getForObject("/api/v1/connectors", List.class);
            return connectors.stream().filter(c -> Boolean.TRUE.equals(c.get("enabled")) && !"file-drop".equals(c.get("kind")))
                    .allMatch(c -> c.get("lastRun") instanceof Map<?, ?> run && !"running".equals(run.get("status")));
        });

        List<Map<String, Object>> connectors = http.getForObject("/api/v1/connectors", List.class);
        assertThat(connectors).filteredOn(c -> c.get("lastRun") != null)
                .allSatisfy(c -> assertThat(((Map<String, Object>) c.get("lastRun")).get("status"))
                        .as(() -> c.get("id") + " last run; dead letters: " + http.getForObject("/api/v1/dead-letters?size=5", Map.class))
                        .isEqualTo("succeeded"));
        Map<String, Object> persons = http.getForObject("/api/v1/persons?size=1", Map.class);
        // 2,140 source records: 1,650 in Workday, 490 in BambooHR, of whom 150 are the same people
        assertThat((Integer) persons.get("total")).isBetween(1900, 2000);
        assertThat(http.getForObject("/api/v1/identity/conflicts", Map.class)).containsEntry("total", 0);
        assertThat((Integer) http.getForObject("/api/v1/roles?size=1", Map.class).get("total")).isGreaterThan(30);
        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");

        theDemoShowsMeaningfulGaps();
    }

    /** Senior support representatives are closest to customer success, second-level analysts to BI. */
    @SuppressWarnings("unchecked")
    private void theDemoShowsMeaningfulGaps() {
        String rep = firstActive("workday:JP-CSR-3");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !((List<?>) http.getForObject("/api/v1/persons/" + rep + "/profile", Map.class).get("skills")).isEmpty());
        for (String[] step : new String[][]{{"workday:JP-CSR-3", "workday:JP-CSM-1"}, {"workday:JP-DA-2", "workday:JP-BIA-1"}}) {
            List<Map<String, Object>> people = (List<Map<String, Object>>) http.getForObject(
                    "/api/v1/persons?status=active&size=40&role=" + step[0], Map.class).get("items");
            int nextStepInTopThree = 0;
            List<Object> sample = new java.util.ArrayList<>();
            for (Map<String, Object> p : people) {
                // profiles are recomputed in the background after the skills run: wait for this person's
                Map<String, Object> gap = await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject(
                        "/api/v1/persons/" + p.get("id") + "/gap?role=" + step[1], Map.class),
                        g -> ((Number) g.get("coverage")).doubleValue() > 0);
                assertThat(((Number) gap.get("coverage")).doubleValue()).as(p.get("id") + " to " + step[1]).isBetween(35.0, 100.0);
                assertThat((List<?>) gap.get("missing")).isNotEmpty();
                Map<String, Object> adjacent = http.getForObject("/api/v1/persons/" + p.get("id") + "/adjacent-roles?limit=3", Map.class);
                List<Map<String, Object>> roles = (List<Map<String, Object>>) adjacent.get("roles");
                sample.add(roles);
                if (roles.stream().anyMatch(r -> step[1].equals(r.get("id")))) {
                    nextStepInTopThree++;
                }
            }
            assertThat(nextStepInTopThree).as(step[0] + " people with " + step[1] + " among their three closest roles: "
                            + sample.subList(0, Math.min(3, sample.size())))
                    .isGreaterThan(people.size() / 2);
        }
    }

    @SuppressWarnings("unchecked")
    private String firstActive(String role) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) http.getForObject(
                "/api/v1/persons?status=active&size=1&role=" + role, Map.class).get("items");
        return (String) items.get(0).get("id");
    }
}
