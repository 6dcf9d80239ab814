package io.skillbridge.connector.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.skillbridge.connector.Page;
import io.skillbridge.connector.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.skillbridge.connector.http.HttpSources.payloads;
import static io.skillbridge.connector.http.HttpSources.settings;
import static io.skillbridge.connector.http.HttpSources.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a page carries: records, their refs, details, cursors and the raw body; how the request is shaped. */
class HttpPageSourceRecordsIT {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CHANGED = """
            {"latest": "2026-11-28T09:12:44+00:00",
             "employees": {
               "123": {"id": "123", "action": "Updated"},
               "131": {"action": "Inserted"}
             }}""";

    private HttpPullSettings changed() {
        HttpPullSettings settings = settings(api.baseUrl() + "/v1");
        settings.setPath("employees/changed");
        settings.setRecordsPath("/employees");
        settings.setIncrementalParam("since");
        settings.setResponseCursorPath("/latest");
        return settings;
    }

    @Test
    void anObjectAtRecordsPathYieldsItsValuesWithTheKeyAsFallbackRef() throws IOException {
        api.stubFor(get(urlPathEqualTo("/v1/employees/changed")).willReturn(okJson(CHANGED)));

        Page page = source(changed()).fetch(null, "2026-11-01T00:00:00Z");

        assertThat(page.records()).extracting(SourceRecord::ref).containsExactly("123", "131");
        assertThat(payloads(page)).extracting(p -> p.get("action").asText()).containsExactly("Updated", "Inserted");
        assertThat(page.records()).extracting(SourceRecord::parseError).containsOnlyNulls();
    }

    @Test
    void responseCursorPathBecomesThePageCursorAndRawIsTheBody() throws IOException {
        api.stubFor(get(urlPathEqualTo("/v1/employees/changed")).willReturn(okJson(CHANGED)));

        Page page = source(changed()).fetch(null, "2026-11-01T00:00:00Z");

        assertThat(page.cursor()).isEqualTo("2026-11-28T09:12:44+00:00");
        assertThat(new String(page.raw(), StandardCharsets.UTF_8)).isEqualTo(CHANGED);
    }

    @Test
    void theIncrementalParameterIsSentOnlyWithACursor() throws IOException {
        api.stubFor(get(urlPathEqualTo("/v1/employees/changed")).willReturn(okJson(CHANGED)));
        HttpPageSource source = source(changed());

        source.fetch(null, "2026-11-01T00:00:00Z");
        source.fetch(null, null);

        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/employees/changed"))
                .withQueryParam("since", equalTo("2026-11-01T00:00:00Z")));
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/employees/changed")).withQueryParam("since", absent()));
    }

    @Test
    void detailModeFetchesEachRecordAndHandsOnSummaryWithDetailOrNullOn404() throws IOException {
        api.stubFor(get(urlPathEqualTo("/v1/employees/changed")).willReturn(okJson("""
                {"employees": {"123": {"id": "123", "action": "Updated"},
                               "a b/c": {"id": "a b/c", "action": "Deleted"}}}""")));
        api.stubFor(get(urlPathEqualTo("/v1/employees/123")).withQueryParam("fields", equalTo("firstName,workEmail"))
                .willReturn(okJson("{\"id\":\"123\",\"firstName\":\"Charlotte\"}")));
        api.stubFor(get(urlPathEqualTo("/v1/employees/a%20b%2Fc")).willReturn(notFound()));
        HttpPullSettings settings = changed();
        settings.setDetailPath("employees/{id}?fields=firstName,workEmail");

        Page page = source(settings).fetch(null, null);

        assertThat(page.records()).extracting(SourceRecord::ref).containsExactly("123", "a b/c");
        assertThat(payloads(page).get(0).at("/summary/action").asText()).isEqualTo("Updated");
        assertThat(payloads(page).get(0).at("/detail/firstName").asText()).isEqualTo("Charlotte");
        assertThat(payloads(page).get(1).get("detail").isNull()).isTrue();
        assertThat(payloads(page).get(1).at("/summary/action").asText()).isEqualTo("Deleted");
        assertThat(api.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).containsExactlyInAnyOrder(
                "/v1/employees/changed", "/v1/employees/123?fields=firstName,workEmail",
                "/v1/employees/a%20b%2Fc?fields=firstName,workEmail");
        assertThat(new String(page.raw(), StandardCharsets.UTF_8)).contains("\"Deleted\"");
    }

    @Test
    void postSendsTheConfiguredBodyAndHeaders() throws IOException {
        String fields = "{\"fields\":[\"employeeNumber\",\"hireDate\"]}";
        api.stubFor(post(urlPathEqualTo("/v1/reports/custom"))
                .willReturn(okJson("{\"employees\":[{\"id\":\"123\"},{\"id\":\"124\"}]}")));
        HttpPullSettings settings = settings(api.baseUrl() + "/v1/");
        settings.setPath("/reports/custom?format=JSON");
        settings.setMethod("POST");
        settings.setBody(fields);
        settings.setHeaders("Accept: application/json; charset=utf-8; X-Tenant: acme;");
        settings.setRecordsPath("/employees");

        Page page = source(settings).fetch(null, null);

        assertThat(page.records()).extracting(SourceRecord::ref).containsExactly("123", "124");
        api.verify(postRequestedFor(urlPathEqualTo("/v1/reports/custom"))
                .withQueryParam("format", equalTo("JSON"))
                .withHeader("Accept", equalTo("application/json; charset=utf-8"))
                .withHeader("X-Tenant", equalTo("acme"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(fields)));
    }

    @Test
    void recordIdFieldMayBeAJsonPointerAndMissingIdsFallBackToThePosition() throws IOException {
        api.stubFor(get("/report").willReturn(okJson(
                "[{\"worker\":{\"Employee_ID\":\"21001\"}},{\"worker\":{}}]")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/report");
        settings.setRecordIdField("/worker/Employee_ID");

        assertThat(source(settings).fetch(null, null).records()).extracting(SourceRecord::ref)
                .containsExactly("21001", "record 1");
    }

    @Test
    void aMissingRecordsPathFailsRatherThanLookLikeAnEmptySnapshot() {
        api.stubFor(get("/workers").willReturn(okJson("{\"Report_Entry\":[]}")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/workers");
        settings.setRecordsPath("/data");

        assertThatThrownBy(() -> source(settings).fetch(null, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("recordsPath /data");
    }

    @Test
    void aThousandRecordPageIsParsedInMilliseconds() throws IOException {
        StringBuilder body = new StringBuilder("{\"total\":1000,\"data\":[");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i)
                    .append("\",\"descriptor\":\"Worker ").append(i)
                    .append("\",\"primaryWorkEmail\":\"w").append(i).append("@example.com\",")
                    .append("\"primaryJob\":{\"jobProfile\":{\"id\":\"JP-1\",\"descriptor\":\"Analyst\"},")
                    .append("\"hireDate\":\"2019-03-18\"}}");
        }
        api.stubFor(get("/workers").willReturn(okJson(body.append("]}").toString())));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/workers");
        settings.setRecordsPath("/data");
        HttpPageSource source = source(settings);
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            source.fetch(null, null);
        }

        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            assertThat(source.fetch(null, null).records()).hasSize(1000);
            best = Math.min(best, System.nanoTime() - start);
        }

        // Includes the local HTTP round trip; a generous bound that still catches a per-record slowdown.
        assertThat(best / 1_000_000).isLessThan(50);
    }
}
