package io.skillbridge.xapi.evidence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Statements become learning records and evidence through the catalog and identity links, and voiding withdraws it. */
class XapiEvidenceIT extends XapiEvidenceHub {

    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment";

    static String statement(String id, String actor, String verb, String activity, String extra) {
        return """
                {"id": "%s", "actor": %s, "verb": {"id": "%s"}, "object": {"id": "%s"%s},
                 "timestamp": "2026-11-24T15:06:40.000Z"}""".formatted(id, actor, verb, activity, extra);
    }

    static String mbox(String email) {
        return "{\"mbox\": \"mailto:" + email + "\"}";
    }

    Map<String, Object> record(String statementId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from learning_record where source_system = 'xapi'"
                + " and external_id = ?", statementId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void aCompletionByMboxRaisesTheProfileToTheLevelTaughtAndVoidingWithdrawsIt() {
        String ada = people(new String[]{"E1", "Ada.Lovelace@example.com", "1001"}).get("E1");
        catalog(new String[]{"T-1", "Tableau for Analysts", "https://academy.example.com/tableau", "Advanced", "Tableau"});
        String id = UUID.randomUUID().toString();

        assertThat(post(statement(id, mbox("ada.lovelace@example.com"), COMPLETED, "https://academy.example.com/tableau/",
                ", \"definition\": {\"name\": {\"en-US\": \"Tableau for Analysts\"}}")).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> level(ada, "tableau") != null);
        assertThat(level(ada, "tableau")).isCloseTo(4.0, within(0.05));
        Map<String, Object> r = record(id);
        assertThat(r.get("PERSON_ID")).isEqualTo(ada);
        assertThat(r.get("STATUS")).isEqualTo("completed");
        assertThat(r.get("CONTENT_ITEM_ID")).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from skill_evidence where origin_type = 'statement' and origin_ref = ?"
                + " and source_kind = 'xapi' and withdrawn_at is null", Integer.class, id)).isEqualTo(1);

        post(statement(UUID.randomUUID().toString(), mbox("admin@example.com"), "http://adlnet.gov/expapi/verbs/voided",
                id, ", \"objectType\": \"StatementRef\""));

        await().atMost(Duration.ofSeconds(5)).until(() -> level(ada, "tableau") == null);
        assertThat(record(id)).isNull();
        assertThat(jdbc.queryForObject("select withdrawn_reason from skill_evidence where origin_ref = ?", String.class, id))
                .contains("voided");
    }

    @Test
    void anAssessmentPassedByAnAccountShowsTheScoresLevelAndAFailureShowsNothing() {
        String bo = people(new String[]{"E2", "bo@example.com", "21077"}).get("E2");
        catalog(new String[]{"SQL-1", "SQL Intermediate Assessment", "https://content.example.com/assessments/sql-intermediate",
                "Advanced", "SQL"});
        String account = "{\"account\": {\"homePage\": \"https://sso.example.com\", \"name\": \"21077\"}}";
        String failed = UUID.randomUUID().toString();
        String passed = UUID.randomUUID().toString();
        String definition = ", \"definition\": {\"type\": \"" + ASSESSMENT + "\"}}, \"result\": {\"score\": {\"raw\": %d, \"min\": 0,"
                + " \"max\": 50}, \"success\": %s";

        post("[" + statement(failed, account, PASSED, "https://content.example.com/assessments/sql-intermediate",
                definition.formatted(20, "false")) + ","
                + statement(passed, account, PASSED, "https://content.example.com/assessments/sql-intermediate",
                definition.formatted(41, "true")) + "]");

        await().atMost(Duration.ofSeconds(5)).until(() -> level(bo, "sql") != null);
        // 41 of 50 is 0.82 scaled: level 3 on the scaled-score bands, though the item teaches 4
        assertThat(level(bo, "sql")).isCloseTo(3.0, within(0.05));
        assertThat(record(failed).get("STATUS")).isEqualTo("failed");
        assertThat(jdbc.queryForObject("select count(*) from skill_evidence where origin_ref = ?", Integer.class, failed)).isZero();
        assertThat(((Number) record(passed).get("SCORE")).doubleValue()).isEqualTo(82.0);
    }

    @Test
    void anUnknownActorIsListedAndItsStatementsCountOnceThePersonArrives() {
        people(new String[]{"E3", "cy@example.com", "3003"});
        catalog(new String[]{"X-1", "Excel Essentials", "https://academy.example.com/excel", "Intermediate", "Microsoft Excel"});
        String sha1 = ActorMatcher.sha1("mailto:dee@example.com");
        String id = UUID.randomUUID().toString();

        post(statement(id, "{\"mbox_sha1sum\": \"" + sha1 + "\"}", COMPLETED, "https://academy.example.com/excel", ""));

        await().atMost(Duration.ofSeconds(5)).until(() -> !jdbc.queryForList("select actor_ifi from xapi_unmatched_actor").isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Object> unmatched = http.getForObject("/api/v1/xapi/unmatched-actors", Map.class);
        assertThat(unmatched.get("total")).isEqualTo(1);
        assertThat(unmatched.toString()).contains("mbox_sha1sum:" + sha1);

        String dee = people(new String[]{"E3", "cy@example.com", "3003"}, new String[]{"E4", "Dee@Example.com", "4004"}).get("E4");

        await().atMost(Duration.ofSeconds(5)).until(() -> level(dee, "excel") != null);
        assertThat(level(dee, "excel")).isCloseTo(3.0, within(0.05));
        assertThat(jdbc.queryForObject("select count(*) from xapi_unmatched_actor", Integer.class)).isZero();
    }

    @Test
    void aStatementSentTwiceIsOneRecordAndOneClaim() {
        String ed = people(new String[]{"E5", "ed@example.com", "5005"}).get("E5");
        catalog(new String[]{"T-2", "Tableau Basics", "https://academy.example.com/tableau-basics", "Beginner", "Tableau"});
        String s = statement(UUID.randomUUID().toString(), mbox("ed@example.com"), COMPLETED,
                "https://academy.example.com/tableau-basics", "");

        post(s);
        post(s);
        await().atMost(Duration.ofSeconds(5)).until(() -> level(ed, "tableau") != null);

        assertThat(jdbc.queryForObject("select count(*) from learning_record where source_system = 'xapi'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from skill_evidence where origin_type = 'statement'", Integer.class)).isEqualTo(1);
        assertThat(level(ed, "tableau")).isCloseTo(2.0, within(0.05));
    }
}
