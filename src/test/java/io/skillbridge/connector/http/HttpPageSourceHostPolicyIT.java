package io.skillbridge.connector.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.skillbridge.connector.http.HttpSources.SECRETS;
import static io.skillbridge.connector.http.HttpSources.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpPageSourceHostPolicyIT {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void theDefaultPolicyRefusesLocalhostBeforeAnyRequest() {
        api.stubFor(get("/workers").willReturn(okJson("[]")));
        HttpPullSettings settings = settings(api.baseUrl());
        settings.setPath("/workers");
        HttpPageSource source = new HttpPageSource(settings, SECRETS, new HostPolicy(false, Set.of()));

        assertThatThrownBy(() -> source.fetch(null, null))
                .isInstanceOf(HostPolicy.HostRefusedException.class)
                .hasMessageContaining("localhost")
                .hasMessageContaining("skillbridge.http.allowed-hosts")
                .hasMessageContaining("skillbridge.http.allow-private-networks");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void anAllowedHostIsCalledButARedirectToAPrivateAddressIsRefused() throws IOException {
        api.stubFor(get("/workers").willReturn(okJson("[{\"id\":\"1\"}]")));
        api.stubFor(get("/moved").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + api.getPort() + "/workers")));
        HostPolicy onlyLocalhost = new HostPolicy(false, Set.of("LOCALHOST"));
        HttpPullSettings direct = settings(api.baseUrl());
        direct.setPath("/workers");
        HttpPullSettings redirected = settings(api.baseUrl());
        redirected.setPath("/moved");

        assertThat(new HttpPageSource(direct, SECRETS, onlyLocalhost).fetch(null, null).records()).hasSize(1);
        assertThatThrownBy(() -> new HttpPageSource(redirected, SECRETS, onlyLocalhost).fetch(null, null))
                .isInstanceOf(HostPolicy.HostRefusedException.class)
                .hasMessageContaining("127.0.0.1");
        assertThat(api.getAllServeEvents()).extracting(e -> e.getRequest().getUrl())
                .containsExactlyInAnyOrder("/workers", "/moved");
    }
}
