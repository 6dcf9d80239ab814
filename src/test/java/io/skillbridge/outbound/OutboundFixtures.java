package io.skillbridge.outbound;

import io.skillbridge.HubHome;
import io.skillbridge.canonical.Sql;
import io.skillbridge.skills.evidence.Claim;
import io.skillbridge.skills.evidence.EvidenceLedger;
import io.skillbridge.skills.evidence.Origin;
import io.skillbridge.skills.evidence.SourceKind;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** People and evidence written the way the sync path writes them, for the outbound tests and the benchmark. */
public final class OutboundFixtures {

    /** Yesterday: recent enough that decay leaves levels within their whole level. */
    public static final Instant OBSERVED = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private OutboundFixtures() {
    }

    /** The newest outbox row that meets {@code condition}, once there is one (waiting up to 15 s). */
    public static Map<String, Object> awaitOutboxRow(JdbcTemplate jdbc, String condition, Object... args) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where " + condition, Integer.class, args) > 0);
        return jdbc.queryForMap("select * from outbox where " + condition + " order by id desc fetch first 1 rows only", args);
    }

    /** A person known in the given systems as {@code system=externalId} pairs. */
    public static void person(JdbcTemplate jdbc, String id, String email, String... identities) {
        Object now = Sql.now();
        jdbc.update("insert into person (id, status, given_name, family_name, display_name, work_email, work_email_norm,"
                + " employee_id, created_at, updated_at) values (?, 'active', ?, 'Test', ?, ?, ?, ?, ?, ?)", id,
                email.substring(0, email.indexOf('@')), email.substring(0, email.indexOf('@')) + " Test", email, email,
                "E-" + id, now, now);
        for (String identity : identities) {
            String[] pair = identity.split("=");
            jdbc.update("insert into identity_link (system, external_id, person_id, active, created_at)"
                    + " values (?, ?, ?, true, ?)", pair[0], pair[1], id, now);
        }
    }

    /** One assessment from {@code system} claiming a skill: committed, so the profile recompute follows. */
    public static void claim(TransactionTemplate tx, EvidenceLedger ledger, String person, String skill, double level,
                             String system, String ref) {
        Origin origin = new Origin("evidence", system, ref, null);
        tx.executeWithoutResult(s -> ledger.replace(List.of(origin), List.of(new Claim(person, skill, level,
                String.valueOf(level), "canonical", SourceKind.ASSESSMENT, 0.9, OBSERVED,
                origin)), null));
    }

    /** A catalog stand-in: every skill is closed by one course of {@code system}, {@code <prefix><skill>} there. */
    public static ContentFinder coursePerSkill(String system, String externalIdPrefix) {
        return (skill, current, required, limit) -> List.of(
                new ContentFinder.Content(system + ":" + skill, system, externalIdPrefix + skill, "Course " + skill));
    }

    /** The catalog of the Moodle loop ITs: every skill is closed by the Moodle course of the same name. */
    @TestConfiguration
    public static class MoodleCoursePerSkill {
        @Bean
        @Primary
        ContentFinder testCatalog() {
            return coursePerSkill("moodle", "");
        }
    }

    /** A hub that enrols in Moodle: its home, a dispatcher that looks for retries every 0.1 s, the Moodle token. */
    public static void moodleHub(DynamicPropertyRegistry r, HubHome home) {
        home.register(r);
        r.add("skillbridge.outbound.poll-ms", () -> "100");
        r.add("TEST_MOODLE_TOKEN", () -> "moodle-token-789");
    }

    /** The Moodle enrolment target at {@code wsUrl} (its web-service endpoint), token from {@code TEST_MOODLE_TOKEN}. */
    public static void moodleEnrolments(HubHome home, String wsUrl) {
        home.write("config/targets/moodle-enrolments.yaml", """
                kind: http-push
                system: moodle
                events: [assignment.created]
                url: %s
                method: POST
                format: form
                mapping: moodle/enrolment.jsonata
                errorPath: /exception
                auth: {type: api-key, in: form, name: wstoken, value: "${TEST_MOODLE_TOKEN}"}
                """.formatted(wsUrl));
    }
}
