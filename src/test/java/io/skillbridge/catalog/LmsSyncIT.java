package io.skillbridge.catalog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** LMS completions through Moodle and SCORM Cloud: people matched, records written, skills evidenced. */
class LmsSyncIT extends LearningHub {

    static final String MOODLE = "/moodle/webservice/rest/server.php";

    static void moodle(String function, String userId, String body) {
        var stub = get(urlPathEqualTo(MOODLE)).withQueryParam("wstoken", equalTo(MOODLE_TOKEN))
                .withQueryParam("wsfunction", equalTo(function)).withQueryParam("moodlewsrestformat", equalTo("json"));
        vendor.stubFor((userId == null ? stub : stub.withQueryParam("userid", equalTo(userId))).willReturn(json(body)));
    }

    static String moodleUser(int id, String email, String idnumber) {
        return """
                {"id": %d, "username": "u%d", "fullname": "User %d", "email": "%s", "idnumber": "%s", "auth": "manual"}
                """.formatted(id, id, id, email, idnumber);
    }

    static String course(int id, String title, String idnumber, boolean completed) {
        return """
                {"id": %d, "shortname": "C%d", "fullname": "%s", "idnumber": "%s", "visible": 1, "completed": %s,
                 "progress": %s, "lastaccess": 1764000000}
                """.formatted(id, id, title, idnumber, completed, completed ? "100" : "20");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> skill(String personId, String skillId) {
        Map<String, Object> profile = http.getForObject("/api/v1/persons/" + personId + "/profile", Map.class);
        return ((List<Map<String, Object>>) profile.get("skills")).stream()
                .filter(s -> skillId.equals(s.get("skill"))).findFirst().orElse(null);
    }

    /** The level the person's evidence claims for the skill (the profile's level decays with the evidence's age). */
    @SuppressWarnings("unchecked")
    Object evidenceLevel(String personId, String skillId) {
        Map<String, Object> s = skill(personId, skillId);
        return s == null ? null : ((List<Map<String, Object>>) s.get("evidence")).get(0).get("level");
    }

    @Test
    void aMoodleErrorAnsweredAsHttp200FailsTheRunAndWritesNothing() {
        people(new String[]{"p1", "ana@corp.example", "E-1", "R1", "Analyst"});
        moodle("core_user_get_users", null, "{\"users\": [" + moodleUser(7, "ana@corp.example", "E-1") + "], \"warnings\": []}");
        moodle("core_enrol_get_users_courses", "7", """
                {"exception": "required_capability_exception", "errorcode": "nopermissions",
                 "message": "Sorry, but you do not currently have permissions to do that (View courses)."}
                """);

        Map<String, Object> run = sync("moodle-completions", "full");

        assertThat(run).containsEntry("status", "failed");
        assertThat((String) run.get("lastError")).contains("/exception", "nopermissions").doesNotContain(MOODLE_TOKEN);
        assertThat(jdbc.queryForObject("select count(*) from learning_record", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from skill_evidence", Integer.class)).isZero();
    }

    @Test
    void aMoodleCompletionRaisesTheLevelOfTheCourseSkillsAndAResetWithdrawsIt() {
        String ana = people(new String[]{"p1", "ana@corp.example", "E-1", "R1", "Analyst"}).get("p1");
        academy(new String[]{"A-1", "Advanced Excel for Analysts", "LIB-0042", "Advanced", "Advanced Excel|Financial Modeling"});
        moodle("core_user_get_users", null, "{\"users\": [" + moodleUser(7, "ANA@corp.example", "") + "], \"warnings\": []}");
        moodle("core_enrol_get_users_courses", "7", "[" + course(42, "Advanced Excel for Analysts", "LIB-0042", false) + "]");
        assertThat(sync("moodle-completions", "full")).containsEntry("status", "succeeded").containsEntry("created", 1);
        assertThat(skill(ana, "advanced-excel")).isNull();

        moodle("core_enrol_get_users_courses", "7", "[" + course(42, "Advanced Excel for Analysts", "LIB-0042", true) + "]");
        assertThat(sync("moodle-completions", "full")).containsEntry("status", "succeeded").containsEntry("updated", 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(evidenceLevel(ana, "advanced-excel")).isEqualTo(4.0);
            assertThat(evidenceLevel(ana, "financial-modeling")).isEqualTo(4.0);
            assertThat((double) skill(ana, "advanced-excel").get("level")).isGreaterThan(3.0);
        });
        Map<String, Object> record = jdbc.queryForMap("select * from learning_record");
        assertThat(record).containsEntry("PERSON_ID", ana).containsEntry("STATUS", "completed")
                .containsEntry("ASSIGNED", false).containsEntry("EXTERNAL_ID", "7:42");
        assertThat(record.get("CONTENT_ITEM_ID")).isNotNull();
        // the Moodle course is now a second source of the academy's item
        assertThat(jdbc.queryForObject("select count(*) from content_source where item_id = ?", Integer.class,
                record.get("CONTENT_ITEM_ID"))).isEqualTo(2);
        assertThat(sync("moodle-completions", "full")).containsEntry("unchanged", 1).containsEntry("updated", 0);

        moodle("core_enrol_get_users_courses", "7", "[" + course(42, "Advanced Excel for Analysts", "LIB-0042", false) + "]");
        sync("moodle-completions", "full");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(skill(ana, "advanced-excel")).isNull());
        assertThat(jdbc.queryForObject("select count(*) from skill_evidence where withdrawn_at is not null", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void scormRegistrationsArePagedByTheMoreTokenAndTheScoreCapsTheLevel() {
        Map<String, String> ids = people(new String[]{"p1", "ana@corp.example", "E-1", "R1", "Analyst"},
                new String[]{"p2", "bo@corp.example", "E-2", "R1", "Analyst"});
        academy(new String[]{"A-1", "Data Visualization Essentials", "DVE-1", "Advanced", "Data Visualization"});
        String path = "/scorm/api/v2/registrations";
        vendor.stubFor(get(urlPathEqualTo(path)).withQueryParam("more", absent()).withBasicAuth("app-1", "scorm-secret-0001")
                .withQueryParam("since", equalTo("2000-01-01T00:00:00Z"))
                .willReturn(json("{\"registrations\": [" + registration("r1", "ana@corp.example", "PASSED", 60) + "], \"more\": \"tok-2\"}")));
        vendor.stubFor(get(urlPathEqualTo(path)).withQueryParam("more", equalTo("tok-2"))
                .willReturn(json("{\"registrations\": [" + registration("r2", "bo@corp.example", "PASSED", 95) + "], \"more\": \"tok-3\"}")));
        vendor.stubFor(get(urlPathEqualTo(path)).withQueryParam("more", equalTo("tok-3"))
                .willReturn(json("{\"registrations\": [" + registration("r3", "nobody@corp.example", "PASSED", 95) + "]}")));

        Map<String, Object> run = sync("scorm-registrations", null);

        assertThat(run).containsEntry("read", 3).containsEntry("created", 2).containsEntry("failed", 1);
        vendor.verify(3, getRequestedFor(urlPathEqualTo(path)));
        assertThat(jdbc.queryForObject("select reason from dead_letter where record_ref = 'r3'", String.class))
                .contains("no single person");
        // a score of 60 reaches level 2 on the percent scale, below the level the course teaches
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(evidenceLevel(ids.get("p1"), "data-visualization")).isEqualTo(2.0);
            assertThat(evidenceLevel(ids.get("p2"), "data-visualization")).isEqualTo(4.0);
        });

        vendor.stubFor(get(urlPathEqualTo(path)).withQueryParam("since", matching("20[2-9].*")).withQueryParam("more", absent())
                .willReturn(json("{\"registrations\": []}")));
        assertThat(sync("scorm-registrations", null)).containsEntry("status", "succeeded").containsEntry("read", 0);
        vendor.verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("since", matching("20[2-9].*")));
    }

    static String registration(String id, String email, String success, double score) {
        return """
                {"id": "%s", "instance": 0, "updated": "2026-11-27T14:03:09.000Z", "registrationCompletion": "COMPLETED",
                 "registrationSuccess": "%s", "score": {"scaled": %s}, "completedDate": "2026-11-27T14:03:09.000Z",
                 "course": {"id": "DVE-1", "title": "Data Visualization Essentials", "version": 2},
                 "learner": {"id": "%s", "email": "%s"}}
                """.formatted(id, success, score, email, email);
    }
}
