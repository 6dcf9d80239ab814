package io.skillbridge.outbound;

import io.skillbridge.TestStore;
import io.skillbridge.catalog.MoodleCompletionsConnector;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skillbridge.HubHome;
import io.skillbridge.skills.roles.RoleCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole assignment loop against a WireMock Moodle: a career goal assigns Moodle courses, the enrolments are sent,
 * the Moodle completions connector brings one of them back completed (and a course nobody assigned), and the
 * assignment is completed with the completion's time while the voluntary course stays unassigned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OutboundFixtures.MoodleCoursePerSkill.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:assignmentloop;DB_CLOSE_DELAY=-1")
class AssignmentLifecycleIT {

    static final WireMockServer moodle = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final HubHome home = new HubHome();
    static final String WS = "/moodle/webservice/rest/server.php";
    static final long COMPLETED_AT = 1764000000L;

    static {
        moodle.start();
        String base = "http://127.0.0.1:" + moodle.port() + "/moodle";
        OutboundFixtures.moodleEnrolments(home, base + "/webservice/rest/server.php");
        MoodleCompletionsConnector.write(home, base);
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        OutboundFixtures.moodleHub(r, home);
    }

    @AfterAll
    static void stop() {
        moodle.stop();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RoleCatalog roles;
    @Autowired
    TestRestTemplate http;

    private static String course(String id, boolean completed) {
        return """
                {"id": "%s", "shortname": "%s", "fullname": "Course %s", "idnumber": "", "completed": %s,
                 "progress": %s, "lastaccess": %d}""".formatted(id, id, id, completed, completed ? 100 : 20, COMPLETED_AT);
    }

    private static void answer(String function, String body) {
        moodle.stubFor(get(urlPathEqualTo(WS)).withQueryParam("wsfunction", equalTo(function))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMoodleCompletionOfAssignedContentCompletesTheAssignmentAndMarksTheRecordAssigned() {
        TestStore.empty(jdbc);
        OutboundFixtures.person(jdbc, "p-1", "ada@acme.example", "moodle=311");
        moodle.stubFor(post(urlPathEqualTo(WS)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("null")));
        jdbc.update("insert into job_role (id, system, external_id, title, active, updated_at)"
                + " values ('workday:CSR1', 'workday', 'CSR1', 'Customer Support Representative I', true, current_timestamp)");
        roles.refresh();

        http.exchange("/api/v1/persons/p-1/career-goal", HttpMethod.PUT, new HttpEntity<>(Map.of("roleId", "workday:CSR1")), Map.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where status = 'delivered'", Integer.class) == Assignments.MAX_PER_GOAL);
        String assigned = jdbc.queryForObject("select content_external_id from assignment order by skill_id fetch first 1 rows only",
                String.class);
        moodle.verify(postRequestedFor(urlPathEqualTo(WS)).withFormParam("enrolments[0][courseid]", equalTo(assigned))
                .withFormParam("enrolments[0][userid]", equalTo("311")));

        answer("core_user_get_users", """
                {"users": [{"id": 311, "username": "ada", "fullname": "Ada Test", "email": "ada@acme.example",
                            "idnumber": "E-p-1", "auth": "manual"}], "warnings": []}""");
        answer("core_enrol_get_users_courses", "[" + course(assigned, true) + "," + course("knitting", true) + "]");
        Map<String, Object> run = http.postForObject("/api/v1/connectors/moodle-completions/runs?wait=true", null, Map.class);

        assertThat(run).containsEntry("status", "succeeded").containsEntry("created", 2);
        List<Map<String, Object>> assignments = http.getForObject("/api/v1/persons/p-1/assignments", List.class);
        assertThat(assignments).hasSize(Assignments.MAX_PER_GOAL);
        assertThat(assignments).filteredOn(a -> assigned.equals(a.get("contentExternalId"))).singleElement()
                .satisfies(a -> {
                    assertThat(a).containsEntry("status", "completed");
                    assertThat(OffsetDateTime.parse((String) a.get("completedAt")).toInstant())
                            .isEqualTo(Instant.ofEpochSecond(COMPLETED_AT));
                });
        assertThat(assignments).filteredOn(a -> !assigned.equals(a.get("contentExternalId")))
                .extracting(a -> a.get("status")).containsOnly("assigned");
        assertThat(jdbc.queryForList("select activity_id, assigned from learning_record order by activity_id"))
                .extracting(r -> r.get("ACTIVITY_ID") + "=" + r.get("ASSIGNED"))
                .containsExactlyInAnyOrder(assigned + "=true", "knitting=false");
    }
}
