package io.skillbridge.xapi.spec;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication (1.0.3 Part Three 4.0): HTTP Basic per client, scopes, the authority the LRS records. */
class AuthenticationSpecIT extends XapiSpecIT {

    private Response as(String authorization, String method, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/xapi/statements"))
                .header("X-Experience-API-Version", "1.0.3").header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void noCredentialsIs401WithABasicChallenge() {
        Response r = as(null, "GET", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(r.header("X-Experience-API-Version")).isEqualTo("1.0.3");
    }

    @Test
    void aWrongSecretOrUnknownKeyIs401AndNeverEchoesTheSecret() {
        Response wrong = as(basic(LMS, "guess"), "GET", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(as(basic("nobody", LMS_SECRET), "GET", null).status()).isEqualTo(401);
        assertThat(as("Basic !!!not-base64", "GET", null).status()).isEqualTo(401);
        assertThat(as("Bearer " + LMS_SECRET, "GET", null).status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(LMS_SECRET).doesNotContain("guess");
    }

    @Test
    void aReadOnlyClientReadsButCannotWrite() {
        assertThat(as(basic("dashboard", DASHBOARD_SECRET), "GET", null).status()).isEqualTo(200);
        Response write = as(basic("dashboard", DASHBOARD_SECRET), "POST", Statements.minimal().toString());
        assertThat(write.status()).isEqualTo(403);
        assertThat(stored()).isZero();
    }

    @Test
    void theAuthorityIsTheAuthenticatedClientAndTheClientIsRecorded() {
        String id = post("1.0.3", Statements.minimal()).json().get(0).asText();
        assertThat(get("1.0.3", "statementId=" + id).json().get("authority").get("name").asText()).isEqualTo("Example LMS");
        assertThat(jdbc.queryForObject("select client_key from xapi_statement where id = ?", String.class, id)).isEqualTo(LMS);
    }
}
