package io.skillbridge.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.skillbridge.demo.DemoOrgGenerator.DemoOrg;
import io.skillbridge.demo.DemoOrgGenerator.Move;
import io.skillbridge.demo.DemoOrgGenerator.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The demo's Workday Recruiting tenant: job requisitions of the last three years, derived from the same generated
 * company as the simulated HRIS, so that every fill is a real event of it: each hire is an external fill of the
 * hire's first job, each move into another job an internal fill, plus some roles still open and some cancelled.
 *
 * <p>Served by its own WireMock on 127.0.0.1 (OAuth2 client credentials, offset/limit pages of 100, {@code total}),
 * and published as {@code skillbridge.demo.recruiting-url} with a per-start client secret. A bean-factory
 * post-processor, so the property is there before any bean (the connector registry among them) reads connector files.
 */
@Component
@ConditionalOnProperty(name = "skillbridge.demo.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatedRecruiting implements BeanFactoryPostProcessor, EnvironmentAware, AutoCloseable {

    public static final String PROPERTY_SOURCE = "skillbridge-demo-recruiting";
    static final String TOKEN = "/ccx/oauth2/acme/token";
    static final String REQUISITIONS = "/ccx/api/recruiting/v4/acme/jobRequisitions";
    static final int PAGE = 100;
    static final int YEARS = 3;

    private static final Logger log = LoggerFactory.getLogger(SimulatedRecruiting.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigurableEnvironment environment;
    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .disableRequestJournal().templatingEnabled(false));
    private final String clientSecret = DemoSecrets.generate();
    private final String accessToken = DemoSecrets.generate();

    /** Told by the context itself: a post-processor is created before constructor injection is available. */
    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        DemoOrg org = new DemoOrgGenerator(DemoOrgGenerator.DEFAULT_SEED, LocalDate.now(ZoneOffset.UTC)).generate();
        List<ObjectNode> requisitions = requisitions(org);
        server.start();
        String token = "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
        server.stubFor(post(urlPathEqualTo(TOKEN)).atPriority(1)
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_secret", equalTo(clientSecret)).willReturn(okJson(token)));
        server.stubFor(post(urlPathEqualTo(TOKEN)).atPriority(1)
                .withBasicAuth(SimulatedVendors.WORKDAY_CLIENT_ID, clientSecret).willReturn(okJson(token)));
        for (int offset = 0; offset == 0 || offset < requisitions.size(); offset += PAGE) {
            ObjectNode page = JSON.createObjectNode().put("total", requisitions.size());
            page.putArray("data").addAll(requisitions.subList(offset, Math.min(requisitions.size(), offset + PAGE)));
            server.stubFor(get(urlPathEqualTo(REQUISITIONS)).atPriority(1)
                    .withHeader("Authorization", equalTo("Bearer " + accessToken))
                    .withQueryParam("offset", equalTo(String.valueOf(offset)))
                    .withQueryParam("limit", equalTo(String.valueOf(PAGE)))
                    .willReturn(okJson(page.toString())));
        }
        // other page sizes, offsets past the end, missing credentials: what Workday answers a bad call
        server.stubFor(any(urlPathMatching("/ccx/.*")).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid request: authenticate, and page with limit=" + PAGE + "\"}")));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "skillbridge.demo.recruiting-url", baseUrl(),
                "DEMO_RECRUITING_CLIENT_SECRET", clientSecret)));
        log.info("Simulated Workday Recruiting tenant at {} ({} requisitions)", baseUrl(), requisitions.size());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The requisitions of the last {@link #YEARS} years before the org's date, oldest first. */
    static List<ObjectNode> requisitions(DemoOrg org) {
        LocalDate since = org.asOf().minusYears(YEARS);
        List<ObjectNode> out = new ArrayList<>();
        for (Person p : org.people()) {
            List<Move> jobs = new ArrayList<>(p.history());
            jobs.add(new Move(p.effectiveDate(), p.terminationDate(), p.jobProfileId(), p.orgCode(), p.managerIndex()));
            if (!p.hireDate().isBefore(since) && !p.hireDate().isAfter(org.asOf())) {
                Move first = jobs.get(0);
                out.add(filled(org, "JR-E" + p.index(), first, p.hireDate().minusDays(21 + p.index() % 60),
                        p.hireDate(), "External", p));
            }
            for (int j = 1; j < jobs.size(); j++) {
                Move move = jobs.get(j);
                boolean newJob = !move.jobProfileId().equals(jobs.get(j - 1).jobProfileId());
                if (newJob && !move.start().isBefore(since) && !move.start().isAfter(org.asOf())) {
                    out.add(filled(org, "JR-I" + p.index() + "-" + j, move, move.start().minusDays(14 + p.index() % 45),
                            move.start(), "Internal", p));
                }
            }
        }
        // a role still open and one cancelled for every 40 fills, in the units and jobs that hire most
        int fills = out.size();
        for (int i = 0; i < fills / 40; i++) {
            ObjectNode model = out.get(i * 40);
            out.add(unfilled(model, "JR-O" + i, "Open", org.asOf().minusDays(5 + i % 50)));
            out.add(unfilled(model, "JR-C" + i, "Closed", org.asOf().minusDays(60 + i * 7 % 300)));
        }
        out.sort(java.util.Comparator.comparing(n -> n.path("recruitingStartDate").asText()));
        return out;
    }

    private static ObjectNode filled(DemoOrg org, String id, Move job, LocalDate opened, LocalDate filled,
                                     String candidateType, Person p) {
        ObjectNode n = requisition(org, id, job.jobProfileId(), job.orgCode(), "Filled", opened);
        ObjectNode by = n.putObject("filledBy").put("date", filled.toString()).put("candidateType", candidateType);
        if (p.inWorkday()) {
            by.putObject("worker").put("id", p.workdayWid()).put("descriptor", p.displayName())
                    .put("workerId", p.workdayId());
        }
        return n;
    }

    private static ObjectNode unfilled(ObjectNode model, String id, String status, LocalDate opened) {
        ObjectNode n = model.deepCopy();
        n.remove("filledBy");
        n.put("id", id).put("descriptor", id + " " + n.path("jobPostingTitle").asText())
                .put("recruitingStartDate", opened.toString());
        n.putObject("jobRequisitionStatus").put("id", status.toUpperCase(java.util.Locale.ROOT)).put("descriptor", status);
        return n;
    }

    private static ObjectNode requisition(DemoOrg org, String id, String jobId, String orgCode, String status,
                                          LocalDate opened) {
        DemoOrgGenerator.JobProfile job = org.jobProfile(jobId);
        DemoOrgGenerator.OrgUnit unit = org.orgUnit(orgCode);
        ObjectNode n = JSON.createObjectNode().put("id", id).put("descriptor", id + " " + job.title())
                .put("jobPostingTitle", job.title());
        n.putObject("jobRequisitionStatus").put("id", status.toUpperCase(java.util.Locale.ROOT)).put("descriptor", status);
        n.putObject("jobProfile").put("id", job.id()).put("descriptor", job.title());
        n.putObject("supervisoryOrganization").put("id", unit.wid()).put("descriptor", unit.name());
        return n.put("recruitingStartDate", opened.toString());
    }

}
