package io.skillbridge.connector;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skillbridge.HubHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "PeopleHub", an HRIS whose payload shape no shipped mapping knows (nested names, a cursor in the body, an API
 * key header), added the way an integration engineer adds one: one connector file and one mapping file, no Java.
 * Through it the whole pipeline is exercised end to end: full sync, idempotent replay, incremental sync,
 * reconciliation, dead letters and their replay, failure without half-written pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:peoplehub;DB_CLOSE_DELAY=-1")
class PeopleHubSyncIT {

    static final WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final HubHome home = new HubHome();

    static final String MAPPING = """
            (
              $status := $lowercase(employment.state);
              {
                "externalId": uid,
                "employeeId": employment.number,
                "workEmail": contact.emails[type = "work"].address,
                "givenName": person.name.first,
                "familyName": person.name.last,
                "status": $status = "ended" ? "terminated" : $status,
                "deleted": $status = "purged",
                "hireDate": employment.started,
                "terminationDate": employment.ended,
                "managerExternalId": employment.reportsTo,
                "role": employment.position ? { "externalId": employment.position.code, "title": employment.position.name },
                "orgUnit": employment.team ? { "externalId": employment.team.code, "name": employment.team.name },
                "updatedAt": modifiedAt
              }
            )
            """;

    static {
        // stays up for the subclass that runs the same scenarios on PostgreSQL; the JVM's exit stops it
        vendor.start();
        home.write("mappings/peoplehub/person.jsonata", MAPPING);
        home.write("config/connectors/peoplehub-people.yaml", """
                # PeopleHub people, cursor paging, API key
                kind: http-pull
                description: PeopleHub HRIS
                parameters:
                  system: peoplehub
                  mapping: peoplehub/person.jsonata
                  baseUrl: http://127.0.0.1:%d/api
                  path: /people
                  authType: api-key
                  apiKeyHeader: X-PH-Key
                  apiKey: ${PEOPLEHUB_KEY}
                  pagination: cursor
                  pageSize: 2
                  limitParam: size
                  recordsPath: /results
                  cursorParam: after
                  cursorPath: /paging/next
                  recordIdField: uid
                  incrementalParam: modifiedSince
                  maxRetries: 1
                  retryBackoffMs: 10
                """.formatted(vendor.port()));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("skillbridge.home", () -> home.root().toString());
        r.add("skillbridge.demo.enabled", () -> "false");
        r.add("skillbridge.scheduling.enabled", () -> "false");
        r.add("skillbridge.http.allow-private-networks", () -> "true");
        r.add("PEOPLEHUB_KEY", () -> "ph-secret-key-123");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        vendor.resetAll();
        for (String t : List.of("employment", "identity_link", "identity_conflict", "person", "job_role", "org_unit",
                "dead_letter", "raw_record", "connector_checkpoint", "sync_run")) {
            jdbc.update("delete from " + t);
        }
    }

    static String person(String uid, String first, String email, String state, String reportsTo, String position) {
        return """
                {"uid": "%s", "person": {"name": {"first": "%s", "last": "Test"}},
                 "contact": {"emails": [{"type": "home", "address": "x@home.example"}, {"type": "work", "address": "%s"}]},
                 "employment": {"number": "E-%s", "state": "%s", "started": "2020-01-06T00:00:00-08:00", "ended": "",
                   "reportsTo": %s, "position": {"code": "%s", "name": "Position %s"}, "team": {"code": "T1", "name": "Team One"}},
                 "modifiedAt": "2026-11-01T10:00:00Z", "someFieldNobodyKnows": {"deep": [1, 2]}}
                """.formatted(uid, first, email, uid, state, reportsTo == null ? "null" : "\"" + reportsTo + "\"", position, position);
    }

    /** Serves the records in pages of two, chained by cursor; the incremental parameter selects another set. */
    static void serve(List<String> records, String modifiedSince, List<String> changes) {
        stubPages(records, null);
        if (modifiedSince != null) {
            stubPages(changes, modifiedSince);
        }
    }

    private static void stubPages(List<String> records, String modifiedSince) {
        int pages = Math.max(1, (records.size() + 1) / 2);
        for (int p = 0; p < pages; p++) {
            List<String> slice = records.subList(Math.min(records.size(), p * 2), Math.min(records.size(), p * 2 + 2));
            String next = p + 1 < pages ? "\"c" + (p + 1) + "\"" : "null";
            var request = get(urlPathEqualTo("/api/people")).withHeader("X-PH-Key", equalTo("ph-secret-key-123"))
                    .withQueryParam("after", p == 0 ? absent() : equalTo("c" + p))
                    .withQueryParam("modifiedSince", modifiedSince == null ? absent() : equalTo(modifiedSince));
            vendor.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"results\": [" + String.join(",", slice) + "], \"paging\": {\"next\": " + next + "}}")));
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> sync(String mode) {
        String url = "/api/v1/connectors/peoplehub-people/runs?wait=true" + (mode == null ? "" : "&mode=" + mode);
        return http.postForObject(url, null, Map.class);
    }

    static List<String> org() {
        List<String> people = new ArrayList<>();
        people.add(person("u1", "Ada", "Ada.Boss@Corp.example", "Active", null, "CEO"));
        people.add(person("u2", "Bob", "bob@corp.example", "Active", "u1", "ENG"));
        people.add(person("u3", "Cy", "cy@corp.example", "Active", "u2", "ENG"));
        people.add(person("u4", "Di", "di@corp.example", "Ended", "u2", "ENG"));
        people.add(person("u5", "Ed", "ed@corp.example", "Active", "u9", "ENG"));
        return people;
    }

    @Test
    void aFullSyncLandsEveryPersonWithManagerRoleAndHistory() {
        serve(org(), null, null);

        Map<String, Object> run = sync(null);

        assertThat(run).containsEntry("status", "partial").containsEntry("read", 5).containsEntry("created", 5);
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(5);
        Map<String, Object> cy = jdbc.queryForMap("select p.*, m.given_name as manager_name from person p"
                + " join person m on m.id = p.manager_id where p.employee_id = 'E-u3'");
        assertThat(cy).containsEntry("MANAGER_NAME", "Bob").containsEntry("WORK_EMAIL", "cy@corp.example")
                .containsEntry("ROLE_ID", "peoplehub:ENG").containsEntry("STATUS", "active");
        assertThat(jdbc.queryForObject("select status from person where employee_id = 'E-u4'", String.class)).isEqualTo("terminated");
        assertThat(jdbc.queryForObject("select count(*) from employment", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select cast(start_date as varchar) from employment e join person p on p.id = e.person_id"
                + " where p.employee_id = 'E-u1'", String.class)).isEqualTo("2020-01-06");
        // u5 names a manager that never arrives: kept, without a manager, and the reference goes to dead letters
        assertThat(jdbc.queryForObject("select manager_id from person where employee_id = 'E-u5'", String.class)).isNull();
        assertThat(jdbc.queryForObject("select reason from dead_letter where record_ref = 'u5'", String.class))
                .contains("names manager u9", "not a known peoplehub worker");
        vendor.verify(3, getRequestedFor(urlPathEqualTo("/api/people")).withHeader("X-PH-Key", equalTo("ph-secret-key-123")));
    }

    @Test
    void theSameSyncTwiceChangesNothing() {
        serve(org(), null, null);
        sync(null);
        String before = snapshot();

        Map<String, Object> second = sync("full");

        assertThat(second).containsEntry("unchanged", 5).containsEntry("created", 0).containsEntry("updated", 0);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Integer.class)).isEqualTo(1);
    }

    @Test
    void theSecondRunFetchesOnlyChangesSinceTheFirst() {
        serve(org(), null, null);
        sync(null);
        String cursor = jdbc.queryForObject("select cursor_value from connector_checkpoint", String.class);
        serve(org(), cursor, List.of(person("u3", "Cyrus", "cy@corp.example", "Active", "u1", "LEAD")));

        Map<String, Object> second = sync(null);

        assertThat(second).containsEntry("read", 1).containsEntry("updated", 1);
        vendor.verify(getRequestedFor(urlPathEqualTo("/api/people")).withQueryParam("modifiedSince", equalTo(cursor)));
        Map<String, Object> cy = jdbc.queryForMap("select * from person where employee_id = 'E-u3'");
        assertThat(cy).containsEntry("GIVEN_NAME", "Cyrus").containsEntry("ROLE_ID", "peoplehub:LEAD");
        assertThat(jdbc.queryForObject("select count(*) from employment e join person p on p.id = e.person_id"
                + " where p.employee_id = 'E-u3'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aWorkerMissingFromAFullSnapshotBecomesInactiveButIsKept() {
        serve(org(), null, null);
        sync(null);
        vendor.resetAll();
        serve(org().subList(0, 4), null, null);

        Map<String, Object> second = sync("full");

        assertThat(second).containsEntry("deactivated", 1);
        assertThat(jdbc.queryForObject("select status from person where employee_id = 'E-u5'", String.class)).isEqualTo("inactive");
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(5);
    }

    @Test
    void aMalformedRecordGoesToDeadLettersWhileTheRestOfItsPageLands() {
        List<String> people = org().subList(0, 3);
        people = new ArrayList<>(people);
        people.add(person("u6", "Fay", "not-an-email", "Active", "u1", "ENG"));
        serve(people, null, null);

        Map<String, Object> run = sync(null);

        assertThat(run).containsEntry("status", "partial").containsEntry("created", 3).containsEntry("failed", 1);
        Map<String, Object> letter = jdbc.queryForMap("select * from dead_letter where record_ref = 'u6'");
        assertThat(letter.get("REASON").toString()).contains("workEmail", "not-an-email");
        assertThat(letter.get("PAYLOAD").toString()).contains("\"uid\":\"u6\"");
        assertThat(letter).containsEntry("STAGE", "validation");
    }

    @Test
    void aDeadLetterReplaysOnceTheMappingIsFixed() throws Exception {
        serve(List.of(person("u1", "Ada", "ada@corp.example", "Active", null, "CEO"),
                person("u7", "Gil", "gil@corp.example", "Probation", "u1", "ENG")), null, null);
        sync(null);
        Map<String, Object> letter = jdbc.queryForMap("select id, reason from dead_letter where record_ref = 'u7'");
        assertThat(letter.get("REASON").toString()).contains("status", "probation");

        String fixed = MAPPING.replace("$status = \"ended\" ? \"terminated\" : $status",
                "$status = \"ended\" ? \"terminated\" : $status = \"probation\" ? \"active\" : $status");
        assertThat(fixed).isNotEqualTo(MAPPING);
        Path mappingFile = home.root().resolve("mappings/peoplehub/person.jsonata");
        try {
            Files.writeString(mappingFile, fixed);
            Files.setLastModifiedTime(mappingFile, FileTime.fromMillis(System.currentTimeMillis() + 5000));
            Thread.sleep(1100);
            @SuppressWarnings("unchecked")
            Map<String, Object> replay = http.postForObject("/api/v1/dead-letters/" + letter.get("ID") + "/replay", null, Map.class);

            assertThat(replay).containsEntry("replayed", true);
            assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, letter.get("ID"))).isEqualTo("replayed");
            Map<String, Object> gil = jdbc.queryForMap("select p.status, m.given_name as manager from person p"
                    + " join person m on m.id = p.manager_id where p.employee_id = 'E-u7'");
            assertThat(gil).containsEntry("STATUS", "active").containsEntry("MANAGER", "Ada");
            @SuppressWarnings("unchecked")
            Map<String, Object> again = http.postForObject("/api/v1/dead-letters/" + letter.get("ID") + "/replay", null, Map.class);
            assertThat(again.get("message").toString()).contains("already replayed");
        } finally {
            Files.writeString(mappingFile, MAPPING);
            Files.setLastModifiedTime(mappingFile, FileTime.fromMillis(System.currentTimeMillis() + 10000));
        }
    }

    @Test
    void aManagerCycleIsRefusedIntoDeadLettersAndTheRestOfTheTreeStands() {
        serve(List.of(person("u1", "Ada", "ada@corp.example", "Active", null, "CEO"),
                person("u2", "Bob", "bob@corp.example", "Active", "u3", "ENG"),
                person("u3", "Cy", "cy@corp.example", "Active", "u2", "ENG")), null, null);

        sync(null);

        List<String> managers = jdbc.queryForList("select manager_id from person where employee_id in ('E-u2', 'E-u3')"
                + " order by employee_id", String.class);
        assertThat(managers).as("one of the two links is refused, the other stands").containsOnlyOnce((String) null);
        assertThat(jdbc.queryForObject("select count(*) from dead_letter where reason like '%would close a manager cycle%'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aPreHireIsNotActiveBeforeTheirStartDate() {
        serve(List.of(person("u1", "Ada", "ada@corp.example", "Active", null, "CEO"),
                person("u2", "Bob", "bob@corp.example", "Active", "u1", "ENG").replace("2020-01-06T00:00:00-08:00", "2099-01-05")),
                null, null);
        sync(null);
        String bob = jdbc.queryForObject("select id from person where employee_id = 'E-u2'", String.class);

        assertThat(http.getForObject("/api/v1/persons/" + bob, Map.class)).containsEntry("status", "pre-hire");
        assertThat(http.getForObject("/api/v1/persons?status=active", Map.class)).containsEntry("total", 1);
        assertThat(http.getForObject("/api/v1/persons?status=pre-hire", Map.class)).containsEntry("total", 1);
    }

    @Test
    void aDeletedWorkerIsDeactivatedButKept() {
        serve(org().subList(0, 2), null, null);
        sync(null);
        vendor.resetAll();
        serve(List.of(org().get(0), person("u2", "Bob", "bob@corp.example", "Purged", "u1", "ENG")), null, null);

        Map<String, Object> run = sync("full");

        assertThat(run).containsEntry("deactivated", 1);
        assertThat(jdbc.queryForMap("select p.status, l.active from person p join identity_link l on l.person_id = p.id"
                + " where p.employee_id = 'E-u2'")).containsEntry("STATUS", "deleted").containsEntry("ACTIVE", false);
    }

    @Test
    void anAmbiguousMatchWaitsInTheReviewListInsteadOfMerging() {
        serve(List.of(person("u1", "Ada", "ada@corp.example", "Active", null, "CEO"),
                person("u9", "Ada", "ADA@corp.example", "Active", null, "CEO")), null, null);

        Map<String, Object> run = sync(null);

        assertThat(run).containsEntry("created", 1).containsEntry("failed", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> conflicts = http.getForObject("/api/v1/identity/conflicts", Map.class);
        assertThat(conflicts).containsEntry("total", 1);
        assertThat(conflicts.get("items").toString()).contains("externalId=u9", "already has peoplehub record u1");
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(1);
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        assertThat(http.getForObject("/api/v1/openapi.json", String.class))
                .contains("\"openapi\"", "/api/v1/persons/{id}", "/api/v1/dead-letters/{id}/replay");
    }

    @Test
    void unknownIdsAndBadParametersGetJsonErrorsNamingThem() {
        assertThat(http.getForEntity("/api/v1/persons/nobody", Map.class).getBody())
                .containsEntry("status", 404).containsEntry("message", "person 'nobody' does not exist");
        assertThat(http.getForEntity("/api/v1/persons?size=0", Map.class).getBody())
                .containsEntry("status", 400).containsEntry("field", "size");
        assertThat(http.postForEntity("/api/v1/connectors/peoplehub-people/runs?mode=sideways", null, Map.class).getBody())
                .containsEntry("status", 400).containsEntry("field", "mode");
    }

    @Test
    void aServerThatKeepsFailingFailsTheRunWithoutHalfWrittenPages() {
        serve(org(), null, null);
        vendor.stubFor(get(urlPathEqualTo("/api/people")).withQueryParam("after", equalTo("c1"))
                .willReturn(aResponse().withStatus(502)));

        Map<String, Object> run = sync(null);

        assertThat(run).containsEntry("status", "failed");
        assertThat(run.get("lastError").toString()).contains("502").doesNotContain("ph-secret-key-123");
        // the first page was committed whole with its checkpoint; nothing of the failing page exists
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from connector_checkpoint where run_id is not null", Integer.class)).isZero();
    }

    private String snapshot() {
        return jdbc.queryForList("select id, status, given_name, family_name, work_email, manager_id, role_id, org_unit_id,"
                + " hire_date, termination_date, updated_at from person order by id").toString()
                + jdbc.queryForList("select person_id, role_id, start_date, end_date from employment order by person_id, start_date");
    }
}
