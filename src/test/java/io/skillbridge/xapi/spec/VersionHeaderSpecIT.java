package io.skillbridge.xapi.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The X-Experience-API-Version header (1.0.3 Part Three 3.3; 9274.1.1 versioning). */
class VersionHeaderSpecIT extends XapiSpecIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0", "2.0.0", "2.0"})
    void everyPatchLevelOfOneZeroAndTwoZeroIsAcceptedAndAnsweredWithTheNewestOfItsLine(String sent) {
        Response r = post(sent, Statements.minimal());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Experience-API-Version")).isEqualTo(sent.startsWith("2") ? "2.0.0" : "1.0.3");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.95", "0.9", "1.1.0", "3.0.0", "2.1.0", "1.0.x", "latest"})
    void otherVersionsAre400(String sent) {
        Response r = post(sent, Statements.minimal());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("X-Experience-API-Version")).isNotBlank();
        assertThat(stored()).isZero();
    }

    @Test
    void aMissingHeaderIs400OnEveryStatementsRequest() {
        assertThat(post(null, Statements.minimal()).status()).isEqualTo(400);
        assertThat(get(null, "").status()).isEqualTo(400);
        assertThat(get(null, "").json().get("message").asText()).contains("X-Experience-API-Version");
    }

    @BothVersions
    void aTwoZeroPropertyIsUnknownToAOneZeroRequest(String version) {
        var s = Statements.valid();
        Statements.set(s, "context.contextAgents", "[{\"objectType\": \"contextAgent\", \"agent\": {\"mbox\": \"mailto:coach@example.com\"}}]");
        assertThat(post(version, s).status()).isEqualTo(version.startsWith("2") ? 200 : 400);
    }

    @Test
    void aOneZeroRequestMayNotStateVersionTwoZero() {
        var s = Statements.minimal().put("version", "2.0.0");
        assertThat(post("1.0.3", s).status()).isEqualTo(400);
        assertThat(post("2.0.0", s).status()).isEqualTo(200);
    }
}
