package io.skillbridge.xapi.spec;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The About resource (1.0.3 Part Three 2.8): open, and lists the versions this LRS speaks. */
class AboutSpecIT extends XapiSpecIT {

    @Test
    void aboutListsBothVersionsWithoutCredentialsOrVersionHeader() {
        Response r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/xapi/about")).GET().build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("version")).extracting(n -> n.asText()).containsExactly("1.0.3", "2.0.0");
        assertThat(r.header("X-Experience-API-Version")).isEqualTo("2.0.0");
    }
}
