package io.skillbridge.catalog;

import io.skillbridge.TestStore;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skillbridge.HubHome;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * One hub for the learning and catalog ITs: a WireMock "vendor" on loopback playing an HRIS, Moodle, SCORM Cloud,
 * LinkedIn Learning, Coursera and a generic catalog, and one connector file per vendor as an integration engineer
 * would write it. The ITs share the Spring context; each starts from an empty store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:learninghub;DB_CLOSE_DELAY=-1")
abstract class LearningHub {

    static final WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final HubHome home = new HubHome();
    static final String MOODLE_TOKEN = "moodle-ws-token-0001";

    static {
        vendor.start();
        String base = "http://127.0.0.1:" + vendor.port();
        home.write("mappings/tests/worker.jsonata", """
                {"externalId": id, "employeeId": employeeId, "workEmail": email, "givenName": first, "familyName": last,
                 "status": "active", "hireDate": "2020-01-06", "role": {"externalId": role, "title": roleTitle}}
                """);
        connector("hr-people", """
                system: hr
                mapping: tests/worker.jsonata
                baseUrl: %s/hr
                path: /people
                recordsPath: /people
                """.formatted(base));
        MoodleCompletionsConnector.write(home, base + "/moodle");
        connector("scorm-registrations", """
                system: scormcloud
                entity: learningRecord
                mapping: scormcloud/registration.jsonata
                reconcile: false
                baseUrl: %s/scorm/api/v2
                path: /registrations
                authType: basic
                username: app-1
                password: ${TEST_SCORM_SECRET}
                pagination: cursor
                cursorParam: more
                cursorPath: /more
                recordsPath: /registrations
                incrementalParam: since
                initialCursor: 2000-01-01T00:00:00Z
                """.formatted(base));
        connector("linkedin-assets", """
                system: linkedin-learning
                entity: contentItem
                mapping: linkedin-learning/learning-asset.jsonata
                baseUrl: %s/linkedin
                path: /v2/learningAssets?q=criteria&assetFilteringCriteria.assetTypes[0]=COURSE
                authType: oauth2
                tokenUrl: %s/linkedin/oauth/v2/accessToken
                clientId: skillbridge
                clientSecret: ${TEST_LINKEDIN_SECRET}
                pagination: offset
                offsetParam: start
                limitParam: count
                pageSize: 2
                totalPath: /paging/total
                recordsPath: /elements
                recordIdField: urn
                """.formatted(base, base));
        connector("coursera-catalog", """
                system: coursera
                entity: contentItem
                mapping: coursera/catalog-item.jsonata
                baseUrl: %s/coursera
                path: /api/businesses.v1/acme/catalog
                authType: bearer
                token: ${TEST_COURSERA_TOKEN}
                pagination: offset
                offsetParam: start
                limitParam: limit
                pageSize: 2
                totalPath: /paging/total
                recordsPath: /elements
                incrementalParam: lastModifiedUTC
                """.formatted(base));
        connector("academy-catalog", """
                system: academy
                entity: contentItem
                mapping: generic-catalog/content-item.jsonata
                baseUrl: %s/academy
                path: /catalog.json
                recordsPath: /items
                """.formatted(base));
    }

    private static void connector(String id, String parameters) {
        home.write("config/connectors/" + id + ".yaml", "kind: http-pull\nparameters:\n"
                + parameters.indent(2) + "  maxRetries: 0\n");
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        home.register(r);
        r.add("TEST_MOODLE_TOKEN", () -> MOODLE_TOKEN);
        r.add("TEST_SCORM_SECRET", () -> "scorm-secret-0001");
        r.add("TEST_LINKEDIN_SECRET", () -> "linkedin-secret-0001");
        r.add("TEST_COURSERA_TOKEN", () -> "coursera-token-0001");
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

    @SuppressWarnings("unchecked")
    Map<String, Object> sync(String connector, String mode) {
        return http.postForObject("/api/v1/connectors/" + connector + "/runs?wait=true" + (mode == null ? "" : "&mode=" + mode),
                null, Map.class);
    }

    static void serve(String path, String body) {
        vendor.stubFor(get(urlPathEqualTo(path)).willReturn(json(body)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** People of the HRIS: {id, email, employee id, role code, role title}. */
    Map<String, String> people(String[]... people) {
        StringBuilder body = new StringBuilder("{\"people\": [");
        for (int i = 0; i < people.length; i++) {
            String[] p = people[i];
            body.append(i > 0 ? "," : "").append("""
                    {"id": "%s", "email": "%s", "employeeId": "%s", "first": "%s", "last": "Test", "role": "%s", "roleTitle": "%s"}
                    """.formatted(p[0], p[1], p[2], p[0], p[3], p[4]));
        }
        serve("/hr/people", body + "]}");
        sync("hr-people", "full");
        Map<String, String> ids = new java.util.HashMap<>();
        jdbc.query("select l.external_id, l.person_id from identity_link l where l.system = 'hr'",
                rs -> {
                    ids.put(rs.getString(1), rs.getString(2));
                });
        return ids;
    }

    /** A generic catalog of one item per {id, title, isbn, level, skills}. */
    void academy(String[]... items) {
        StringBuilder body = new StringBuilder("{\"items\": [");
        for (int i = 0; i < items.length; i++) {
            String[] it = items[i];
            body.append(i > 0 ? "," : "").append("""
                    {"id": "%s", "provider": "Acme Academy", "title": "%s", "format": "course", "duration": "2 hours",
                     "level": "%s", "language": "en", "skills": "%s", "isbn": "%s"}
                    """.formatted(it[0], it[1], it[3], it[4], it[2]));
        }
        serve("/academy/catalog.json", body + "]}");
        sync("academy-catalog", "full");
    }
}
