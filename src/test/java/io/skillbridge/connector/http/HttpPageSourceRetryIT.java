package io.skillbridge.connector.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.SocketTimeoutException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.skillbridge.connector.http.HttpSources.refs;
import static io.skillbridge.connector.http.HttpSources.settings;
import static io.skillbridge.connector.http.HttpSources.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpPageSourceRetryIT {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private HttpPullSettings workers() {
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/workers");
        return settings;
    }

    /** The first request gets {@code first}, every later one a page with worker 1. */
    private static void failOnceWith(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        api.stubFor(get("/workers").inScenario("once").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered").willReturn(first));
        api.stubFor(get("/workers").inScenario("once").whenScenarioStateIs("recovered")
                .willReturn(okJson("[{\"id\":\"1\"}]")));
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterSeconds() throws IOException {
        failOnceWith(aResponse().withStatus(429).withHeader("Retry-After", "1"));

        long start = System.nanoTime();
        var page = source(workers()).fetch(null, null);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(refs(java.util.List.of(page))).containsExactly("1");
        assertThat(elapsedMs).isGreaterThanOrEqualTo(1_000);
        api.verify(2, getRequestedFor(urlPathEqualTo("/workers")));
    }

    @Test
    void serviceUnavailableWaitsForRetryAfterAsHttpDate() throws IOException {
        // An HTTP-date has whole seconds: two seconds ahead guarantees a wait of more than one.
        String inTwoSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
        failOnceWith(aResponse().withStatus(503).withHeader("Retry-After", inTwoSeconds));

        long start = System.nanoTime();
        source(workers()).fetch(null, null);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).isGreaterThanOrEqualTo(1_000);
        api.verify(2, getRequestedFor(urlPathEqualTo("/workers")));
    }

    @Test
    void retryAfterIsCappedAtMaxRetryAfterSeconds() throws IOException {
        failOnceWith(aResponse().withStatus(503).withHeader("Retry-After", "3600"));
        HttpPullSettings settings = workers();
        settings.setMaxRetryAfterSeconds(0);

        long start = System.nanoTime();
        source(settings).fetch(null, null);

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        api.verify(2, getRequestedFor(urlPathEqualTo("/workers")));
    }

    @Test
    void serverErrorsAreRetriedUntilTheySucceed() throws IOException {
        api.stubFor(get("/workers").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("again").willReturn(aResponse().withStatus(500)));
        api.stubFor(get("/workers").inScenario("flaky").whenScenarioStateIs("again")
                .willSetStateTo("fine").willReturn(aResponse().withStatus(502)));
        api.stubFor(get("/workers").inScenario("flaky").whenScenarioStateIs("fine")
                .willReturn(okJson("[{\"id\":\"1\"}]")));

        assertThat(source(workers()).fetch(null, null).records()).hasSize(1);
        api.verify(3, getRequestedFor(urlPathEqualTo("/workers")));
    }

    @Test
    void serverErrorsBeyondMaxRetriesFailWithMethodUrlAndLastStatus() {
        api.stubFor(get("/workers").willReturn(aResponse().withStatus(500).withBody("boom")));

        assertThatThrownBy(() -> source(workers()).fetch(null, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("GET " + api.baseUrl() + "/workers")
                .hasMessageContaining("3 attempts")
                .hasMessageContaining("HTTP 500: boom");
        api.verify(3, getRequestedFor(urlPathEqualTo("/workers")));
    }

    @Test
    void clientErrorFailsAtOnceWithStatusAndBodySnippet() {
        api.stubFor(get("/workers").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid field Hire_Date\"}")));

        assertThatThrownBy(() -> source(workers()).fetch(null, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("invalid field Hire_Date");
        api.verify(1, getRequestedFor(urlPathEqualTo("/workers")));
    }

    @Test
    void aTimeoutIsRetried() throws IOException {
        failOnceWith(okJson("[]").withFixedDelay(1_500));
        HttpPullSettings settings = workers();
        settings.setReadTimeoutMs(300);

        assertThat(refs(java.util.List.of(source(settings).fetch(null, null)))).containsExactly("1");
        api.verify(2, getRequestedFor(urlPathEqualTo("/workers")));
    }

    @Test
    void timeoutsBeyondMaxRetriesFailWithTheTimeoutAsCause() {
        api.stubFor(get("/workers").willReturn(okJson("[]").withFixedDelay(1_000)));
        HttpPullSettings settings = workers();
        settings.setReadTimeoutMs(200);
        settings.setMaxRetries(1);

        assertThatThrownBy(() -> source(settings).fetch(null, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("2 attempts")
                .hasCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aBodyThatIsNotJsonFailsNamingTheUrl() {
        api.stubFor(get("/workers").willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));

        assertThatThrownBy(() -> source(workers()).fetch(null, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(api.baseUrl() + "/workers")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void requestsPerSecondSpacesRequestsAcrossPages() throws IOException {
        api.stubFor(get(urlPathEqualTo("/workers")).willReturn(okJson("[{\"id\":\"1\"}]")));
        HttpPullSettings settings = workers();
        settings.setPagination("page");
        settings.setPageSize(1);
        settings.setRequestsPerSecond(5);
        HttpPageSource source = source(settings);

        long start = System.nanoTime();
        String state = null;
        for (int i = 0; i < 10; i++) {
            state = source.fetch(state, null).nextState();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        // 10 requests at 5 per second: the first goes at once, the other nine 200 ms apart.
        assertThat(elapsedMs).isGreaterThanOrEqualTo(1_750);
        api.verify(10, getRequestedFor(urlPathEqualTo("/workers")));
    }
}
