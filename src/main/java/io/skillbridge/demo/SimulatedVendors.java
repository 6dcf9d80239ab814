package io.skillbridge.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.skillbridge.skills.taxonomy.Taxonomy;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The demo's Workday and BambooHR tenants, served by an embedded WireMock on 127.0.0.1 so that the shipped connector
 * files run end to end without any vendor account.
 *
 * <p>Credentials are generated per start and published, with the server's URL, in the property source
 * {@code skillbridge-demo} (first in the environment): connector files reference them as {@code ${NAME}} and never
 * hold a secret, and the stubs refuse requests without them, so the demo exercises the connectors' auth for real.
 */
@Component
@ConditionalOnProperty(name = "skillbridge.demo.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatedVendors implements AutoCloseable {

    public static final String PROPERTY_SOURCE = "skillbridge-demo";
    public static final String WORKDAY_CLIENT_ID = "skillbridge-demo";
    public static final String RAAS_USER = "ISU_Skillbridge";

    static final String WORKDAY_TOKEN = "/workday/ccx/oauth2/acme/token";
    static final String WORKDAY_API = "/workday/ccx/api/v1/acme";
    static final String WORKDAY_RAAS = "/workday/ccx/service/customreport2/acme/ISU_Skillbridge/Skillbridge_Workers";
    static final String WORKDAY_SKILLS = "/workday/ccx/service/customreport2/acme/ISU_Skillbridge/Skillbridge_Worker_Skills";
    static final String BAMBOOHR_API = "/bamboohr/api/gateway.php/acme/v1";

    /** Workday REST documents limit as at most 100, default 20. */
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(SimulatedVendors.class);

    private final WireMockServer server;
    private final DemoOrgGenerator.DemoOrg org;
    private final String clientSecret = DemoSecrets.generate();
    private final String accessToken = DemoSecrets.generate();
    private final String bamboohrApiKey = DemoSecrets.generate();
    private final String raasPassword = DemoSecrets.generate();

    public SimulatedVendors(ConfigurableEnvironment environment, Taxonomy taxonomy) {
        long started = System.nanoTime();
        org = new DemoOrgGenerator(DemoOrgGenerator.DEFAULT_SEED, LocalDate.now(ZoneOffset.UTC)).generate();
        DemoPayloads payloads = new DemoPayloads(org);
        Responses responses = new Responses(Map.of(
                "workers", request -> page(payloads.workdayWorkers, request),
                "jobProfiles", request -> page(payloads.workdayJobProfiles, request),
                "supervisoryOrganizations", request -> page(payloads.workdaySupervisoryOrganizations, request),
                "bamboohrDetail", request -> bamboohrDetail(payloads, request),
                "bamboohrChanged", request -> bamboohrChanged(payloads, request)));
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                // A demo left running for weeks must not grow a journal of every request it ever served.
                .disableRequestJournal()
                .templatingEnabled(false)
                .extensions(responses));
        server.start();
        stubs(payloads);
        Path home = Path.of(environment.getProperty("skillbridge.home", "."));
        server.stubFor(get(urlPathEqualTo(WORKDAY_SKILLS)).atPriority(1)
                .withBasicAuth(RAAS_USER, raasPassword)
                .willReturn(okJson(new DemoSkills(org, home.resolve("config/roles/requirements.yaml"), taxonomy)
                        .report(new com.fasterxml.jackson.databind.ObjectMapper()))));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "skillbridge.demo.url", baseUrl(),
                "DEMO_WORKDAY_CLIENT_SECRET", clientSecret,
                "DEMO_BAMBOOHR_API_KEY", bamboohrApiKey,
                "DEMO_RAAS_PASSWORD", raasPassword)));
        log.info("Simulated Workday and BambooHR tenants at {} ({} people) started in {} ms", baseUrl(),
                org.people().size(), (System.nanoTime() - started) / 1_000_000);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The company the simulated tenants serve. */
    public DemoOrgGenerator.DemoOrg org() {
        return org;
    }

    @PreDestroy
    @Override
    public void close() {
        server.stop();
    }

    private void stubs(DemoPayloads payloads) {
        // OAuth2 client credentials, with the client authenticating in the form body or by HTTP Basic (RFC 6749 2.3.1).
        String token = "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
        server.stubFor(post(urlPathEqualTo(WORKDAY_TOKEN)).atPriority(1)
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo(WORKDAY_CLIENT_ID))
                .withFormParam("client_secret", equalTo(clientSecret))
                .willReturn(okJson(token)));
        server.stubFor(post(urlPathEqualTo(WORKDAY_TOKEN)).atPriority(1)
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withBasicAuth(WORKDAY_CLIENT_ID, clientSecret)
                .willReturn(okJson(token)));
        server.stubFor(post(urlPathEqualTo(WORKDAY_TOKEN)).atPriority(5)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}")));

        for (String resource : List.of("workers", "jobProfiles", "supervisoryOrganizations")) {
            server.stubFor(get(urlPathEqualTo(WORKDAY_API + "/" + resource)).atPriority(1)
                    .withHeader("Authorization", equalTo("Bearer " + accessToken))
                    .willReturn(handledBy(resource)));
        }
        server.stubFor(get(urlPathEqualTo(WORKDAY_RAAS)).atPriority(1)
                .withQueryParam("format", equalTo("json"))
                .withBasicAuth(RAAS_USER, raasPassword)
                .willReturn(okJson(payloads.raasReport)));

        server.stubFor(bamboohr(get(urlPathEqualTo(BAMBOOHR_API + "/employees/directory")))
                .willReturn(okJson(payloads.bamboohrDirectory)));
        server.stubFor(bamboohr(get(urlPathEqualTo(BAMBOOHR_API + "/employees/changed")))
                .withQueryParam("since", matching(".+"))
                .willReturn(handledBy("bamboohrChanged")));
        server.stubFor(bamboohr(get(urlPathMatching(BAMBOOHR_API + "/employees/[0-9]+")))
                .withQueryParam("fields", matching(".+"))
                .willReturn(handledBy("bamboohrDetail")));
        server.stubFor(bamboohr(post(urlPathEqualTo(BAMBOOHR_API + "/reports/custom")))
                .withQueryParam("format", equalTo("JSON"))
                .withRequestBody(matchingJsonPath("$.fields"))
                .willReturn(okJson(payloads.bamboohrCustomReport)));

        // Anything else under a vendor prefix: what the vendor answers a caller without valid credentials.
        for (String prefix : List.of("/workday/.*", "/bamboohr/.*")) {
            server.stubFor(any(urlPathMatching(prefix)).atPriority(10)
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":\"unauthorized\"}")));
        }
    }

    /** BambooHR: HTTP Basic with the API key as user name and any password. */
    private MappingBuilder bamboohr(MappingBuilder stub) {
        String expectedUser = bamboohrApiKey;
        return stub.atPriority(1).andMatching(request -> MatchResult.of(expectedUser.equals(basicUser(request))));
    }

    private static String basicUser(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseDefinitionBuilder handledBy(String handler) {
        return aResponse().withTransformers(Responses.NAME).withTransformerParameter("handler", handler);
    }

    /** One Workday REST page: {@code offset}/{@code limit} over pre-rendered records, with {@code total}. */
    private static ResponseDefinition page(List<String> records, Request request) {
        int offset = intParam(request, "offset", 0);
        int limit = Math.min(MAX_LIMIT, intParam(request, "limit", DEFAULT_LIMIT));
        if (offset < 0 || limit < 1) {
            return json(400, "{\"error\":\"offset must be >= 0 and limit between 1 and " + MAX_LIMIT + "\"}");
        }
        StringBuilder body = new StringBuilder(64 + limit * 900)
                .append("{\"total\":").append(records.size()).append(",\"data\":[");
        for (int i = offset; i < Math.min(records.size(), offset + limit); i++) {
            body.append(i > offset ? "," : "").append(records.get(i));
        }
        return json(200, body.append("]}").toString());
    }

    private static ResponseDefinition bamboohrDetail(DemoPayloads payloads, Request request) {
        String path = request.getUrl().split("\\?")[0];
        String body = payloads.bamboohrDetails.get(path.substring(path.lastIndexOf('/') + 1));
        return body == null ? json(404, "{\"error\":\"Employee not found\"}") : json(200, body);
    }

    /** The changes after {@code since}; {@code latest} is the newest change, the cursor for the next call. */
    private static ResponseDefinition bamboohrChanged(DemoPayloads payloads, Request request) {
        OffsetDateTime since;
        try {
            since = OffsetDateTime.parse(request.queryParameter("since").firstValue());
        } catch (RuntimeException e) {
            return json(400, "{\"error\":\"since must be an ISO 8601 date-time\"}");
        }
        StringBuilder employees = new StringBuilder();
        String latest = since.toString();
        for (String[] change : payloads.bamboohrChanges) {
            OffsetDateTime at = OffsetDateTime.parse(change[2]);
            if (at.isAfter(since)) {
                employees.append(employees.isEmpty() ? "" : ",").append('"').append(change[0]).append("\":{\"id\":\"")
                        .append(change[0]).append("\",\"action\":\"").append(change[1])
                        .append("\",\"lastChanged\":\"").append(change[2]).append("\"}");
                latest = at.isAfter(OffsetDateTime.parse(latest)) ? change[2] : latest;
            }
        }
        return json(200, "{\"latest\":\"" + latest + "\",\"employees\":{" + employees + "}}");
    }

    private static int intParam(Request request, String name, int fallback) {
        QueryParameter p = request.queryParameter(name);
        if (p == null || !p.isPresent()) {
            return fallback;
        }
        try {
            return Integer.parseInt(p.firstValue());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
    }


    /** Routes a stub to the handler named in its transformer parameters; one extension serves every dynamic body. */
    private static final class Responses implements ResponseDefinitionTransformerV2 {

        static final String NAME = "skillbridge-demo-responses";

        private final Map<String, Function<Request, ResponseDefinition>> handlers;

        Responses(Map<String, Function<Request, ResponseDefinition>> handlers) {
            this.handlers = handlers;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Parameters parameters = serveEvent.getTransformerParameters();
            return handlers.get(parameters.getString("handler")).apply(serveEvent.getRequest());
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
