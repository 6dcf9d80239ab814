package io.skillbridge.xapi.spec;

import static io.skillbridge.xapi.spec.Statements.set;
import static io.skillbridge.xapi.spec.Statements.valid;
import static io.skillbridge.xapi.spec.Validation.accepted;
import static io.skillbridge.xapi.spec.Validation.rejected;

/** Actor: Agents, Groups and inverse functional identifiers (1.0.3 Part Two 2.4.2). */
class ActorSpecTest {

    @BothVersions
    void eachInverseFunctionalIdentifierIsAccepted(String version) {
        accepted(version, set(valid(), "actor", "{\"mbox\": \"mailto:a@example.com\"}"));
        accepted(version, set(valid(), "actor", "{\"mbox_sha1sum\": \"52746b0371b3242f7b335a2d2959f16b1a1c23ad\"}"));
        accepted(version, set(valid(), "actor", "{\"openid\": \"https://openid.example.com/ada\"}"));
        accepted(version, set(valid(), "actor", "{\"account\": {\"homePage\": \"https://sso.example.com\", \"name\": \"21077\"}}"));
    }

    @BothVersions
    void anAgentNeedsExactlyOneIdentifier(String version) {
        rejected(version, set(valid(), "actor", "{\"name\": \"Nobody\"}"), "statement.actor");
        rejected(version, set(valid(), "actor", "{\"mbox\": \"mailto:a@example.com\", \"openid\": \"https://o.example.com/a\"}"),
                "statement.actor");
    }

    @BothVersions
    void identifierFormats(String version) {
        rejected(version, set(valid(), "actor", "{\"mbox\": \"a@example.com\"}"), "statement.actor.mbox");
        rejected(version, set(valid(), "actor", "{\"mbox_sha1sum\": \"xyz\"}"), "statement.actor.mbox_sha1sum");
        rejected(version, set(valid(), "actor", "{\"openid\": \"not an iri\"}"), "statement.actor.openid");
        rejected(version, set(valid(), "actor", "{\"account\": {\"name\": \"21077\"}}"), "statement.actor.account.homePage");
        rejected(version, set(valid(), "actor", "{\"account\": {\"homePage\": \"sso\", \"name\": \"21077\"}}"),
                "statement.actor.account.homePage");
        rejected(version, set(valid(), "actor", "{\"account\": {\"homePage\": \"https://sso.example.com\"}}"),
                "statement.actor.account.name");
    }

    @BothVersions
    void objectTypeIsAgentOrGroupAndCaseMatters(String version) {
        rejected(version, set(valid(), "actor.objectType", "\"agent\""), "statement.actor.objectType");
        rejected(version, set(valid(), "actor.objectType", "\"Person\""), "statement.actor.objectType");
    }

    @BothVersions
    void anonymousGroupsListAgentMembers(String version) {
        accepted(version, set(valid(), "actor", "{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:a@example.com\"}]}"));
        rejected(version, set(valid(), "actor", "{\"objectType\": \"Group\", \"name\": \"team\"}"), "statement.actor.member");
        rejected(version, set(valid(), "actor", "{\"objectType\": \"Group\", \"member\": []}"), "statement.actor.member");
        rejected(version, set(valid(), "actor", "{\"objectType\": \"Group\", \"member\": [{\"objectType\": \"Group\","
                + " \"mbox\": \"mailto:g@example.com\"}]}"), "statement.actor.member[0].objectType");
        rejected(version, set(valid(), "actor", "{\"objectType\": \"Group\", \"member\": [{\"name\": \"x\"}]}"),
                "statement.actor.member[0]");
    }

    @BothVersions
    void identifiedGroupsHaveOneIdentifierAndMayListMembers(String version) {
        accepted(version, set(valid(), "actor", "{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.com\"}"));
        accepted(version, set(valid(), "actor", "{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.com\","
                + " \"member\": [{\"mbox\": \"mailto:a@example.com\"}]}"));
        rejected(version, set(valid(), "actor", "{\"objectType\": \"Group\", \"mbox\": \"mailto:t@example.com\","
                + " \"openid\": \"https://o.example.com/t\"}"), "statement.actor");
    }
}
