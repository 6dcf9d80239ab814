package io.skillbridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.canonical.mapping.MappingService;
import io.skillbridge.skills.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedVendorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final MappingService MAPPINGS = new MappingService(Path.of("mappings"));

    private static StandardEnvironment env;
    private static SimulatedVendors vendors;
    private static String base;

    @BeforeAll
    static void start() {
        env = new StandardEnvironment();
        vendors = new SimulatedVendors(env, TaxonomyLoader.load(Path.of("config/taxonomy")));
        base = env.getProperty("skillbridge.demo.url");
    }

    @AfterAll
    static void stop() {
        vendors.close();
    }

    @Test
    void publishesUrlAndCredentialsFirstInTheEnvironment() {
        assertThat(env.getPropertySources().iterator().next().getName()).isEqualTo(SimulatedVendors.PROPERTY_SOURCE);
        assertThat(base).isEqualTo(vendors.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(env.getProperty("DEMO_WORKDAY_CLIENT_SECRET")).hasSizeGreaterThan(20);
        assertThat(env.getProperty("DEMO_BAMBOOHR_API_KEY")).hasSizeGreaterThan(20);
        assertThat(env.getProperty("DEMO_RAAS_PASSWORD")).hasSizeGreaterThan(20);
    }

    @Test
    void workdayRestNeedsATokenAndPagesWithTotal() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri(SimulatedVendors.WORKDAY_API + "/workers?offset=0&limit=100")))
                .statusCode()).isEqualTo(401);
        assertThat(send(tokenRequest("wrong")).statusCode()).isEqualTo(401);

        HttpResponse<String> tokenResponse = send(tokenRequest(env.getProperty("DEMO_WORKDAY_CLIENT_SECRET")));
        assertThat(tokenResponse.statusCode()).isEqualTo(200);
        JsonNode token = JSON.readTree(tokenResponse.body());
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asInt()).isEqualTo(3600);
        String bearer = "Bearer " + token.path("access_token").asText();

        JsonNode first = getJson(SimulatedVendors.WORKDAY_API + "/workers?offset=0&limit=100", "Authorization",
                bearer);
        JsonNode second = getJson(SimulatedVendors.WORKDAY_API + "/workers?offset=100&limit=100", "Authorization",
                bearer);
        int total = first.path("total").asInt();
        assertThat(total).isEqualTo(vendors.org().people().stream().filter(DemoOrgGenerator.Person::inWorkday)
                .count());
        assertThat(first.path("data")).hasSize(100);
        assertThat(second.path("total").asInt()).isEqualTo(total);
        Set<String> ids = new HashSet<>();
        first.path("data").forEach(w -> ids.add(w.path("workerId").asText()));
        second.path("data").forEach(w -> ids.add(w.path("workerId").asText()));
        assertThat(ids).hasSize(200);
        JsonNode last = getJson(SimulatedVendors.WORKDAY_API + "/workers?offset=" + (total - 3) + "&limit=100",
                "Authorization", bearer);
        assertThat(last.path("data")).hasSize(3);

        JsonNode worker = MAPPINGS.map("workday/rest-worker.jsonata", second.path("data").get(0));
        assertWorker(worker);
        assertThat(worker.path("externalId").asText()).matches("2[0-9]{4}");
        assertThat(worker.path("managerExternalId").asText()).matches("2[0-9]{4}");

        JsonNode profiles = getJson(SimulatedVendors.WORKDAY_API + "/jobProfiles?offset=0&limit=100",
                "Authorization", bearer);
        JsonNode role = MAPPINGS.map("workday/job-profile.jsonata", profiles.path("data").get(0));
        assertThat(role.path("externalId").asText()).startsWith("JP-");
        assertThat(role.path("family").asText()).isNotBlank();
        assertThat(role.path("level").asText()).isNotBlank();
        assertThat(role.path("active").asBoolean()).isTrue();

        JsonNode orgs = getJson(SimulatedVendors.WORKDAY_API + "/supervisoryOrganizations?offset=0&limit=100",
                "Authorization", bearer);
        assertThat(orgs.path("total").asInt()).isEqualTo(vendors.org().orgUnits().size());
        JsonNode unit = MAPPINGS.map("workday/org-unit.jsonata", orgs.path("data").get(1));
        assertThat(unit.path("externalId").asText()).hasSize(32);
        assertThat(unit.path("name").asText()).doesNotContain("(");
        assertThat(unit.path("parentExternalId").asText()).hasSize(32);
    }

    @Test
    void workdayRaasNeedsTheIsuPassword() throws Exception {
        String path = SimulatedVendors.WORKDAY_RAAS + "?format=json";
        assertThat(send(HttpRequest.newBuilder(uri(path)).header("Authorization",
                basic(SimulatedVendors.RAAS_USER, "guess"))).statusCode()).isEqualTo(401);
        JsonNode report = getJson(path, "Authorization",
                basic(SimulatedVendors.RAAS_USER, env.getProperty("DEMO_RAAS_PASSWORD")));
        JsonNode entries = report.path("Report_Entry");
        assertThat(entries.size()).isGreaterThan(1500);
        JsonNode terminated = null;
        for (JsonNode e : entries) {
            if (e.path("Worker_Status").asText().equals("Terminated")) {
                terminated = e;
                break;
            }
        }
        assertThat(terminated).isNotNull();
        JsonNode worker = MAPPINGS.map("workday/raas-worker.jsonata", terminated);
        assertWorker(worker);
        assertThat(worker.path("status").asText()).isEqualTo("terminated");
        assertThat(worker.path("terminationDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(worker.path("role").path("family").asText()).isNotBlank();
        assertThat(worker.path("highPotential").asText()).isIn("0", "1");
    }

    @Test
    void workdaySkillsReportRatesTalentProfileSkillsTheTaxonomyKnows() throws Exception {
        JsonNode entries = getJson(SimulatedVendors.WORKDAY_SKILLS + "?format=json", "Authorization",
                basic(SimulatedVendors.RAAS_USER, env.getProperty("DEMO_RAAS_PASSWORD"))).path("Report_Entry");
        var taxonomy = TaxonomyLoader.load(Path.of("config/taxonomy"));

        assertThat(entries.size()).isGreaterThan(10_000);
        for (JsonNode e : entries) {
            JsonNode evidence = MAPPINGS.map("workday/raas-worker-skill.jsonata", e);
            assertThat(taxonomy.resolve(evidence.path("skills").get(0).path("skill").asText())).as(e.toString()).isPresent();
            assertThat(evidence.path("skills").get(0).path("level").asText())
                    .isIn("Novice", "Developing", "Proficient", "Advanced", "Expert");
        }
    }

    @Test
    void bamboohrNeedsTheApiKeyAsUserName() throws Exception {
        String key = env.getProperty("DEMO_BAMBOOHR_API_KEY");
        String directoryPath = SimulatedVendors.BAMBOOHR_API + "/employees/directory";
        assertThat(send(HttpRequest.newBuilder(uri(directoryPath)).header("Authorization", basic("nope", "x")))
                .statusCode()).isEqualTo(401);

        JsonNode directory = getJson(directoryPath, "Authorization", basic(key, "anything"));
        assertThat(directory.path("employees").size()).isBetween(350, 520);
        JsonNode worker = MAPPINGS.map("bamboohr/directory-employee.jsonata", directory.path("employees").get(0));
        assertWorker(worker);

        JsonNode changed = getJson(SimulatedVendors.BAMBOOHR_API + "/employees/changed?since="
                + URLEncoder.encode(OffsetDateTime.now().minusDays(30).toString(), StandardCharsets.UTF_8),
                "Authorization", basic(key, "x"));
        assertThat(changed.path("latest").asText()).isNotBlank();
        assertThat(changed.path("employees").size()).isBetween(3, 10);
        boolean sawDelete = false;
        for (JsonNode summary : changed.path("employees")) {
            HttpResponse<String> detail = send(HttpRequest.newBuilder(uri(SimulatedVendors.BAMBOOHR_API
                    + "/employees/" + summary.path("id").asText() + "?fields="
                    + String.join(",", DemoPayloads.BAMBOOHR_DETAIL_FIELDS))).header("Authorization", basic(key, "x")));
            var record = JSON.createObjectNode();
            record.set("summary", summary);
            record.set("detail", detail.statusCode() == 200 ? JSON.readTree(detail.body()) : null);
            JsonNode mapped = MAPPINGS.map("bamboohr/changed-employee.jsonata", record);
            if (summary.path("action").asText().equals("Deleted")) {
                assertThat(detail.statusCode()).isEqualTo(404);
                assertThat(mapped.path("deleted").asBoolean()).isTrue();
                sawDelete = true;
            } else {
                assertWorker(mapped);
                assertThat(mapped.path("employeeId").asText()).isNotBlank();
            }
        }
        assertThat(sawDelete).isTrue();
        JsonNode none = getJson(SimulatedVendors.BAMBOOHR_API + "/employees/changed?since="
                + URLEncoder.encode(changed.path("latest").asText(), StandardCharsets.UTF_8),
                "Authorization", basic(key, "x"));
        assertThat(none.path("employees").size()).isZero();

        HttpResponse<String> report = send(HttpRequest.newBuilder(uri(SimulatedVendors.BAMBOOHR_API
                        + "/reports/custom?format=JSON")).header("Authorization", basic(key, "x"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fields\":[\"employeeNumber\",\"jobInfo\"]}")));
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode employees = JSON.readTree(report.body()).path("employees");
        assertThat(employees.size()).isBetween(450, 550);
        JsonNode withHistory = null;
        for (JsonNode e : employees) {
            if (e.path("jobInfo").size() > 1) {
                withHistory = e;
                break;
            }
        }
        assertThat(withHistory).isNotNull();
        JsonNode mapped = MAPPINGS.map("bamboohr/custom-report-employee.jsonata", withHistory);
        assertWorker(mapped);
        assertThat(mapped.path("history").size()).isEqualTo(withHistory.path("jobInfo").size() - 1);
        assertThat(mapped.path("effectiveDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static void assertWorker(JsonNode worker) {
        assertThat(worker.path("externalId").asText()).isNotBlank();
        assertThat(worker.path("status").asText()).isIn("active", "leave", "terminated");
        assertThat(worker.path("workEmail").asText().trim().toLowerCase()).endsWith("@acme.example");
        assertThat(worker.path("role").path("externalId").asText()).isNotBlank();
        assertThat(worker.path("orgUnit").path("externalId").asText()).isNotBlank();
    }

    private static HttpRequest.Builder tokenRequest(String secret) {
        String form = "grant_type=client_credentials&client_id=" + SimulatedVendors.WORKDAY_CLIENT_ID
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri(SimulatedVendors.WORKDAY_TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static JsonNode getJson(String path, String header, String value) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header(header, value));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(base + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
