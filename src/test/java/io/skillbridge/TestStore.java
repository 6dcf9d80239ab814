package io.skillbridge;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The store as each IT of a shared Spring context starts: empty of everything data brings in. */
public final class TestStore {

    /**
     * The tables syncs, pulls, posts and the hub's own reactions fill, rows that refer to others first. What the hub
     * loads at start from its home (taxonomy, scales, evidence rules) and the readers' positions stay.
     */
    static final List<String> DATA = List.of("xapi_forward_failure", "xapi_statement_ref", "xapi_statement_agent",
            "xapi_statement_activity", "xapi_statement", "xapi_unmatched_actor", "xapi_mbox_sha1", "outbox",
            "outbound_state", "assignment", "career_goal", "performance_review", "webhook_subscription",
            "learning_record", "content_skill", "content_key", "content_source", "content_item", "unmatched_tag",
            "skill_level_history", "profile_stale", "skill_profile", "skill_evidence", "employment", "identity_link",
            "identity_conflict", "person", "job_role", "org_unit", "dead_letter", "raw_record", "connector_checkpoint",
            "sync_run");

    private TestStore() {
    }

    public static void empty(JdbcTemplate jdbc) {
        DATA.forEach(t -> jdbc.update("delete from " + t));
    }
}
