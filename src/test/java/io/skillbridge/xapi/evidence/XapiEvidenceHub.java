package io.skillbridge.xapi.evidence;

import io.skillbridge.TestStore;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skillbridge.HubHome;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * One hub for the xAPI evidence ITs: an HRIS and a course catalog played by WireMock, the shipped evidence rules, and
 * an LMS that posts statements over HTTP with Basic auth. Each test starts from an empty store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:xapi-evidence;DB_CLOSE_DELAY=-1",
        "skillbridge.xapi.evidence-poll-ms=200",
        "skillbridge.xapi.forward-poll-ms=200"})
abstract class XapiEvidenceHub {

    static final String LMS_SECRET = "lms-secret-evidence-0001";
    /** The one verb the test hub forwards, so that other tests' statements stay off the forwarding target. */
    static final String FORWARDED_VERB = "https://w3id.org/xapi/dod-isd/verbs/shared";
    static final WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final HubHome home = new HubHome();

    static {
        vendor.start();
        String base = "http://127.0.0.1:" + vendor.port();
        try {
            home.write("config/xapi/evidence.yaml", Files.readString(Path.of("config/xapi/evidence.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        home.write("config/xapi/clients.yaml", """
                clients:
                  - key: lms
                    secret: ${XAPI_LMS_SECRET}
                """);
        home.write("mappings/tests/worker.jsonata", """
                {"externalId": id, "employeeId": employeeId, "workEmail": email, "givenName": id, "familyName": "Test",
                 "status": "active", "hireDate": "2020-01-06"}
                """);
        home.write("config/connectors/hr-people.yaml", """
                kind: http-pull
                parameters:
                  system: hr
                  mapping: tests/worker.jsonata
                  baseUrl: %s/hr
                  path: /people
                  recordsPath: /people
                  maxRetries: 0
                """.formatted(base));
        home.write("config/connectors/academy-catalog.yaml", """
                kind: http-pull
                parameters:
                  system: academy
                  entity: contentItem
                  mapping: generic-catalog/content-item.jsonata
                  baseUrl: %s/academy
                  path: /catalog.json
                  recordsPath: /items
                  maxRetries: 0
                """.formatted(base));
        home.write("config/xapi/forwarding.yaml", """
                targets:
                  - id: downstream
                    endpoint: %s/fwd/xapi
                    username: hub
                    password: ${TEST_LRS_SECRET}
                    verbs: [%s]
                """.formatted(base, FORWARDED_VERB));
        home.write("config/connectors/remote-lrs.yaml", """
                kind: lrs-pull
                parameters:
                  endpoint: %s/lrs/xapi/
                  username: hub
                  password: ${TEST_LRS_SECRET}
                  pageSize: 2
                """.formatted(base));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        home.register(r);
        r.add("XAPI_LMS_SECRET", () -> LMS_SECRET);
        r.add("TEST_LRS_SECRET", () -> "lrs-secret-0001");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyStore() {
        vendor.resetAll();
        TestStore.empty(jdbc);
    }

    /** HRIS people as {id, work email, employee id}; returns their person ids by HRIS id. */
    Map<String, String> people(String[]... people) {
        serveAndSync("/hr/people", "people", "{\"id\": \"%s\", \"email\": \"%s\", \"employeeId\": \"%s\"}", people,
                "hr-people");
        return jdbc.queryForList("select external_id, person_id from identity_link where system = 'hr'").stream()
                .collect(Collectors.toMap(r -> (String) r.get("EXTERNAL_ID"), r -> (String) r.get("PERSON_ID")));
    }

    /** A catalog of one item per {id, title, url, level label, skills}. */
    void catalog(String[]... items) {
        serveAndSync("/academy/catalog.json", "items", """
                {"id": "%s", "provider": "Acme Academy", "title": "%s", "url": "%s", "format": "course", "level": "%s",
                 "language": "en", "skills": "%s"}""", items, "academy-catalog");
    }

    /** Serves the rows, each written through the template, as one JSON page, and runs the connector reading it. */
    void serveAndSync(String path, String array, String template, String[][] rows, String connector) {
        serve(path, "{\"" + array + "\": [" + Arrays.stream(rows).map(r -> template.formatted((Object[]) r))
                .collect(Collectors.joining(",")) + "]}");
        sync(connector);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> sync(String connector) {
        return http.postForObject("/api/v1/connectors/" + connector + "/runs?wait=true&mode=full", null, Map.class);
    }

    static void serve(String path, String body) {
        vendor.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Posts statements as the LMS does: HTTP Basic, the version header, JSON. */
    ResponseEntity<String> post(String statements) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("lms", LMS_SECRET);
        h.set("X-Experience-API-Version", "1.0.3");
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/xapi/statements", HttpMethod.POST, new HttpEntity<>(statements, h), String.class);
    }

    /** The person's profile level of a skill, or null. */
    @SuppressWarnings("unchecked")
    Double level(String personId, String skillId) {
        Map<String, Object> profile = http.getForObject("/api/v1/persons/" + personId + "/profile", Map.class);
        for (Map<String, Object> s : (List<Map<String, Object>>) profile.get("skills")) {
            if (skillId.equals(s.get("skill"))) {
                return ((Number) s.get("level")).doubleValue();
            }
        }
        return null;
    }
}
