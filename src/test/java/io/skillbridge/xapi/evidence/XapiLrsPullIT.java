package io.skillbridge.xapi.evidence;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The lrs-pull kind against an LRS played by WireMock: jxapi reads the pages along their more links, the statements
 * land in the hub's store with the connector as authority and become evidence; the next run asks only for what was
 * stored since the newest statement pulled, and a voiding statement it brings withdraws the evidence.
 */
class XapiLrsPullIT extends XapiEvidenceHub {

    static final String A = "0c7e1f3a-5b2d-4c6e-9f80-1a2b3c4d5e6f";
    static final String B = "1d8e2f4b-6c3e-4d7f-8a91-2b3c4d5e6f70";
    static final String C = "2e9f3a5c-7d4f-4e80-9ba2-3c4d5e6f7081";
    static final String VOIDING = "3fa04b6d-8e5a-4f91-acb3-4d5e6f708192";

    static String remote(String id, String email, String verb, String object, String stored) {
        return """
                {"id": "%s", "actor": {"objectType": "Agent", "mbox": "mailto:%s"}, "verb": {"id": "%s"}, "object": %s,
                 "result": {"completion": true, "score": {"scaled": 0.95}}, "timestamp": "%s", "stored": "%s",
                 "authority": {"objectType": "Agent", "account": {"homePage": "https://lrs.example.com", "name": "lms-client"}},
                 "version": "1.0.0"}""".formatted(id, email, verb, object, stored, stored);
    }

    @Test
    void pullsPagesBySinceAndMoreAndAVoidingStatementWithdrawsWhatWasPulled() {
        String ravi = people(new String[]{"R1", "ravi.iyer@example.com", "7007"}).get("R1");
        catalog(new String[]{"BI-1", "BI Foundations", "https://content.example.com/courses/bi-foundations", "Intermediate", "Tableau"});
        String course = "{\"objectType\": \"Activity\", \"id\": \"https://content.example.com/courses/bi-foundations\"}";
        String completed = "http://adlnet.gov/expapi/verbs/completed";
        vendor.stubFor(get(urlPathEqualTo("/lrs/xapi/statements")).withQueryParam("since", absent())
                .withQueryParam("ascending", equalTo("true")).willReturn(okJson("{\"statements\": ["
                        + remote(A, "ravi.iyer@example.com", completed, course, "2026-11-26T12:00:01.204Z") + ","
                        + remote(B, "nobody@example.com", completed, course, "2026-11-26T12:00:02.000Z")
                        + "], \"more\": \"/lrs/xapi/statements?more=page2\"}")));
        vendor.stubFor(get(urlPathEqualTo("/lrs/xapi/statements")).withQueryParam("more", equalTo("page2"))
                .willReturn(okJson("{\"statements\": [" + remote(C, "ravi.iyer@example.com",
                        "http://adlnet.gov/expapi/verbs/experienced", course, "2026-11-26T12:00:03.000Z") + "], \"more\": \"\"}")));

        Map<String, Object> first = sync("remote-lrs");

        assertThat(first.get("status")).isEqualTo("succeeded");
        assertThat(first.get("read")).isEqualTo(3);
        assertThat(first.get("created")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select client_key from xapi_statement where id = ?", String.class, A)).isEqualTo("remote-lrs");
        assertThat(jdbc.queryForObject("select body from xapi_statement where id = ?", String.class, A))
                .contains("\"name\":\"remote-lrs\"").doesNotContain("lms-client");
        await().atMost(Duration.ofSeconds(5)).until(() -> level(ravi, "tableau") != null);
        assertThat(level(ravi, "tableau")).isCloseTo(3.0, within(0.05));
        vendor.verify(getRequestedFor(urlPathEqualTo("/lrs/xapi/statements"))
                .withHeader("Authorization", equalTo("Basic aHViOmxycy1zZWNyZXQtMDAwMQ=="))
                .withHeader("X-Experience-API-Version", WireMock.matching("1\\.0\\..*")));

        vendor.stubFor(get(urlPathEqualTo("/lrs/xapi/statements")).withQueryParam("since", equalTo("2026-11-26T12:00:03.000Z"))
                .willReturn(okJson("{\"statements\": [" + remote(VOIDING, "lms-admin@example.com",
                        "http://adlnet.gov/expapi/verbs/voided", "{\"objectType\": \"StatementRef\", \"id\": \"" + A + "\"}",
                        "2026-11-27T08:00:00.000Z") + "], \"more\": \"\"}")));

        Map<String, Object> second = sync("remote-lrs");

        assertThat(second.get("read")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select voided from xapi_statement where id = ?", Boolean.class, A)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> level(ravi, "tableau") == null);
        assertThat(jdbc.queryForObject("select cursor_value from connector_checkpoint where connector_id = 'remote-lrs'",
                String.class)).isEqualTo("2026-11-27T08:00:00.000Z");

        vendor.stubFor(get(urlPathEqualTo("/lrs/xapi/statements")).withQueryParam("since", equalTo("2026-11-27T08:00:00.000Z"))
                .willReturn(okJson("{\"statements\": [], \"more\": \"\"}")));
        Map<String, Object> third = sync("remote-lrs");
        assertThat(third.get("status")).isEqualTo("succeeded");
        assertThat(third.get("read")).isEqualTo(0);
    }
}
