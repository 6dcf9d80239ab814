package io.skillbridge.xapi.evidence;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forwarding to a downstream LRS played by WireMock: accepted statements go on in batches, a failing target is
 * retried until it takes them, what it took is never sent again, and a statement it refuses alone is recorded and
 * does not hold back the others.
 */
class XapiForwardingIT extends XapiEvidenceHub {

    static String shared(String id) {
        return XapiEvidenceIT.statement(id, XapiEvidenceIT.mbox("fay@example.com"), FORWARDED_VERB,
                "https://academy.example.com/notes/" + id, "");
    }

    List<String> bodiesReceived() {
        return vendor.findAll(postRequestedFor(urlPathEqualTo("/fwd/xapi/statements"))).stream()
                .map(r -> r.getBodyAsString()).toList();
    }

    @Test
    void forwardsEachStatementOnceRetryingATargetThatFailsAndSkippingWhatItRefuses() {
        vendor.stubFor(WireMock.post(urlPathEqualTo("/fwd/xapi/statements")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        vendor.stubFor(WireMock.post(urlPathEqualTo("/fwd/xapi/statements")).inScenario("flaky").whenScenarioStateIs("up")
                .withHeader("X-Experience-API-Version", equalTo("1.0.3")).willReturn(okJson("[]")));
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();

        post("[" + shared(a) + "," + shared(b) + "," + XapiEvidenceIT.statement(other, XapiEvidenceIT.mbox("fay@example.com"),
                XapiEvidenceIT.COMPLETED, "https://academy.example.com/x", "") + "]");

        await().atMost(Duration.ofSeconds(10)).until(() -> bodiesReceived().size() == 2);
        // the first attempt met the 503, the retry was delivered
        assertThat(bodiesReceived()).allMatch(body -> body.contains(a) && body.contains(b) && !body.contains(other));

        String c = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        vendor.stubFor(WireMock.post(urlPathEqualTo("/fwd/xapi/statements")).atPriority(1).withRequestBody(containing(refused))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\": \"not for us\"}")));
        post("[" + shared(refused) + "," + shared(c) + "]");

        // the batch, then each alone: the refused one is recorded, the other delivered
        await().atMost(Duration.ofSeconds(10)).until(() -> bodiesReceived().size() == 5);
        List<String> bodies = bodiesReceived();
        assertThat(bodies.stream().filter(body -> body.contains(a))).hasSize(2);
        assertThat(bodies.stream().filter(body -> body.contains(c))).hasSize(2);
        assertThat(bodies.stream().filter(body -> body.contains(c) && !body.contains(refused))).hasSize(1);
        assertThat(jdbc.queryForObject("select http_status from xapi_forward_failure where statement_id = ?", Integer.class,
                refused)).isEqualTo(400);
    }
}
