package io.skillbridge.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The demo's write-back side: a Workday talent profile, a BambooHR skills table, a Moodle and a SCORM Cloud that
 * accept what the shipped target files send, so the demo closes the loop (completion in, profile up, write-back
 * out). Credentials are generated per start and published with the URL in the property source
 * {@code skillbridge-demo-targets}; the stubs refuse requests without them or without an {@code Idempotency-Key}.
 */
@Component
@ConditionalOnProperty(name = "skillbridge.demo.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatedTargets implements AutoCloseable {

    public static final String PROPERTY_SOURCE = "skillbridge-demo-targets";
    private static final Logger log = LoggerFactory.getLogger(SimulatedTargets.class);

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            // the demo's write-backs are visible in the hub's delivery log; a journal would only grow
            .disableRequestJournal().templatingEnabled(false));
    private final String token = DemoSecrets.generate();
    private final String apiKey = DemoSecrets.generate();

    public SimulatedTargets(ConfigurableEnvironment environment) {
        server.start();
        String basic = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":x").getBytes(StandardCharsets.UTF_8));
        server.stubFor(put(urlPathMatching("/workday/ccx/api/v1/acme/workers/[^/]+/skills"))
                .withHeader("Authorization", equalTo("Bearer " + token)).withHeader("Idempotency-Key", matching(".+"))
                .willReturn(okJson("{\"status\": \"accepted\"}")));
        server.stubFor(put(urlPathMatching("/bamboohr/api/gateway.php/acme/v1/employees/[^/]+/tables/customSkills"))
                .withHeader("Authorization", equalTo(basic)).withHeader("Idempotency-Key", matching(".+"))
                .willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo("/moodle/webservice/rest/server.php"))
                .withFormParam("wstoken", equalTo(token)).withFormParam("wsfunction", equalTo("enrol_manual_enrol_users"))
                .willReturn(okJson("null")));
        server.stubFor(post(urlPathEqualTo("/scormcloud/api/v2/registrations"))
                .withHeader("Authorization", equalTo(basic)).willReturn(aResponse().withStatus(204)));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "skillbridge.demo.targets-url", baseUrl(),
                "DEMO_TARGETS_TOKEN", token,
                "DEMO_TARGETS_API_KEY", apiKey,
                // BambooHR and SCORM Cloud take the key as the user name and ignore the password
                "DEMO_TARGETS_PASSWORD", "x")));
        log.info("Simulated write-back targets (Workday, BambooHR, Moodle, SCORM Cloud) at {}", baseUrl());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @PreDestroy
    @Override
    public void close() {
        server.stop();
    }

}
