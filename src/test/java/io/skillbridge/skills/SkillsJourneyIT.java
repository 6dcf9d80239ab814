package io.skillbridge.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.skillbridge.HubHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The skills engine through the HTTP API, fed the way a customer feeds it: an HRIS and a skills-assessment vendor,
 * each added by a connector file and a mapping file. HRIS sync, then evidence, then the explained profile, the gap
 * to a role, the adjacent roles and a talent search; then the vendor retracts a result and the evidence is
 * withdrawn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:skillsjourney;DB_CLOSE_DELAY=-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkillsJourneyIT {

    static final WireMockServer vendors = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final HubHome home = new HubHome();
    /** Evidence observed today has not decayed yet: levels are the assessed ones. */
    static final java.time.LocalDate TODAY = java.time.LocalDate.now(java.time.ZoneOffset.UTC);

    static {
        vendors.start();
        home.write("mappings/acme/worker.jsonata", """
                {
                  "externalId": id, "workEmail": email, "givenName": first, "familyName": last,
                  "status": status, "hireDate": hired, "location": site,
                  "role": { "externalId": job.code, "title": job.title },
                  "orgUnit": { "externalId": team.code, "name": team.name }
                }
                """);
        home.write("config/connectors/acme-hr.yaml", """
                kind: http-pull
                description: Acme's HRIS
                parameters:
                  system: acme
                  mapping: acme/worker.jsonata
                  baseUrl: http://127.0.0.1:%d
                  path: /workers
                  recordsPath: /workers
                  recordIdField: id
                """.formatted(vendors.port()));
        home.write("mappings/skillcheck/assessment.jsonata", """
                {
                  "externalId": id,
                  "person": { "workEmail": candidate.email },
                  "kind": type,
                  "scale": "percent",
                  "observedAt": completedOn,
                  "deleted": status = "retracted",
                  "skills": [results.{ "skill": competency, "level": $string(score) }]
                }
                """);
        home.write("config/connectors/skillcheck-assessments.yaml", """
                kind: http-pull
                description: SkillCheck, a skills-assessment vendor
                parameters:
                  system: skillcheck
                  entity: skillEvidence
                  mapping: skillcheck/assessment.jsonata
                  baseUrl: http://127.0.0.1:%d
                  path: /assessments
                  recordsPath: /assessments
                  recordIdField: id
                """.formatted(vendors.port()));
    }

    static {
        home.write("mappings/acme/job-profile.jsonata", """
                {
                  "externalId": code, "title": name,
                  "requirements": [skills.{ "skill": name, "level": proficiency, "scale": "workday-skill-rating",
                                            "importance": weight }]
                }
                """);
        home.write("config/connectors/acme-job-profiles.yaml", """
                kind: http-pull
                description: Acme's job profiles, with the skills each requires
                parameters:
                  system: acme
                  entity: role
                  mapping: acme/job-profile.jsonata
                  baseUrl: http://127.0.0.1:%d
                  path: /job-profiles
                  recordsPath: /profiles
                  recordIdField: code
                """.formatted(vendors.port()));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("skillbridge.home", () -> home.root().toString());
        r.add("skillbridge.demo.enabled", () -> "false");
        r.add("skillbridge.scheduling.enabled", () -> "false");
        r.add("skillbridge.http.allow-private-networks", () -> "true");
    }

    @AfterAll
    static void stop() {
        vendors.stop();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    static String worker(String id, String first, String status, String code, String title, String team, String site) {
        return """
                {"id": "%s", "email": "%s@acme.example", "first": "%s", "last": "Doe", "status": "%s",
                 "hired": "2021-04-01", "site": "%s", "job": {"code": "%s", "title": "%s"},
                 "team": {"code": "%s", "name": "%s"}}""".formatted(id, first.toLowerCase(), first, status, site, code,
                title, team, team);
    }

    static String assessment(String id, String who, String type, String status, String... results) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < results.length; i += 2) {
            r.add("{\"competency\": \"%s\", \"score\": %s}".formatted(results[i], results[i + 1]));
        }
        return """
                {"id": "%s", "candidate": {"email": "%s@ACME.example"}, "type": "%s", "status": "%s",
                 "completedOn": "%s", "results": [%s]}""".formatted(id, who, type, status, TODAY, String.join(", ", r));
    }

    @BeforeAll
    static void hris() {
        vendors.stubFor(get(urlPathEqualTo("/workers")).willReturn(okJson("{\"workers\": [" + String.join(",",
                worker("w1", "Ana", "active", "CSR3", "Customer Support Representative III", "support", "Austin"),
                worker("w2", "Ben", "active", "CSM", "Customer Success Manager", "success", "Austin"),
                worker("w3", "Cy", "active", "DA2", "Data Analyst II", "analytics", "Denver"),
                worker("w4", "Dee", "active", "BIA", "BI Analyst", "analytics", "Denver"),
                worker("w5", "Eve", "terminated", "DA2", "Data Analyst II", "analytics", "Denver")) + "]}")));
    }

    private void assessments(String... records) {
        vendors.stubFor(get(urlPathEqualTo("/assessments")).willReturn(okJson("{\"assessments\": ["
                + String.join(",", records) + "]}")));
    }

    private JsonNode run(String connector) {
        ResponseEntity<JsonNode> r = http.postForEntity("/api/v1/connectors/" + connector + "/runs?wait=true", null, JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
        return r.getBody();
    }

    private String personId(String email) {
        return jdbc.queryForObject("select id from person where work_email_norm = ?", String.class, email);
    }

    private JsonNode getJson(String path) {
        ResponseEntity<JsonNode> r = http.getForEntity(path, JsonNode.class);
        assertThat(r.getStatusCode()).as(path + " " + r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private ResponseEntity<JsonNode> search(String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/v1/talent-search", new HttpEntity<>(body, h), JsonNode.class);
    }

    private double level(JsonNode profile, String skill) {
        for (JsonNode s : profile.path("skills")) {
            if (s.path("skill").asText().equals(skill)) {
                return s.path("level").asDouble();
            }
        }
        return 0;
    }

    @Test
    @Order(1)
    void assessmentsBecomeExplainedProfiles() {
        run("acme-hr");
        assessments(
                assessment("as-1", "ana", "assessment", "final", "Customer Service", "95", "customer communication", "92",
                        "Issue Resolution", "91", "Account Management", "55", "Product Knowledge", "80"),
                assessment("as-2", "ana", "self", "final", "Customer Success", "98", "Account Management", "96"),
                assessment("as-3", "cy", "assessment", "final", "SQL", "93", "Data Analysis", "90",
                        "Data Visualization", "78", "Excel", "91"),
                assessment("as-4", "dee", "assessment", "final", "SQL", "80", "Power BI", "95"),
                assessment("as-5", "nobody", "assessment", "final", "SQL", "99"),
                assessment("as-6", "cy", "assessment", "final", "Underwater Basket Weaving", "99"));

        JsonNode result = run("skillcheck-assessments");
        assertThat(result.path("failed").asInt()).isEqualTo(2);
        List<String> letters = jdbc.queryForList("select reason from dead_letter where connector_id = 'skillcheck-assessments'"
                + " order by record_ref", String.class);
        assertThat(letters).anySatisfy(l -> assertThat(l).contains("workEmail 'nobody@ACME.example'"))
                .anySatisfy(l -> assertThat(l).contains("'Underwater Basket Weaving' is not a skill of the taxonomy"));

        String ana = personId("ana@acme.example");
        await().atMost(Duration.ofSeconds(10)).until(() -> level(getJson("/api/v1/persons/" + ana + "/profile"), "customer-service") > 0);
        JsonNode profile = getJson("/api/v1/persons/" + ana + "/profile");
        assertThat(profile.path("taxonomyVersion").asText()).isEqualTo("skillbridge-2026.11");
        assertThat(level(profile, "customer-service")).isEqualTo(4.0);
        // the assessment (verified) outranks Ana's own 96%: account management stays at the assessed level
        assertThat(level(profile, "account-management")).isEqualTo(2.0);
        JsonNode accountManagement = null;
        for (JsonNode s : profile.path("skills")) {
            if (s.path("skill").asText().equals("account-management")) {
                accountManagement = s;
            }
        }
        assertThat(accountManagement.path("evidence")).hasSize(2);
        assertThat(accountManagement.path("evidence").get(0).path("part").asText()).isEqualTo("decides");
        assertThat(accountManagement.path("evidence").get(0).path("rawLevel").asText()).isEqualTo("55");
        assertThat(accountManagement.path("evidence").get(0).path("origin").path("ref").asText()).isEqualTo("as-1");
        assertThat(accountManagement.path("evidence").get(1).path("part").asText()).isEqualTo("outranked");
        // self-declared only: it counts
        assertThat(level(profile, "customer-success")).isEqualTo(4.0);
    }

    @Test
    @Order(2)
    void theGapToARoleNamesEachMissingSkillWithCurrentAndRequiredLevel() {
        String ana = personId("ana@acme.example");
        JsonNode gap = getJson("/api/v1/persons/" + ana + "/gap?role=acme:CSM");

        double coverage = gap.path("coverage").asDouble();
        assertThat(coverage).isBetween(30.0, 90.0);
        assertThat(gap.path("role").path("requirementsFrom").asText()).isEqualTo("config");
        JsonNode onboarding = null;
        for (JsonNode m : gap.path("missing")) {
            if (m.path("skill").asText().equals("customer-onboarding")) {
                onboarding = m;
            }
        }
        assertThat(onboarding).isNotNull();
        assertThat(onboarding.path("currentLevel").asDouble()).isZero();
        assertThat(onboarding.path("requiredLevel").asDouble()).isEqualTo(3.0);
        assertThat(gap.path("met")).anySatisfy(m -> assertThat(m.path("skill").asText()).isEqualTo("customer-service"));
    }

    @Test
    @Order(3)
    void adjacentRolesRankEveryOtherRoleByCoverage() {
        String ana = personId("ana@acme.example");
        JsonNode adjacent = getJson("/api/v1/persons/" + ana + "/adjacent-roles?limit=5");

        assertThat(adjacent.path("currentRole").asText()).isEqualTo("acme:CSR3");
        assertThat(adjacent.path("rolesConsidered").asInt()).isEqualTo(3);
        JsonNode roles = adjacent.path("roles");
        assertThat(roles.get(0).path("id").asText()).isEqualTo("acme:CSM");
        assertThat(roles.get(0).path("coverage").asDouble()).isGreaterThan(roles.get(1).path("coverage").asDouble());
        assertThat(roles.get(0).path("missingCount").asInt()).isPositive();
        assertThat(roles.get(0).path("gapSize").asDouble()).isPositive();

        String cy = personId("cy@acme.example");
        assertThat(getJson("/api/v1/persons/" + cy + "/adjacent-roles?limit=1").path("roles").get(0).path("id").asText())
                .isEqualTo("acme:BIA");
    }

    @Test
    @Order(4)
    void talentSearchRanksPeopleWithTheEvidenceThatMatched() {
        ResponseEntity<JsonNode> r = search("{\"skills\": [{\"skill\": \"sql\", \"minLevel\": 3}]}");

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode items = r.getBody().path("items");
        assertThat(items).extracting(i -> i.path("displayName").asText()).containsExactly("Cy Doe", "Dee Doe");
        assertThat(items.get(0).path("matched").get(0).path("evidence").get(0).path("origin").path("ref").asText())
                .isEqualTo("as-3");
        assertThat(r.getBody().path("total").asInt()).isEqualTo(2);

        JsonNode both = search("{\"skills\": [{\"skill\": \"SQL\", \"minLevel\": 2}, {\"skill\": \"Power BI\", \"minLevel\": 3}],"
                + " \"orgUnit\": \"acme:analytics\", \"location\": \"Denver\"}").getBody();
        assertThat(both.path("items")).extracting(i -> i.path("displayName").asText()).containsExactly("Dee Doe");
    }

    @Test
    @Order(5)
    void unknownIdsAre404AndMalformedSearchesAre400NamingTheField() {
        String ana = personId("ana@acme.example");
        assertThat(http.getForEntity("/api/v1/persons/nobody/profile", JsonNode.class).getBody().path("message").asText())
                .isEqualTo("person 'nobody' does not exist");
        ResponseEntity<JsonNode> role = http.getForEntity("/api/v1/persons/" + ana + "/gap?role=acme:ASTRONAUT", JsonNode.class);
        assertThat(role.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(role.getBody().path("message").asText()).isEqualTo("role 'acme:ASTRONAUT' does not exist");
        assertThat(http.getForEntity("/api/v1/skills/no-such-skill", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> skill = search("{\"skills\": [{\"skill\": \"juggling\"}]}");
        assertThat(skill.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(skill.getBody().path("message").asText()).isEqualTo("skill 'juggling' does not exist");

        assertThat(search("{\"skills\": [{\"skill\": \"sql\", \"minLevel\": 7}]}").getBody().path("field").asText())
                .isEqualTo("skills[0].minLevel");
        assertThat(search("{\"skills\": []}").getBody().path("field").asText()).isEqualTo("skills");
        assertThat(search("{\"skills\": [{\"skill\": \"sql\"}], \"colour\": \"blue\"}").getBody().path("field").asText())
                .isEqualTo("colour");
        assertThat(search("{\"skills\": [{\"skill\": \"sql\"}], \"orgUnit\": \"acme:nowhere\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> broken = search("{\"skills\": [");
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/v1/persons/" + ana + "/adjacent-roles?limit=0", JsonNode.class).getBody()
                .path("field").asText()).isEqualTo("limit");
    }

    @Test
    @Order(6)
    void aRetractedAssessmentWithdrawsItsEvidenceAndTheProfileFollows() {
        String cy = personId("cy@acme.example");
        assessments(
                assessment("as-1", "ana", "assessment", "final", "Customer Service", "95", "customer communication", "92",
                        "Issue Resolution", "91", "Account Management", "55", "Product Knowledge", "80"),
                assessment("as-2", "ana", "self", "final", "Customer Success", "98", "Account Management", "96"),
                assessment("as-3", "cy", "assessment", "retracted"),
                assessment("as-4", "dee", "assessment", "final", "SQL", "80", "Power BI", "95"));
        JsonNode replayAll = run("skillcheck-assessments");
        assertThat(replayAll.path("failed").asInt()).isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> level(getJson("/api/v1/persons/" + cy + "/profile"), "sql") == 0);
        JsonNode profile = getJson("/api/v1/persons/" + cy + "/profile");
        assertThat(profile.path("skills")).isEmpty();
        assertThat(profile.path("withdrawn")).hasSize(4)
                .allSatisfy(w -> assertThat(w.path("withdrawnReason").asText()).isEqualTo("the source deleted the record"));
        assertThat(search("{\"skills\": [{\"skill\": \"sql\", \"minLevel\": 3}]}").getBody().path("items"))
                .extracting(i -> i.path("displayName").asText()).containsExactly("Dee Doe");
        // the same snapshot again changes nothing
        assertThat(run("skillcheck-assessments").path("updated").asInt()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from skill_level_history where person_id = ?", Integer.class, cy))
                .isEqualTo(8);
        // gains date from the assessment, the withdrawal from when the hub learned of it
        assertThat(jdbc.queryForList("select changed_at from skill_level_history where person_id = ? and level > 0",
                java.time.OffsetDateTime.class, cy)).extracting(java.time.OffsetDateTime::toInstant)
                .containsOnly(TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).hasSize(4);
    }

    @Test
    @Order(7)
    void aJobProfileCarriesItsRequirementsUnlessTheRolesFileNamesTheRole() {
        vendors.stubFor(get(urlPathEqualTo("/job-profiles")).willReturn(okJson("""
                {"profiles": [
                  {"code": "SUPENG", "name": "Support Engineer", "skills": [
                    {"name": "SQL", "proficiency": "Proficient", "weight": 4},
                    {"name": "Technical Product Support", "proficiency": "Advanced"}]},
                  {"code": "CSM", "name": "Customer Success Manager", "skills": [
                    {"name": "SQL", "proficiency": "Expert", "weight": 5}]},
                  {"code": "ASTRO", "name": "Astronaut", "skills": [{"name": "Zero-G Welding", "proficiency": "Expert"}]}
                ]}""")));

        JsonNode result = run("acme-job-profiles");

        assertThat(result.path("failed").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select reason from dead_letter where connector_id = 'acme-job-profiles'", String.class))
                .contains("'Zero-G Welding' is not a skill of the taxonomy");
        JsonNode engineer = getJson("/api/v1/roles/acme:SUPENG/requirements");
        assertThat(engineer.path("requirementsFrom").asText()).isEqualTo("connector");
        assertThat(engineer.path("skills")).extracting(r -> r.path("skill").asText() + "@" + r.path("requiredLevel").asDouble()
                + "x" + r.path("importance").asDouble()).containsExactlyInAnyOrder("sql@3.0x4.0", "technical-product-support@4.0x3.0");
        // the roles file names the Customer Success Manager by title: IT's curated list wins over the vendor's
        assertThat(getJson("/api/v1/roles/acme:CSM/requirements").path("requirementsFrom").asText()).isEqualTo("config");
        String cy = personId("cy@acme.example");
        assertThat(getJson("/api/v1/persons/" + cy + "/gap?role=acme:SUPENG").path("requirementCount").asInt()).isEqualTo(2);
    }
}
