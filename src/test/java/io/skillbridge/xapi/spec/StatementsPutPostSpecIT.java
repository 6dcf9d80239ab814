package io.skillbridge.xapi.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements resource, PUT and POST (1.0.3 Part Three 2.1; 9274.1.1 Statements resource). */
class StatementsPutPostSpecIT extends XapiSpecIT {

    @BothVersions
    void putStoresTheStatementUnderTheGivenIdAndAnswers204(String version) {
        String id = UUID.randomUUID().toString();
        ObjectNode s = Statements.minimal();

        Response r = put(version, id, s);

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("X-Experience-API-Version")).isEqualTo(version);
        JsonNode got = get(version, "statementId=" + id).json();
        assertThat(got.get("id").asText()).isEqualTo(id);
        assertThat(got.get("actor")).isEqualTo(s.get("actor"));
    }

    @BothVersions
    void putWithoutStatementIdIs400(String version) {
        Response r = send(request("/xapi/statements", version).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Statements.minimal().toString())).build());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("statementId");
    }

    @BothVersions
    void putWhoseBodyIdDiffersFromStatementIdIs400(String version) {
        ObjectNode s = Statements.valid();
        Response r = put(version, UUID.randomUUID().toString(), s);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("statement.id");
        assertThat(stored()).isZero();
    }

    @BothVersions
    void putOfAnArrayIs400(String version) {
        Response r = put(version, UUID.randomUUID().toString(), "[" + Statements.minimal() + "]");
        assertThat(r.status()).isEqualTo(400);
    }

    @BothVersions
    void postOfOneStatementAnswersItsGeneratedIdAndStoresIt(String version) {
        Response r = post(version, Statements.minimal());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        String id = r.json().get(0).asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        JsonNode stored = get(version, "statementId=" + id).json();
        assertThat(stored.get("id").asText()).isEqualTo(id);
    }

    @BothVersions
    void postOfABatchAnswersTheIdsInOrder(String version) {
        ArrayNode batch = Statements.JSON.createArrayNode();
        ObjectNode withId = Statements.valid();
        batch.add(withId).add(Statements.minimal()).add(Statements.valid());

        Response r = post(version, batch);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(3);
        assertThat(r.json().get(0).asText()).isEqualTo(withId.get("id").asText());
        assertThat(r.json().get(2).asText()).isEqualTo(batch.get(2).get("id").asText());
        assertThat(stored()).isEqualTo(3);
    }

    @BothVersions
    void aBatchWithOneInvalidStatementIsRejectedWholeNamingThePath(String version) {
        ArrayNode batch = Statements.JSON.createArrayNode();
        for (int i = 0; i < 5; i++) {
            batch.add(Statements.valid());
        }
        Statements.set((ObjectNode) batch.get(3), "actor.mbox", "\"logan@example.com\"");

        Response r = post(version, batch);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("statements[3].actor.mbox");
        assertThat(r.json().get("message").asText()).contains("mailto");
        assertThat(stored()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from xapi_statement_agent", Integer.class)).isZero();
    }

    @BothVersions
    void duplicateIdsInsideOneBatchAre400AndNothingIsStored(String version) {
        ObjectNode a = Statements.valid();
        ObjectNode b = Statements.valid();
        b.put("id", a.get("id").asText().toUpperCase());

        Response r = post(version, Statements.JSON.createArrayNode().add(a).add(b));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("statements[1].id");
        assertThat(stored()).isZero();
    }

    @BothVersions
    void theLrsSetsStoredAuthorityVersionAndAMissingTimestamp(String version) {
        ObjectNode s = Statements.minimal();
        s.put("stored", "2001-01-01T00:00:00Z");
        s.set("authority", Statements.json("{\"mbox\": \"mailto:impostor@example.com\"}"));

        String id = post(version, s).json().get(0).asText();

        JsonNode got = get(version, "statementId=" + id).json();
        assertThat(got.get("stored").asText()).doesNotStartWith("2001");
        assertThat(got.get("timestamp").asText()).isEqualTo(got.get("stored").asText());
        assertThat(got.get("authority").get("account").get("name").asText()).isEqualTo(LMS);
        assertThat(got.get("authority").get("objectType").asText()).isEqualTo("Agent");
        assertThat(got.get("version").asText()).isEqualTo(version.startsWith("2") ? "2.0.0" : "1.0.0");
    }

    @BothVersions
    void aStatedVersionIsKept(String version) {
        ObjectNode s = Statements.minimal();
        s.put("version", "1.0.1");
        String id = post(version, s).json().get(0).asText();
        assertThat(get(version, "statementId=" + id).json().get("version").asText()).isEqualTo("1.0.1");
    }

    @BothVersions
    void anUnknownQueryParameterOnPostIs400(String version) {
        Response r = send(request("/xapi/statements?foo=bar", version).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Statements.minimal().toString())).build());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("foo");
    }

    @BothVersions
    void aBodyThatIsNotJsonIs400(String version) {
        Response r = post(version, "{\"actor\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @BothVersions
    void aWrongContentTypeIs400(String version) {
        Response r = send(request("/xapi/statements", version).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Statements.minimal().toString())).build());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("text/plain");
        assertThat(stored()).isZero();
    }

    @BothVersions
    void aBodyLargerThanTheLimitIs413(String version) {
        ArrayNode batch = Statements.JSON.createArrayNode();
        while (batch.toString().length() < 300 * 1024) {
            batch.add(Statements.valid());
        }
        Response r = post(version, batch);
        assertThat(r.status()).isEqualTo(413);
        assertThat(stored()).isZero();
    }

    @BothVersions
    void aPropertyGivenTwiceIs400(String version) {
        String body = Statements.minimal().toString().replaceFirst("\\{", "{\"verb\": {\"id\": \"http://example.com/v\"},");
        assertThat(post(version, body).status()).isEqualTo(400);
    }
}
