package io.skillbridge.xapi.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Statement immutability and the comparison of a statement sent again (1.0.3 Part Two 2.3.1, Part Three 2.1.1). */
class ImmutabilitySpecIT extends XapiSpecIT {

    @BothVersions
    void theSameStatementSentAgainIsANoOp(String version) {
        ObjectNode s = Statements.valid();
        String id = s.get("id").asText();
        assertThat(put(version, id, s).status()).isEqualTo(204);
        String stored = get(version, "statementId=" + id).json().get("stored").asText();

        assertThat(put(version, id, s).status()).isEqualTo(204);
        assertThat(post(version, s).status()).isEqualTo(200);

        assertThat(stored()).isEqualTo(1);
        assertThat(get(version, "statementId=" + id).json().get("stored").asText()).isEqualTo(stored);
    }

    @BothVersions
    void differencesTheSpecSaysToIgnoreAreIgnored(String version) {
        ObjectNode s = Statements.valid();
        String id = s.get("id").asText();
        post(version, s);
        ObjectNode again = s.deepCopy();
        again.put("id", id.toUpperCase());
        again.put("timestamp", "2026-11-24T16:06:40+01:00");        // the same instant in another zone
        Statements.set(again, "verb.display", "{\"de\": \"abgeschlossen\"}");
        Statements.remove(again, "object.definition");
        Statements.set(again, "context.contextActivities.parent", "{\"id\": \"https://lms.example.com/program/analyst\"}");
        again.put("stored", "2000-01-01T00:00:00Z");
        String upper = again.get("context").get("registration").asText().toUpperCase();
        Statements.set(again, "context.registration", "\"" + upper + "\"");

        assertThat(post(version, again).status()).isEqualTo(200);
        assertThat(stored()).isEqualTo(1);
    }

    @BothVersions
    void differentContentUnderAStoredIdIs409AndTheBatchIsNotStored(String version) {
        ObjectNode s = Statements.valid();
        post(version, s);
        ObjectNode changed = s.deepCopy();
        Statements.set(changed, "result.success", "false");

        Response r = post(version, Statements.JSON.createArrayNode().add(Statements.valid()).add(changed));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("field").asText()).isEqualTo("statements[1].id");
        assertThat(stored()).isEqualTo(1);
        assertThat(put(version, s.get("id").asText(), changed).status()).isEqualTo(409);
    }

    @BothVersions
    void aTimestampAtAnotherInstantIsADifference(String version) {
        ObjectNode s = Statements.valid();
        post(version, s);
        ObjectNode changed = s.deepCopy().put("timestamp", "2026-11-24T15:06:41.000Z");
        assertThat(post(version, changed).status()).isEqualTo(409);
    }
}
