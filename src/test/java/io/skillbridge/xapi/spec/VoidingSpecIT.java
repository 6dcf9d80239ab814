package io.skillbridge.xapi.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Voided statements (1.0.3 Part Two 2.3.2; retrieval of voided statements, Part Three 2.1.4). */
class VoidingSpecIT extends XapiSpecIT {

    private List<String> ids(Response r) {
        List<String> ids = new ArrayList<>();
        r.json().get("statements").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @BothVersions
    void aVoidedStatementIsOnlyFoundByVoidedStatementIdAndTheVoidingOneIsListed(String version) {
        ObjectNode target = Statements.valid();
        String targetId = target.get("id").asText();
        post(version, target);
        String voidingId = post(version, Statements.voiding(targetId)).json().get(0).asText();

        assertThat(get(version, "statementId=" + targetId).status()).isEqualTo(404);
        Response voided = get(version, "voidedStatementId=" + targetId);
        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.json().get("id").asText()).isEqualTo(targetId);
        assertThat(get(version, "voidedStatementId=" + voidingId).status()).isEqualTo(404);
        assertThat(ids(get(version, ""))).containsExactly(voidingId);
        // a StatementRef meets a filter through the statement it targets
        assertThat(ids(get(version, "verb=" + enc("http://adlnet.gov/expapi/verbs/completed")))).containsExactly(voidingId);
    }

    @BothVersions
    void aVoidingStatementCannotTargetAVoidingStatement(String version) {
        ObjectNode first = Statements.valid();
        post(version, first);
        String voidingId = post(version, Statements.voiding(first.get("id").asText())).json().get(0).asText();

        Response r = post(version, Statements.voiding(voidingId));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("statement.object.id");
        assertThat(get(version, "statementId=" + voidingId).status()).isEqualTo(200);
    }

    @BothVersions
    void aVoidingStatementWhoseObjectIsNotAStatementRefIs400(String version) {
        ObjectNode s = Statements.voiding(UUID.randomUUID().toString());
        Statements.set(s, "object", "{\"id\": \"https://example.com/activity\"}");
        Response r = post(version, s);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("statement.object.objectType");
    }

    @BothVersions
    void aStatementArrivingAfterItsVoidingStatementIsVoided(String version) {
        ObjectNode late = Statements.valid();
        String id = late.get("id").asText();
        assertThat(post(version, Statements.voiding(id)).status()).isEqualTo(200);

        post(version, late);

        assertThat(get(version, "statementId=" + id).status()).isEqualTo(404);
        assertThat(get(version, "voidedStatementId=" + id).status()).isEqualTo(200);
    }

    @BothVersions
    void voidingWithinOneBatch(String version) {
        ObjectNode target = Statements.valid();
        String id = target.get("id").asText();
        post(version, Statements.JSON.createArrayNode().add(target).add(Statements.voiding(id)));
        assertThat(get(version, "voidedStatementId=" + id).status()).isEqualTo(200);
        assertThat(get(version, "statementId=" + id).status()).isEqualTo(404);
    }
}
