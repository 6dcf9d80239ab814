package io.skillbridge.outbound;

import io.skillbridge.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skillbridge.HubHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The performance-learning loop: a review ingested from the HRIS with development areas assigns content for each
 * area, and the assignments become LMS enrolments; the same review delivered again assigns nothing more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OutboundFixtures.MoodleCoursePerSkill.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:reviewloop;DB_CLOSE_DELAY=-1")
class PerformanceReviewLoopIT {

    static final WireMockServer vendors = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final HubHome home = new HubHome();
    static final String WS = "/moodle/webservice/rest/server.php";

    static {
        vendors.start();
        String base = "http://127.0.0.1:" + vendors.port();
        OutboundFixtures.moodleEnrolments(home, base + WS);
        home.write("mappings/acme/review.jsonata", """
                {
                  "externalId": id, "person": { "workEmail": employee.email }, "period": cycle, "rating": rating,
                  "developmentAreas": [growth.{ "skill": competency, "level": target }]
                }
                """);
        home.write("config/connectors/acme-reviews.yaml", """
                kind: http-pull
                parameters:
                  system: acme
                  entity: performanceReview
                  mapping: acme/review.jsonata
                  baseUrl: %s
                  path: /reviews
                  recordsPath: /reviews
                  recordIdField: id
                  reconcile: false
                """.formatted(base));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        OutboundFixtures.moodleHub(r, home);
    }

    @AfterAll
    static void stop() {
        vendors.stop();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void aReviewsDevelopmentAreasBecomeAssignmentsAndLmsEnrolments() {
        TestStore.empty(jdbc);
        OutboundFixtures.person(jdbc, "p-1", "ada@acme.example", "moodle=311");
        vendors.stubFor(post(urlPathEqualTo(WS)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("null")));
        vendors.stubFor(get(urlPathEqualTo("/reviews")).willReturn(okJson("""
                {"reviews": [{"id": "rv-2026-1", "employee": {"email": "Ada@acme.example"}, "cycle": "2026", "rating": "meets",
                  "growth": [{"competency": "SQL", "target": 3}, {"competency": "Stakeholder Management"}]}]}""")));

        JsonNode run = http.postForObject("/api/v1/connectors/acme-reviews/runs?wait=true", null, JsonNode.class);

        assertThat(run.path("created").asInt()).as(run.toString()).isEqualTo(1);
        assertThat(jdbc.queryForList("select skill_id || '@' || reason from assignment where person_id = 'p-1' order by skill_id",
                String.class)).containsExactly("sql@review", "stakeholder-management@review");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where status = 'delivered' and event = 'assignment.created'", Integer.class) == 2);
        vendors.verify(postRequestedFor(urlPathEqualTo(WS)).withFormParam("enrolments[0][courseid]", equalTo("sql"))
                .withFormParam("enrolments[0][userid]", equalTo("311")));

        JsonNode again = http.postForObject("/api/v1/connectors/acme-reviews/runs?wait=true", null, JsonNode.class);
        assertThat(again.path("unchanged").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from assignment", Integer.class)).isEqualTo(2);
    }
}
