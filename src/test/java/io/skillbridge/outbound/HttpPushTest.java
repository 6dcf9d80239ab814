package io.skillbridge.outbound;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpPushTest {

    @Test
    void theSignatureIsTheHexHmacSha256OfTimestampDotBody() {
        // the value python's hmac.new(secret, b"1764000000." + body, hashlib.sha256).hexdigest() gives
        assertThat(HttpPush.sign("at-least-16-characters", "1764000000", "{\"event\":\"profile.updated\"}"))
                .isEqualTo("f8af876a0321b363af9d158cf197bf59a0349725bb4ae092d7cec892ef9a2bd9");
    }

    @Test
    void anotherTimestampOrSecretSignsDifferently() {
        String body = "{\"event\":\"profile.updated\"}";
        String signed = HttpPush.sign("at-least-16-characters", "1764000000", body);

        assertThat(HttpPush.sign("at-least-16-characters", "1764000001", body)).isNotEqualTo(signed);
        assertThat(HttpPush.sign("another-16-characters", "1764000000", body)).isNotEqualTo(signed);
    }
}
