package io.skillbridge.connector.http;

import io.skillbridge.connector.EndpointParameters;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpPullSettingsTest {

    @Test
    void templateStringsBindOntoTypedProperties() {
        Map<String, Object> parameters = new HashMap<>(Map.of(
                "system", "workday", "baseUrl", "https://wd2.example.com/ccx/api/v1/acme",
                "pagination", "offset", "pageSize", "250", "requestsPerSecond", "2.5", "retryBackoffMs", "100",
                "clientSecret", "${WORKDAY_CLIENT_SECRET}"));

        HttpPullSettings settings = EndpointParameters.bind("wd", parameters, HttpPullSettings.class).kind();

        assertThat(settings.getPageSize()).isEqualTo(250);
        assertThat(settings.getRequestsPerSecond()).isEqualTo(2.5);
        assertThat(settings.getRetryBackoffMs()).isEqualTo(100);
        assertThat(settings.getClientSecret()).isEqualTo("${WORKDAY_CLIENT_SECRET}");
    }

    @Test
    void defaultsAreThoseTheTemplatesDocument() {
        HttpPullSettings settings = new HttpPullSettings();

        assertThat(settings.getMethod()).isEqualTo("GET");
        assertThat(settings.getRecordIdField()).isEqualTo("id");
        assertThat(settings.getAuthType()).isEqualTo("none");
        assertThat(settings.getApiKeyHeader()).isEqualTo("X-API-Key");
        assertThat(settings.getPagination()).isEqualTo("none");
        assertThat(settings.getPageSize()).isEqualTo(100);
        assertThat(settings.getLimitParam()).isEqualTo("limit");
        assertThat(settings.getFirstPage()).isEqualTo(1);
        assertThat(settings.getNextLinkPath()).isEqualTo("/next");
        assertThat(settings.getCursorPath()).isEqualTo("/nextCursor");
        assertThat(settings.getMaxRetries()).isEqualTo(5);
        assertThat(settings.getRetryBackoffMs()).isEqualTo(500);
        assertThat(settings.getMaxRetryAfterSeconds()).isEqualTo(120);
        assertThat(settings.getConnectTimeoutMs()).isEqualTo(10_000);
        assertThat(settings.getReadTimeoutMs()).isEqualTo(30_000);
    }

    @Test
    void aMisspelledParameterIsAnError() {
        Map<String, Object> parameters = new HashMap<>(Map.of("baseUrl", "https://x.example", "pagesize", "10"));

        assertThatThrownBy(() -> EndpointParameters.bind("wd", parameters, HttpPullSettings.class))
                .hasMessageContaining("pagesize");
    }

    @Test
    void theSourceRejectsUnknownOptionsNamingTheAllowedOnes() {
        HttpPullSettings settings = new HttpPullSettings();
        settings.setBaseUrl("https://x.example");
        settings.setPagination("offset-limit");

        assertThatThrownBy(() -> new HttpPageSource(settings, s -> s, HostPolicy.permissive()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pagination").hasMessageContaining("next-link");
    }

    @Test
    void theSourceRequiresABaseUrl() {
        assertThatThrownBy(() -> new HttpPageSource(new HttpPullSettings(), s -> s, HostPolicy.permissive()))
                .hasMessageContaining("baseUrl");
    }
}
