package io.skillbridge.outbound;

import io.skillbridge.TestStore;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skillbridge.HubHome;
import io.skillbridge.skills.evidence.EvidenceLedger;
import io.skillbridge.skills.roles.RoleCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Write-back to a WireMock Workday and enrolment in a WireMock Moodle, through the real path: evidence committed to
 * the ledger, the profile recomputed, outbox rows in the recompute's transaction, the dispatcher after the commit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:outbound;DB_CLOSE_DELAY=-1")
class OutboundWritebackIT {

    static final WireMockServer target = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final HubHome home = new HubHome();
    static final String WORKDAY = "/workday/workers/W1/skills";

    static {
        target.start();
        home.write("config/targets/workday-skills.yaml", """
                kind: http-push
                system: workday
                events: [profile.updated]
                url: http://127.0.0.1:%d/workday/workers/{externalId}/skills
                mapping: workday/skills-writeback.jsonata
                auth: {type: bearer, token: "${TARGET_TOKEN}"}
                maxAttempts: 3
                backoffMs: 50
                """.formatted(target.port()));
        home.write("config/targets/moodle-enrolments.yaml", """
                kind: http-push
                system: moodle
                events: [assignment.created]
                url: http://127.0.0.1:%d/moodle/webservice/rest/server.php
                method: POST
                format: form
                mapping: moodle/enrolment.jsonata
                errorPath: /exception
                auth: {type: api-key, in: form, name: wstoken, value: "${MOODLE_TOKEN}"}
                """.formatted(target.port()));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("skillbridge.home", () -> home.root().toString());
        r.add("skillbridge.demo.enabled", () -> "false");
        r.add("skillbridge.scheduling.enabled", () -> "false");
        r.add("skillbridge.http.allow-private-networks", () -> "true");
        r.add("skillbridge.outbound.poll-ms", () -> "100");
        r.add("TARGET_TOKEN", () -> "target-token-123");
        r.add("MOODLE_TOKEN", () -> "moodle-token-456");
    }

    /** The catalog is another package's work: any skill is closed by one Moodle course named after it. */
    @TestConfiguration
    static class Catalog {
        @Bean
        @Primary
        ContentFinder testCatalog() {
            return OutboundFixtures.coursePerSkill("moodle", "course-");
        }
    }

    @AfterAll
    static void stop() {
        target.stop();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    RoleCatalog roles;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void clean() {
        target.resetAll();
        TestStore.empty(jdbc);
        OutboundFixtures.person(jdbc, "p-1", "ada@acme.example", "workday=W1", "moodle=311");
    }

    private void acceptWrites() {
        target.stubFor(put(urlPathMatching("/workday/workers/.+/skills")).willReturn(aResponse().withStatus(200)));
    }

    private List<LoggedRequest> writes() {
        return target.findAll(putRequestedFor(urlPathEqualTo(WORKDAY)));
    }

    private Map<String, Object> delivery(String status) {
        return OutboundFixtures.awaitOutboxRow(jdbc, "status = ?", status);
    }

    @Test
    void aProfileChangeReachesTheHrisOnceWithTheMappedPayloadAndItsIdempotencyKey() {
        acceptWrites();

        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "assessments", "a-1");

        Map<String, Object> row = delivery("delivered");
        assertThat(row).containsEntry("TARGET_ID", "workday-skills").containsEntry("CAUSE_SYSTEMS", "assessments")
                .containsEntry("ATTEMPTS", 1);
        List<LoggedRequest> sent = writes();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Idempotency-Key")).isEqualTo(row.get("IDEMPOTENCY_KEY"));
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer target-token-123");
        target.verify(putRequestedFor(urlPathEqualTo(WORKDAY)).withRequestBody(equalToJson("""
                {"worker": {"id": "W1"},
                 "skills": [{"skillItem": {"id": "sql", "descriptor": "SQL",
                               "externalUri": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"},
                             "proficiency": {"id": "SKILL_LEVEL_3", "descriptor": "Intermediate"},
                             "evidenceCount": 1, "source": "Skillbridge"}],
                 "evidenceSummary": {"total": 1, "sources": [{"kind": "assessment", "count": 1, "lastObservedAt": "%s"}]}}
                """.formatted(OutboundFixtures.OBSERVED))));
        @SuppressWarnings("unchecked")
        Map<String, Object> log = http.getForObject("/api/v1/deliveries?target=workday-skills&status=delivered", Map.class);
        assertThat(log).containsEntry("total", 1).containsEntry("page", 0);
    }

    @Test
    void fiveHundredsAndTooManyRequestsAreRetriedUnderTheSameKeyAfterTheServersRetryAfter() {
        target.stubFor(put(urlPathEqualTo(WORKDAY)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("limited"));
        target.stubFor(put(urlPathEqualTo(WORKDAY)).inScenario("flaky").whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("up"));
        target.stubFor(put(urlPathEqualTo(WORKDAY)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "assessments", "a-1");

        Map<String, Object> row = delivery("delivered");
        assertThat(row).containsEntry("ATTEMPTS", 3).containsEntry("LAST_STATUS", 200);
        List<LoggedRequest> sent = writes();
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly((String) row.get("IDEMPOTENCY_KEY"));
        assertThat(sent).extracting(LoggedRequest::getBodyAsString).containsOnly(sent.get(0).getBodyAsString());
        assertThat(Duration.between(sent.get(1).getLoggedDate().toInstant(), sent.get(2).getLoggedDate().toInstant()))
                .as("the 429's Retry-After: 2").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aDeliveryIsDeadAfterItsLastAttemptAndAReplaySendsItAgainUnderTheSameKey() {
        target.stubFor(put(urlPathEqualTo(WORKDAY)).willReturn(aResponse().withStatus(500).withBody("tenant down")));
        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "assessments", "a-1");

        Map<String, Object> dead = delivery("dead");
        assertThat(dead).containsEntry("ATTEMPTS", 3).containsEntry("LAST_STATUS", 500);
        assertThat((String) dead.get("LAST_ERROR")).contains("answered HTTP 500: tenant down").doesNotContain("target-token-123");
        acceptWrites();

        @SuppressWarnings("unchecked")
        Map<String, Object> replayed = http.postForObject("/api/v1/deliveries/" + dead.get("ID") + "/replay", null, Map.class);

        // the dispatcher is woken by the replay and may have delivered it before the answer is written
        assertThat(replayed.get("status")).isIn("pending", "delivered");
        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(jdbc.queryForObject(
                "select status from outbox where id = ?", String.class, dead.get("ID"))));
        assertThat(writes()).hasSize(4).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly((String) dead.get("IDEMPOTENCY_KEY"));
    }

    @Test
    void evidenceThatCameOnlyFromTheHrisIsNotWrittenBackToIt() {
        acceptWrites();

        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "workday", "wd-skill-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from skill_profile where person_id = 'p-1'", Integer.class) == 1);
        assertThat(jdbc.queryForObject("select count(*) from outbox", Integer.class)).isZero();
        OutboundFixtures.claim(tx, ledger, "p-1", "excel", 2.5, "assessments", "a-2");
        assertThat(delivery("delivered")).containsEntry("CAUSE_SYSTEMS", "assessments");
        assertThat(writes()).hasSize(1);
        assertThat(writes().get(0).getBodyAsString()).contains("\"sql\"", "\"excel\"");
    }

    @Test
    void aProfileWhosePayloadDidNotChangeIsNotSentAgain() {
        acceptWrites();
        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "assessments", "a-1");
        delivery("delivered");

        // the same assessment corrected upwards within the level: the profile moves, its write-back does not
        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.9, "assessments", "a-1");

        assertThat(delivery("unchanged")).containsEntry("TARGET_ID", "workday-skills");
        assertThat(writes()).hasSize(1);
    }

    @Test
    void aCareerGoalTurnsTheGapIntoMoodleEnrolments() {
        target.stubFor(post(urlPathEqualTo("/moodle/webservice/rest/server.php")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("null")));
        jdbc.update("insert into job_role (id, system, external_id, title, active, updated_at)"
                + " values ('workday:CSR1', 'workday', 'CSR1', 'Customer Support Representative I', true, current_timestamp)");
        roles.refresh();

        @SuppressWarnings("unchecked")
        Map<String, Object> goal = http.exchange("/api/v1/persons/p-1/career-goal", HttpMethod.PUT,
                new HttpEntity<>(Map.of("roleId", "workday:CSR1")), Map.class).getBody();

        assertThat((List<?>) goal.get("assignments")).hasSize(Assignments.MAX_PER_GOAL);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where status = 'delivered'", Integer.class) == Assignments.MAX_PER_GOAL);
        target.verify(Assignments.MAX_PER_GOAL, postRequestedFor(urlPathEqualTo("/moodle/webservice/rest/server.php"))
                .withFormParam("wstoken", equalTo("moodle-token-456"))
                .withFormParam("wsfunction", equalTo("enrol_manual_enrol_users"))
                .withFormParam("enrolments[0][userid]", equalTo("311")));
        target.verify(postRequestedFor(urlPathEqualTo("/moodle/webservice/rest/server.php"))
                .withFormParam("enrolments[0][courseid]", equalTo("course-customer-service")));
        assertThat(http.getForObject("/api/v1/persons/p-1/assignments", List.class)).hasSize(Assignments.MAX_PER_GOAL);
    }

    @Test
    void aMoodleErrorAnsweredWithStatus200IsAFailure() {
        target.stubFor(post(urlPathEqualTo("/moodle/webservice/rest/server.php")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"exception\": \"moodle_exception\", \"errorcode\": \"invalidtoken\"}")));
        jdbc.update("insert into job_role (id, system, external_id, title, active, updated_at)"
                + " values ('workday:CSR1', 'workday', 'CSR1', 'Customer Support Representative I', true, current_timestamp)");
        roles.refresh();

        http.exchange("/api/v1/persons/p-1/career-goal", HttpMethod.PUT, new HttpEntity<>(Map.of("roleId", "workday:CSR1")), Map.class);

        assertThat((String) delivery("dead").get("LAST_ERROR")).contains("invalidtoken").doesNotContain("moodle-token-456");
    }
}
