package io.skillbridge.connector.http;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small protocol parsers behind the source: Retry-After, Link headers, URL redaction, id encoding. */
class HttpProtocolTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
    }

    @Test
    void linkHeaderFindsRelNextAmongSeveralLinksAndHeaders() {
        assertThat(LinkHeader.next(List.of("<https://a/x?page=1>; rel=\"prev\", <https://a/x?page=3>; rel=\"next\""))
        ).isEqualTo("https://a/x?page=3");
        assertThat(LinkHeader.next(List.of("<https://a/first>; rel=first", "<https://a/n>; title=\"x\"; rel=\"next last\"")))
                .isEqualTo("https://a/n");
        assertThat(LinkHeader.next(List.of("<https://a/x?page=1>; rel=\"prev\""))).isNull();
        assertThat(LinkHeader.next(List.of())).isNull();
    }

    @Test
    void redactedUrlsMaskSecretLookingParametersAndUserInfo() {
        HttpUrl url = HttpUrl.get("https://bob:hunter22@api.example.com/v1/x?api_key=k1&access_token=t1"
                + "&X-Amz-Signature=s1&sig=s2&client_secret=c1&page=2");

        String redacted = Redaction.url(url);

        assertThat(redacted).doesNotContain("hunter22", "bob", "k1", "t1", "s1", "s2", "c1")
                .contains("api.example.com/v1/x", "page=2", "api_key=***");
    }

    @Test
    void secretValuesAreMaskedInText() {
        assertThat(Redaction.secrets("echo: s3cr3t-value and x", List.of("s3cr3t-value", "x")))
                .isEqualTo("echo: *** and x");
    }

    @Test
    void idsArePercentEncodedForAPathSegmentOrQueryValue() {
        assertThat(HttpPageSource.encode("a b/c?d&é~_.-9")).isEqualTo("a%20b%2Fc%3Fd%26%C3%A9~_.-9");
    }
}
