package io.skillbridge.xapi.spec;

import org.junit.jupiter.api.Test;

import static io.skillbridge.xapi.spec.Statements.set;
import static io.skillbridge.xapi.spec.Statements.valid;
import static io.skillbridge.xapi.spec.Validation.accepted;
import static io.skillbridge.xapi.spec.Validation.rejected;

/** Context (1.0.3 Part Two 2.4.6; 9274.1.1 adds contextAgents and contextGroups). */
class ContextSpecTest {

    @BothVersions
    void registrationIsAUuid(String version) {
        rejected(version, set(valid(), "context.registration", "\"reg-1\""), "statement.context.registration");
    }

    @BothVersions
    void instructorIsAnAgentOrGroupAndTeamIsAGroup(String version) {
        accepted(version, set(valid(), "context.instructor", "{\"mbox\": \"mailto:t@example.com\"}"));
        accepted(version, set(valid(), "context.team", "{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.com\"}"));
        rejected(version, set(valid(), "context.team", "{\"mbox\": \"mailto:team@example.com\"}"), "statement.context.team.objectType");
    }

    @BothVersions
    void contextActivitiesAreActivitiesOrArraysOfThem(String version) {
        accepted(version, set(valid(), "context.contextActivities", "{\"category\": {\"id\": \"https://w3id.org/xapi/cmi5/context/categories/cmi5\"}}"));
        rejected(version, set(valid(), "context.contextActivities", "{\"sibling\": []}"), "statement.context.contextActivities.sibling");
        rejected(version, set(valid(), "context.contextActivities", "{\"parent\": [{\"id\": \"nope\"}]}"),
                "statement.context.contextActivities.parent[0].id");
    }

    @BothVersions
    void revisionAndPlatformOnlyWhenTheObjectIsAnActivity(String version) {
        var s = set(valid(), "object", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:b@example.com\"}");
        rejected(version, s, "statement.context.platform");
        var r = Statements.remove(set(valid(), "object", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:b@example.com\"}"),
                "context.platform");
        set(r, "context.revision", "\"2\"");
        rejected(version, r, "statement.context.revision");
    }

    @BothVersions
    void languageIsAnRfc5646TagAndStatementAStatementRef(String version) {
        rejected(version, set(valid(), "context.language", "\"en_US\""), "statement.context.language");
        accepted(version, set(valid(), "context.statement", "{\"objectType\": \"StatementRef\", \"id\": \"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\"}"));
        rejected(version, set(valid(), "context.statement", "{\"id\": \"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\"}"),
                "statement.context.statement.objectType");
    }

    @Test
    void contextAgentsAndContextGroupsInTwoZero() {
        accepted("2.0.0", set(valid(), "context.contextAgents", """
                [{"objectType": "contextAgent", "agent": {"mbox": "mailto:coach@example.com"},
                  "relevantTypes": ["https://example.com/types/coach"]}]"""));
        accepted("2.0.0", set(valid(), "context.contextGroups", """
                [{"objectType": "contextGroup", "group": {"objectType": "Group", "mbox": "mailto:cohort@example.com"}}]"""));
        rejected("2.0.0", set(valid(), "context.contextAgents", "[{\"agent\": {\"mbox\": \"mailto:c@example.com\"}}]"),
                "statement.context.contextAgents[0].objectType");
        rejected("2.0.0", set(valid(), "context.contextAgents", "[{\"objectType\": \"contextAgent\", \"agent\": {\"mbox\": \"mailto:c@example.com\"},"
                + " \"relevantTypes\": []}]"), "statement.context.contextAgents[0].relevantTypes");
        rejected("2.0.0", set(valid(), "context.contextGroups", "[{\"objectType\": \"contextGroup\", \"group\": {\"mbox\": \"mailto:c@example.com\"}}]"),
                "statement.context.contextGroups[0].group.objectType");
        rejected("1.0.3", set(valid(), "context.contextAgents", "[]"), "statement.context.contextAgents");
    }
}
