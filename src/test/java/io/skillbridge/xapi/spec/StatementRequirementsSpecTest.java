package io.skillbridge.xapi.spec;

import static io.skillbridge.xapi.spec.Statements.minimal;
import static io.skillbridge.xapi.spec.Statements.remove;
import static io.skillbridge.xapi.spec.Statements.set;
import static io.skillbridge.xapi.spec.Statements.valid;
import static io.skillbridge.xapi.spec.Validation.accepted;
import static io.skillbridge.xapi.spec.Validation.rejected;

/** Statement requirements (1.0.3 Part Two 2.2, 2.4): required and allowed properties, nulls, id, version. */
class StatementRequirementsSpecTest {

    @BothVersions
    void theSampleStatementsAreValid(String version) {
        accepted(version, valid());
        accepted(version, minimal());
    }

    @BothVersions
    void actorVerbAndObjectAreRequired(String version) {
        rejected(version, remove(valid(), "actor"), "statement.actor");
        rejected(version, remove(valid(), "verb"), "statement.verb");
        rejected(version, remove(valid(), "object"), "statement.object");
    }

    @BothVersions
    void unknownPropertiesAreRejectedWherever(String version) {
        rejected(version, set(valid(), "colour", "\"blue\""), "statement.colour");
        rejected(version, set(valid(), "actor.nickname", "\"lo\""), "statement.actor.nickname");
        rejected(version, set(valid(), "result.grade", "\"A\""), "statement.result.grade");
        rejected(version, set(valid(), "object.definition.label", "{}"), "statement.object.definition.label");
    }

    @BothVersions
    void nullValuesAreRejectedOutsideExtensions(String version) {
        rejected(version, set(valid(), "result.success", "null"), "statement.result.success");
        rejected(version, set(valid(), "context", "null"), "statement.context");
        rejected(version, set(valid(), "verb.display.en-US", "null"), "statement.verb.display.en-US");
        accepted(version, set(valid(), "result.extensions", "{\"https://example.com/ext/note\": null}"));
    }

    @BothVersions
    void theIdMustBeAUuid(String version) {
        rejected(version, set(valid(), "id", "\"not-a-uuid\""), "statement.id");
        rejected(version, set(valid(), "id", "42"), "statement.id");
        accepted(version, set(valid(), "id", "\"6690E6C9-3EF0-4ED3-8B37-7F3964730BEE\""));
    }

    @BothVersions
    void theVersionMustBeOneThisRequestMayState(String version) {
        accepted(version, set(valid(), "version", "\"1.0.0\""));
        rejected(version, set(valid(), "version", "\"0.95\""), "statement.version");
        rejected(version, set(valid(), "version", "\"1.1.0\""), "statement.version");
    }

    @BothVersions
    void storedAndAuthorityAreCheckedWhenPresent(String version) {
        rejected(version, set(valid(), "stored", "\"yesterday\""), "statement.stored");
        rejected(version, set(valid(), "authority", "{\"name\": \"no identifier\"}"), "statement.authority");
    }
}
