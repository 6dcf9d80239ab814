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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook subscribers through the API: each event reaches a WireMock subscriber as the signed envelope, retried on
 * 5xx and 429, logged in the deliveries; an unsubscribed URL gets nothing more; bad subscriptions name the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:webhooks;DB_CLOSE_DELAY=-1")
class WebhookDeliveryIT {

    static final WireMockServer subscriber = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final HubHome home = new HubHome();
    static final String SECRET = "subscriber-secret-0001";
    static final String HOOK = "/hooks/skillbridge";

    static {
        subscriber.start();
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        home.register(r);
        r.add("skillbridge.outbound.poll-ms", () -> "100");
    }

    /** Any skill is closed by one course of an LMS no target serves: the assignment goes to webhooks only. */
    @TestConfiguration
    static class Catalog {
        @Bean
        @Primary
        ContentFinder testCatalog() {
            return OutboundFixtures.coursePerSkill("academy", "course-");
        }
    }

    @AfterAll
    static void stop() {
        subscriber.stop();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    OutboxWriter outbox;
    @Autowired
    RoleCatalog roles;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void clean() {
        subscriber.resetAll();
        subscriber.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(204)));
        TestStore.empty(jdbc);
        http.getForObject("/api/v1/webhooks", List.class).forEach(w -> http.delete("/api/v1/webhooks/" + ((Map<?, ?>) w).get("id")));
        OutboundFixtures.person(jdbc, "p-1", "ada@acme.example", "workday=W1");
    }

    private long subscribe(String... events) {
        ResponseEntity<Map> created = http.postForEntity("/api/v1/webhooks", Map.of("url", url(),
                "events", List.of(events), "secret", SECRET), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).doesNotContainKey("secret");
        return ((Number) created.getBody().get("id")).longValue();
    }

    private static String url() {
        return "http://127.0.0.1:" + subscriber.port() + HOOK;
    }

    private List<LoggedRequest> received() {
        return subscriber.findAll(postRequestedFor(urlPathEqualTo(HOOK)));
    }

    private Map<String, Object> delivered(String event) {
        return OutboundFixtures.awaitOutboxRow(jdbc, "event = ? and status = 'delivered'", event);
    }

    /** The request carries the exact envelope, signed over timestamp + "." + body with the subscriber's secret. */
    private void assertSignedEnvelope(LoggedRequest r, Map<String, Object> row, String data) {
        String body = r.getBodyAsString();
        assertThat(body).isEqualTo("{\"id\":\"%s\",\"event\":\"%s\",\"createdAt\":\"%s\",\"data\":%s}".formatted(
                row.get("IDEMPOTENCY_KEY"), row.get("EVENT"),
                ((java.time.OffsetDateTime) row.get("CREATED_AT")).toInstant(), data));
        String timestamp = r.getHeader("X-Skillbridge-Timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        assertThat(r.getHeader("X-Skillbridge-Signature")).isEqualTo("sha256=" + hmac(timestamp + "." + body));
        assertThat(r.getHeader("Idempotency-Key")).isEqualTo(row.get("IDEMPOTENCY_KEY"));
        assertThat(r.getHeader("X-Skillbridge-Event")).isEqualTo(row.get("EVENT"));
    }

    /** Recomputed here with the JDK, not with the hub's own code. */
    private static String hmac(String signed) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aProfileUpdateReachesTheSubscriberSignedAfterA503AndA429() {
        subscriber.stubFor(post(urlPathEqualTo(HOOK)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("limited"));
        subscriber.stubFor(post(urlPathEqualTo(HOOK)).inScenario("flaky").whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("up"));
        subscriber.stubFor(post(urlPathEqualTo(HOOK)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        long id = subscribe(OutboundEvents.PROFILE_UPDATED);

        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "assessments", "a-1");

        Map<String, Object> row = delivered(OutboundEvents.PROFILE_UPDATED);
        assertThat(row).containsEntry("TARGET_ID", "webhook-" + id).containsEntry("ATTEMPTS", 3).containsEntry("LAST_STATUS", 204);
        List<LoggedRequest> sent = received();
        assertThat(sent).hasSize(3).extracting(LoggedRequest::getBodyAsString).containsOnly(sent.get(0).getBodyAsString());
        assertSignedEnvelope(sent.get(2), row, "{\"personId\":\"p-1\",\"changes\":[{\"skillId\":\"sql\",\"after\":%s}]}"
                .formatted(jdbc.queryForObject("select level from skill_profile where person_id = 'p-1'", Double.class)));
        @SuppressWarnings("unchecked")
        Map<String, Object> log = http.getForObject("/api/v1/deliveries?target=webhook-" + id, Map.class);
        assertThat(log).containsEntry("total", 1);
        assertThat((List<Map<String, Object>>) log.get("items")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("status", "delivered").containsEntry("attempts", 3).containsEntry("lastStatus", 204)
                .containsEntry("event", "profile.updated"));
    }

    @Test
    void anAssignmentAndAPersonChangeReachTheSubscriberAsSignedEnvelopes() {
        subscribe(OutboundEvents.ASSIGNMENT_CREATED, OutboundEvents.PERSON_CHANGED);
        jdbc.update("insert into job_role (id, system, external_id, title, active, updated_at)"
                + " values ('workday:CSR1', 'workday', 'CSR1', 'Customer Support Representative I', true, current_timestamp)");
        roles.refresh();

        http.exchange("/api/v1/persons/p-1/career-goal", HttpMethod.PUT, new HttpEntity<>(Map.of("roleId", "workday:CSR1")), Map.class);
        tx.executeWithoutResult(s -> outbox.personsChanged("bamboohr", List.of("p-1")));

        Map<String, Object> changed = delivered(OutboundEvents.PERSON_CHANGED);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where status = 'delivered'", Integer.class) == Assignments.MAX_PER_GOAL + 1);
        Map<String, LoggedRequest> byKey = new HashMap<>();
        received().forEach(r -> byKey.put(r.getHeader("Idempotency-Key"), r));
        assertThat(byKey).hasSize(Assignments.MAX_PER_GOAL + 1);
        assertSignedEnvelope(byKey.get(changed.get("IDEMPOTENCY_KEY")), changed, "{\"personId\":\"p-1\",\"system\":\"bamboohr\"}");
        Map<String, Object> assignment = jdbc.queryForMap("select * from assignment order by skill_id fetch first 1 rows only");
        Map<String, Object> row = jdbc.queryForMap("select * from outbox where subject_ref = ?", assignment.get("ID"));
        assertSignedEnvelope(byKey.get(row.get("IDEMPOTENCY_KEY")), row, ("{\"personId\":\"p-1\",\"assignment\":{\"id\":\"%s\","
                + "\"personId\":\"p-1\",\"contentId\":\"academy:%s\",\"contentProvider\":\"academy\",\"contentExternalId\":\"course-%s\","
                + "\"contentTitle\":\"Course %s\",\"skillId\":\"%s\",\"reason\":\"career-goal\",\"reasonRef\":\"workday:CSR1\","
                + "\"status\":\"assigned\",\"dueDate\":\"%s\"}}").formatted(assignment.get("ID"), assignment.get("SKILL_ID"),
                assignment.get("SKILL_ID"), assignment.get("SKILL_ID"), assignment.get("SKILL_ID"), assignment.get("DUE_DATE")));
    }

    @Test
    void anUnsubscribedUrlGetsNothingMore() {
        long id = subscribe(OutboundEvents.PROFILE_UPDATED);
        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "assessments", "a-1");
        delivered(OutboundEvents.PROFILE_UPDATED);

        http.delete("/api/v1/webhooks/" + id);
        OutboundFixtures.claim(tx, ledger, "p-1", "excel", 2.5, "assessments", "a-2");

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from skill_profile where person_id = 'p-1'", Integer.class) == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> received().size() == 1);
        assertThat(jdbc.queryForObject("select count(*) from outbox", Integer.class)).isEqualTo(1);
        assertThat(http.getForEntity("/api/v1/webhooks/" + id, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBadSubscriptionIsRefusedNamingTheField() {
        Map<String, Object> good = Map.of("url", url(), "events", List.of("profile.updated"), "secret", SECRET);
        for (Object[] bad : new Object[][]{{"url", null}, {"url", "not a url"}, {"events", List.of("profile.deleted")},
                {"events", List.of()}, {"secret", null}, {"secret", "short"}}) {
            Map<String, Object> body = new HashMap<>(good);
            body.put((String) bad[0], bad[1]);

            ResponseEntity<Map> answer = http.postForEntity("/api/v1/webhooks", body, Map.class);

            assertThat(answer.getStatusCode()).as("%s = %s", bad[0], bad[1]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody()).as("%s = %s", bad[0], bad[1]).containsEntry("field", bad[0]);
        }
        assertThat(http.getForObject("/api/v1/webhooks", List.class)).isEmpty();
    }
}
