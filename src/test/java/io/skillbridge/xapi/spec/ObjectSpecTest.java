package io.skillbridge.xapi.spec;

import static io.skillbridge.xapi.spec.Statements.set;
import static io.skillbridge.xapi.spec.Statements.valid;
import static io.skillbridge.xapi.spec.Validation.accepted;
import static io.skillbridge.xapi.spec.Validation.rejected;

/** Object: Activities and their definitions, Agents, StatementRefs, SubStatements (1.0.3 Part Two 2.4.4). */
class ObjectSpecTest {

    /** The valid statement without context.platform, which only an Activity object may have. */
    static com.fasterxml.jackson.databind.node.ObjectNode base() {
        return Statements.remove(valid(), "context.platform");
    }

    @BothVersions
    void anActivityNeedsAnIriIdAndObjectTypeDefaultsToActivity(String version) {
        accepted(version, set(valid(), "object", "{\"id\": \"https://example.com/a\"}"));
        rejected(version, set(valid(), "object", "{\"objectType\": \"Activity\"}"), "statement.object.id");
        rejected(version, set(valid(), "object", "{\"id\": \"course-42\"}"), "statement.object.id");
        rejected(version, set(valid(), "object.objectType", "\"Course\""), "statement.object.objectType");
    }

    @BothVersions
    void activityDefinitions(String version) {
        rejected(version, set(valid(), "object.definition.type", "\"course\""), "statement.object.definition.type");
        rejected(version, set(valid(), "object.definition.moreInfo", "\"nope\""), "statement.object.definition.moreInfo");
        rejected(version, set(valid(), "object.definition.extensions", "{\"level\": 3}"), "statement.object.definition.extensions.level");
        accepted(version, set(valid(), "object.definition.extensions", "{\"https://example.com/ext/level\": {\"any\": [1, null]}}"));
    }

    @BothVersions
    void interactionActivities(String version) {
        accepted(version, set(valid(), "object.definition", """
                {"interactionType": "choice", "correctResponsesPattern": ["a"],
                 "choices": [{"id": "a", "description": {"en-US": "A"}}, {"id": "b"}]}"""));
        rejected(version, set(valid(), "object.definition", "{\"interactionType\": \"essay\"}"),
                "statement.object.definition.interactionType");
        rejected(version, set(valid(), "object.definition", "{\"correctResponsesPattern\": [\"a\"]}"),
                "statement.object.definition.correctResponsesPattern");
        rejected(version, set(valid(), "object.definition", "{\"interactionType\": \"likert\", \"choices\": [{\"id\": \"a\"}]}"),
                "statement.object.definition.choices");
        rejected(version, set(valid(), "object.definition", "{\"interactionType\": \"choice\", \"choices\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}"),
                "statement.object.definition.choices[1].id");
    }

    @BothVersions
    void agentsAsObjectsNeedTheirObjectType(String version) {
        accepted(version, set(base(), "object", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:b@example.com\"}"));
        // without objectType it is read as an Activity, which has no mbox
        rejected(version, set(base(), "object", "{\"mbox\": \"mailto:b@example.com\"}"), "statement.object.mbox");
    }

    @BothVersions
    void statementRefs(String version) {
        accepted(version, set(base(), "object", "{\"objectType\": \"StatementRef\", \"id\": \"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\"}"));
        rejected(version, set(base(), "object", "{\"objectType\": \"StatementRef\", \"id\": \"https://example.com/s\"}"),
                "statement.object.id");
    }

    @BothVersions
    void subStatementsAndTheirRestrictions(String version) {
        String sub = """
                {"objectType": "SubStatement", "actor": {"mbox": "mailto:a@example.com"},
                 "verb": {"id": "http://example.com/verbs/will-attend"}, "object": {"id": "https://example.com/meeting"}}""";
        accepted(version, set(base(), "object", sub));
        rejected(version, set(set(base(), "object", sub), "object.id", "\"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\""), "statement.object.id");
        rejected(version, set(set(base(), "object", sub), "object.stored", "\"2026-01-01T00:00:00Z\""), "statement.object.stored");
        rejected(version, set(set(base(), "object", sub), "object.version", "\"1.0.0\""), "statement.object.version");
        rejected(version, set(set(base(), "object", sub), "object.authority", "{\"mbox\": \"mailto:x@example.com\"}"),
                "statement.object.authority");
        rejected(version, set(set(base(), "object", sub), "object.object", sub), "statement.object.object.objectType");
        rejected(version, set(set(base(), "object", sub), "object.actor", "{}"), "statement.object.actor");
    }
}
