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
                        .as(c.get("id") + " last run").isEqualTo("succeeded"));
        Map<String, Object> persons = http.getForObject("/api/v1/persons?size=1", Map.class);
        // 2,140 source records: 1,650 in Workday, 490 in BambooHR, of whom 150 are the same people
        assertThat((Integer) persons.get("total")).isBetween(1900, 2000);
        assertThat(http.getForObject("/api/v1/identity/conflicts", Map.class)).containsEntry("total", 0);
        assertThat((Integer) http.getForObject("/api/v1/roles?size=1", Map.class).get("total")).isGreaterThan(30);
        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
    }
}
