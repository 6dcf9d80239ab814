package io.skillbridge.connector.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.skillbridge.connector.http.HttpSources.readAll;
import static io.skillbridge.connector.http.HttpSources.refs;
import static io.skillbridge.connector.http.HttpSources.settings;
import static io.skillbridge.connector.http.HttpSources.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpPageSourceAuthIT {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CLIENT_BASIC = "Basic " + base64("skillbridge:client-secret-value");

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpPullSettings oauth2() {
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/workers");
        settings.setRecordsPath("/data");
        settings.setAuthType("oauth2");
        settings.setTokenUrl(api.baseUrl() + "/oauth2/token");
        settings.setClientId("skillbridge");
        settings.setClientSecret("${CLIENT_SECRET}");
        settings.setPageSize(1);
        return settings;
    }

    private static String tokenResponse(String token, int expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
    }

    /** Two pages of workers behind offset paging, each accepting only the given Authorization header. */
    private static void twoPagesFor(String authorization) {
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("0"))
                .withHeader("Authorization", equalTo(authorization))
                .willReturn(okJson("{\"data\":[{\"id\":\"1\"}]}")));
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("1"))
                .withHeader("Authorization", equalTo(authorization))
                .willReturn(okJson("{\"data\":[]}")));
    }

    @Test
    void basicAuthSendsUserNameAndResolvedPassword() throws IOException {
        api.stubFor(get("/directory").willReturn(okJson("[{\"id\":\"123\"}]")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/directory");
        settings.setAuthType("basic");
        settings.setUsername("bamboo-api-key");
        settings.setPassword("${PASSWORD}");

        assertThat(refs(readAll(source(settings), null))).containsExactly("123");

        api.verify(getRequestedFor(urlPathEqualTo("/directory"))
                .withHeader("Authorization", equalTo("Basic " + base64("bamboo-api-key:pa55-w0rd-value")))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void bearerAuthSendsTheResolvedToken() throws IOException {
        api.stubFor(get("/directory").willReturn(okJson("[]")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/directory");
        settings.setAuthType("bearer");
        settings.setToken("${TOKEN}");

        source(settings).fetch(null, null);

        api.verify(getRequestedFor(urlPathEqualTo("/directory"))
                .withHeader("Authorization", equalTo("Bearer bearer-token-value")));
    }

    @Test
    void apiKeyAuthSendsTheResolvedKeyInTheConfiguredHeader() throws IOException {
        api.stubFor(get("/directory").willReturn(okJson("[]")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/directory");
        settings.setAuthType("api-key");
        settings.setApiKeyHeader("X-Api-Token");
        settings.setApiKey("${API_KEY}");

        source(settings).fetch(null, null);

        api.verify(getRequestedFor(urlPathEqualTo("/directory"))
                .withHeader("X-Api-Token", equalTo("api-key-value"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void oauth2TokenIsFetchedOnceAndReusedAcrossPages() throws IOException {
        api.stubFor(post("/oauth2/token").withHeader("Authorization", equalTo(CLIENT_BASIC))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("scope=workers.read"))
                .willReturn(okJson(tokenResponse("token-1", 3600))));
        twoPagesFor("Bearer token-1");
        HttpPullSettings settings = oauth2();
        settings.setScope("workers.read");
        settings.setPagination("offset");

        assertThat(refs(readAll(source(settings), null))).containsExactly("1");

        api.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        api.verify(2, getRequestedFor(urlPathEqualTo("/workers")).withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void oauth2TokenThatExpiresMidSyncIsRefreshed() throws IOException, InterruptedException {
        api.stubFor(post("/oauth2/token").inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("issued").willReturn(okJson(tokenResponse("token-1", 1))));
        api.stubFor(post("/oauth2/token").inScenario("expiry").whenScenarioStateIs("issued")
                .willReturn(okJson(tokenResponse("token-2", 1))));
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("0"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(okJson("{\"data\":[{\"id\":\"1\"}]}")));
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("1"))
                .withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(okJson("{\"data\":[]}")));
        HttpPullSettings settings = oauth2();
        settings.setPagination("offset");
        HttpPageSource source = source(settings);

        String next = source.fetch(null, null).nextState();
        Thread.sleep(1_000);
        assertThat(source.fetch(next, null).records()).isEmpty();

        api.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void oauth2TokenRejectedWith401IsReplacedOnceAndTheSyncContinues() throws IOException {
        api.stubFor(post("/oauth2/token").inScenario("revoked").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("issued").willReturn(okJson(tokenResponse("token-1", 3600))));
        api.stubFor(post("/oauth2/token").inScenario("revoked").whenScenarioStateIs("issued")
                .willReturn(okJson(tokenResponse("token-2", 3600))));
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("0"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(okJson("{\"data\":[{\"id\":\"1\"}]}")));
        // The server revoked token-1 before the second page.
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("1"))
                .withHeader("Authorization", equalTo("Bearer token-1")).willReturn(aResponse().withStatus(401)));
        api.stubFor(get(urlPathEqualTo("/workers")).withQueryParam("offset", equalTo("1"))
                .withHeader("Authorization", equalTo("Bearer token-2")).willReturn(okJson("{\"data\":[]}")));
        HttpPullSettings settings = oauth2();
        settings.setPagination("offset");

        assertThat(refs(readAll(source(settings), null))).containsExactly("1");

        api.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        api.verify(1, getRequestedFor(urlPathEqualTo("/workers")).withHeader("Authorization", equalTo("Bearer token-2")));
    }

    @Test
    void oauth2ClientCredentialsGoInTheFormWhenTheServerRefusesBasic() throws IOException {
        api.stubFor(post("/oauth2/token").atPriority(10)
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
        api.stubFor(post("/oauth2/token").withHeader("Authorization", absent())
                .withRequestBody(containing("client_id=skillbridge"))
                .withRequestBody(containing("client_secret=client-secret-value"))
                .willReturn(okJson(tokenResponse("token-1", 3600))));
        twoPagesFor("Bearer token-1");
        HttpPullSettings settings = oauth2();
        settings.setPagination("offset");

        assertThat(refs(readAll(source(settings), null))).containsExactly("1");

        api.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void oauth2TokenFailureNamesTheStatusButNotTheSecret() {
        api.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"received\":\"client-secret-value\"}")));

        assertThatThrownBy(() -> source(oauth2()).fetch(null, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("invalid_client")
                .hasMessageNotContaining("client-secret-value");
        api.verify(0, getRequestedFor(urlPathEqualTo("/workers")));
    }

    @Test
    void secretsEchoedByTheServerNeverReachTheExceptionMessage() {
        api.stubFor(get(urlPathEqualTo("/directory")).willReturn(aResponse().withStatus(403)
                .withBody("forbidden for password pa55-w0rd-value")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/directory?api_key=query-key-value");
        settings.setAuthType("basic");
        settings.setUsername("user");
        settings.setPassword("${PASSWORD}");

        assertThatThrownBy(() -> source(settings).fetch(null, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 403").hasMessageContaining("api_key=***")
                .hasMessageNotContaining("pa55-w0rd-value").hasMessageNotContaining("query-key-value");
    }

    @Test
    void anUnresolvableSecretFailsBeforeAnyRequestNamingOnlyTheProperty() {
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setAuthType("bearer");
        settings.setToken("${NOT_SET}");

        assertThatThrownBy(() -> source(settings).fetch(null, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("property token");
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
