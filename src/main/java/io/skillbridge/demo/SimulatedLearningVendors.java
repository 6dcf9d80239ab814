package io.skillbridge.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The demo's learning side on an embedded WireMock of its own: a LinkedIn Learning and a Coursera for Business
 * library generated from the taxonomy (over 5,000 items whose titles name the skills they teach), the company's own
 * academy catalog, and completions of the demo org's people in Moodle and SCORM Cloud (LMS users carry the people's
 * work emails and employee ids). Every response is rendered once at start and served as a static stub.
 *
 * <p>Like {@link SimulatedVendors}, credentials are generated per start and published with the server's URL
 * ({@code skillbridge.demo.learning-url}) for the connector files to reference; stubs refuse requests without them.
 */
@Component
@ConditionalOnProperty(name = "skillbridge.demo.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatedLearningVendors implements AutoCloseable {

    public static final String PROPERTY_SOURCE = "skillbridge-demo-learning";
    public static final String LINKEDIN_CLIENT_ID = "skillbridge-demo";
    public static final String SCORM_APP_ID = "SKILLBRIDGEDEMO";
    static final String MOODLE = "/moodle/webservice/rest/server.php";
    static final String SCORM = "/scormcloud/api/v2/registrations";
    static final String LINKEDIN = "/linkedin/v2/learningAssets";
    static final String LINKEDIN_TOKEN = "/linkedin/oauth/v2/accessToken";
    static final String COURSERA = "/coursera/api/businesses.v1/acme/catalog";
    static final String ACADEMY = "/academy/catalog.json";
    static final int PAGE = 100;
    /** The SCORM Cloud connector's first 'since': every registration is newer. */
    static final String SCORM_EPOCH = "2000-01-01T00:00:00Z";

    /** Title patterns, level and modality of the generated library items: each skill gets every pattern once. */
    private record Pattern(String title, String level, String modality, int minutes, String blurb) {
    }

    private static final List<Pattern> LINKEDIN_PATTERNS = List.of(
            new Pattern("%s Essential Training", "BEGINNER", "COURSE", 150, "Get started with %s: the concepts and tools you use every day."),
            new Pattern("Advanced %s", "ADVANCED", "COURSE", 190, "Go deeper into %s with techniques experienced practitioners rely on."),
            new Pattern("%s: Tips and Tricks", "INTERMEDIATE", "VIDEO", 6, "Short, practical lessons on %s."),
            new Pattern("%s for Managers", "INTERMEDIATE", "COURSE", 75, "What leaders need to know about %s to guide their teams."),
            new Pattern("Mastering %s", "ADVANCED", "COURSE", 240, "Expert-level practice in %s."),
            new Pattern("%s Quick Start", "BEGINNER", "VIDEO", 9, "A ten-minute introduction to %s."),
            new Pattern("%s in Practice", "INTERMEDIATE", "COURSE", 120, "Apply %s to realistic workplace scenarios."),
            new Pattern("%s Foundations", "BEGINNER", "COURSE", 95, "Build a solid foundation in %s."));
    private static final List<Pattern> COURSERA_PATTERNS = List.of(
            new Pattern("Introduction to %s", "Beginner", "Course", 0, "4 weeks, 2-3 hours per week"),
            new Pattern("Applied %s", "Intermediate", "Course", 0, "Approx. 18 hours"),
            new Pattern("%s Specialization", "Intermediate", "Specialization", 0, "3 months at 5 hours a week"),
            new Pattern("%s: Case Studies", "Advanced", "Course", 0, "6 weeks, 4-5 hours per week"),
            new Pattern("%s Guided Project", "Beginner", "Guided Project", 0, "2 hours"));
    /** Tags some providers use that no taxonomy has: the unmatched-tags list shows them. */
    private static final List<String> STRAY_TAGS = List.of("Workplace Essentials", "Business Software Tools",
            "Remote Work Tips", "New This Month");

    private static final Logger log = LoggerFactory.getLogger(SimulatedLearningVendors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final String moodleToken = DemoSecrets.generate();
    private final String scormSecret = DemoSecrets.generate();
    private final String linkedinSecret = DemoSecrets.generate();
    private final String linkedinToken = DemoSecrets.generate();
    private final String courseraToken = DemoSecrets.generate();
    private int catalogSize;

    public SimulatedLearningVendors(ConfigurableEnvironment environment, Taxonomy taxonomy) {
        long started = System.nanoTime();
        DemoOrgGenerator.DemoOrg org = new DemoOrgGenerator(DemoOrgGenerator.DEFAULT_SEED,
                LocalDate.now(ZoneOffset.UTC)).generate();
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal()
                .templatingEnabled(false));
        server.start();
        List<Skill> skills = taxonomy.skills();
        linkedin(skills);
        coursera(skills);
        List<ObjectNode> academy = academy(skills);
        completions(org, academy);
        for (String prefix : List.of("/linkedin/.*", "/coursera/.*", "/scormcloud/.*")) {
            server.stubFor(any(urlPathMatching(prefix)).atPriority(10).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json").withBody("{\"message\":\"unauthorized\"}")));
        }
        // Moodle answers a bad token with HTTP 200 and an exception body
        server.stubFor(any(urlPathEqualTo(MOODLE)).atPriority(10).willReturn(okJson("{\"exception\":\"moodle_exception\","
                + "\"errorcode\":\"invalidtoken\",\"message\":\"Invalid token - token not found\"}")));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "skillbridge.demo.learning-url", baseUrl(),
                "DEMO_MOODLE_TOKEN", moodleToken,
                "DEMO_SCORM_SECRET", scormSecret,
                "DEMO_LINKEDIN_CLIENT_SECRET", linkedinSecret,
                "DEMO_COURSERA_TOKEN", courseraToken)));
        log.info("Simulated Moodle, SCORM Cloud, LinkedIn Learning and Coursera at {} ({} library items) started in {} ms",
                baseUrl(), catalogSize, (System.nanoTime() - started) / 1_000_000);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** How many items the two libraries offer together. */
    public int catalogSize() {
        return catalogSize;
    }

    @PreDestroy
    @Override
    public void close() {
        server.stop();
    }

    private void linkedin(List<Skill> skills) {
        String token = "{\"access_token\":\"" + linkedinToken + "\",\"expires_in\":1799}";
        server.stubFor(post(urlPathEqualTo(LINKEDIN_TOKEN)).atPriority(1).withFormParam("grant_type", equalTo("client_credentials"))
                .withBasicAuth(LINKEDIN_CLIENT_ID, linkedinSecret).willReturn(okJson(token)));
        server.stubFor(post(urlPathEqualTo(LINKEDIN_TOKEN)).atPriority(1).withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo(LINKEDIN_CLIENT_ID)).withFormParam("client_secret", equalTo(linkedinSecret))
                .willReturn(okJson(token)));
        List<ObjectNode> assets = new ArrayList<>();
        Instant updated = Instant.parse("2026-06-01T00:00:00Z");
        for (int p = 0; p < LINKEDIN_PATTERNS.size(); p++) {
            Pattern pattern = LINKEDIN_PATTERNS.get(p);
            for (Skill s : skills) {
                int n = 2_800_000 + assets.size();
                boolean video = pattern.modality().equals("VIDEO");
                ObjectNode a = JSON.createObjectNode().put("urn", "urn:li:" + (video ? "lyndaVideo:" : "lyndaCourse:") + n)
                        .put("type", pattern.modality());
                a.putObject("title").put("value", pattern.title().formatted(s.label())).putObject("locale")
                        .put("language", "en").put("country", "US");
                ObjectNode d = a.putObject("details").put("level", pattern.level()).put("availability", "AVAILABLE")
                        .put("lastUpdatedAt", updated.minus(n % 500, ChronoUnit.DAYS).toEpochMilli());
                d.putObject("timeToComplete").put("unit", "SECOND").put("duration", pattern.minutes() * 60 + n % 7 * 60);
                d.putObject("urls").put("webLaunch", "https://www.linkedin.com/learning/" + slug(pattern.title().formatted(s.label())));
                d.putObject("description").put("value", pattern.blurb().formatted(s.label()));
                ArrayNode classes = d.putArray("classifications");
                classification(classes, "SKILL", s.aliases().isEmpty() || n % 3 != 0 ? s.label() : s.aliases().get(0));
                if (n % 5 == 0) {
                    classification(classes, "SKILL", STRAY_TAGS.get(n % STRAY_TAGS.size()));
                }
                classification(classes, "SUBJECT", s.domain());
                assets.add(a);
            }
        }
        for (int start = 0; start < assets.size(); start += PAGE) {
            ObjectNode page = JSON.createObjectNode();
            page.putObject("paging").put("start", start).put("count", PAGE).put("total", assets.size());
            page.putArray("elements").addAll(assets.subList(start, Math.min(assets.size(), start + PAGE)));
            server.stubFor(get(urlPathEqualTo(LINKEDIN)).atPriority(1).withQueryParam("start", equalTo(String.valueOf(start)))
                    .withHeader("Authorization", equalTo("Bearer " + linkedinToken)).willReturn(okJson(page.toString())));
        }
        catalogSize += assets.size();
    }

    private static void classification(ArrayNode classes, String type, String name) {
        classes.addObject().putObject("associatedClassification").put("type", type).putObject("name").put("value", name);
    }

    private void coursera(List<Skill> skills) {
        List<ObjectNode> items = new ArrayList<>();
        for (int p = 0; p < COURSERA_PATTERNS.size(); p++) {
            Pattern pattern = COURSERA_PATTERNS.get(p);
            for (Skill s : skills) {
                String name = pattern.title().formatted(s.label());
                ObjectNode item = JSON.createObjectNode().put("id", "cr-" + p + "-" + s.id()).put("contentType", pattern.modality())
                        .put("name", name).put("slug", slug(name)).put("description", s.description())
                        .put("difficultyLevel", pattern.level()).put("workload", pattern.blurb()).put("languageCode", "en")
                        .put("lastModifiedUTC", "2026-0" + (1 + items.size() % 9) + "-14T10:00:00Z")
                        // a few courses are retired: the catalog keeps them out
                        .put("isActive", items.size() % 97 != 0)
                        .put("url", "https://www.coursera.org/learn/" + slug(name));
                item.putArray("skills").add(s.label()).add(s.domain().substring(0, 1).toUpperCase(Locale.ROOT)
                        + s.domain().substring(1) + " Skills");
                item.putArray("partners").add("Example University");
                items.add(item);
            }
        }
        for (int start = 0; start < items.size(); start += PAGE) {
            ObjectNode page = JSON.createObjectNode();
            page.putArray("elements").addAll(items.subList(start, Math.min(items.size(), start + PAGE)));
            ObjectNode paging = page.putObject("paging").put("total", items.size());
            if (start + PAGE < items.size()) {
                paging.put("next", String.valueOf(start + PAGE));
            }
            server.stubFor(coursera(get(urlPathEqualTo(COURSERA))).withQueryParam("start", equalTo(String.valueOf(start)))
                    .withQueryParam("lastModifiedUTC", absent()).willReturn(okJson(page.toString())));
        }
        // nothing changes in the demo library after the start: an incremental sync finds no changes
        server.stubFor(coursera(get(urlPathEqualTo(COURSERA))).withQueryParam("lastModifiedUTC", matching(".+"))
                .willReturn(okJson("{\"elements\":[],\"paging\":{\"total\":0}}")));
        catalogSize += items.size();
    }

    private MappingBuilder coursera(MappingBuilder stub) {
        return stub.atPriority(1).withHeader("Authorization", equalTo("Bearer " + courseraToken));
    }

    /** The company's own courses, hosted in Moodle and SCORM Cloud: their idnumbers are the catalog's shared ids. */
    private List<ObjectNode> academy(List<Skill> skills) {
        List<ObjectNode> items = new ArrayList<>();
        String[] levels = {"Beginner", "Intermediate", "Advanced"};
        for (int i = 0; i < skills.size(); i += 5) {
            Skill s = skills.get(i);
            String level = levels[items.size() % 3];
            ObjectNode item = JSON.createObjectNode().put("id", "ACAD-" + (100 + items.size()))
                    .put("provider", "Acme Academy").put("title", "Acme Academy: " + s.label() + " Bootcamp")
                    .put("description", s.description()).put("format", "course").put("duration", (2 + items.size() % 6) + " hours")
                    .put("level", level).put("language", "en").put("skills", s.label())
                    .put("isbn", "LIB-" + String.format("%04d", items.size() + 1));
            items.add(item);
        }
        ObjectNode body = JSON.createObjectNode();
        body.putArray("items").addAll(items);
        server.stubFor(get(urlPathEqualTo(ACADEMY)).atPriority(1).willReturn(okJson(body.toString())));
        return items;
    }

    /**
     * Each current employee has taken up to four academy courses: people with an even index in Moodle, the others in
     * SCORM Cloud. Most completed and passed; some are in progress or failed.
     */
    private void completions(DemoOrgGenerator.DemoOrg org, List<ObjectNode> academy) {
        Random random = new Random(DemoOrgGenerator.DEFAULT_SEED);
        ArrayNode users = JSON.createArrayNode();
        List<ObjectNode> registrations = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (DemoOrgGenerator.Person p : org.people()) {
            String email = p.workdayEmail() != null ? p.workdayEmail() : p.bamboohrEmail();
            String employeeId = p.workdayId() != null ? p.workdayId() : p.bamboohrEmployeeNumber();
            int taken = random.nextInt(5);
            if (p.terminated() || email == null || taken == 0) {
                continue;
            }
            Map<Integer, ObjectNode> courses = new LinkedHashMap<>();
            while (courses.size() < taken) {
                int c = random.nextInt(academy.size());
                courses.put(c, academy.get(c));
            }
            boolean moodle = p.index() % 2 == 0;
            ArrayNode enrolments = JSON.createArrayNode();
            for (Map.Entry<Integer, ObjectNode> c : courses.entrySet()) {
                int roll = random.nextInt(10);
                Instant at = now.minus(1 + random.nextInt(400), ChronoUnit.DAYS);
                if (moodle) {
                    enrolments.addObject().put("id", 42 + c.getKey()).put("shortname", c.getValue().get("id").asText())
                            .put("fullname", c.getValue().get("title").asText()).put("idnumber", c.getValue().get("isbn").asText())
                            .put("visible", 1).put("completed", roll < 7).put("progress", roll < 7 ? 100 : 10 * roll)
                            .put("lastaccess", at.getEpochSecond());
                } else {
                    ObjectNode r = JSON.createObjectNode().put("id", "reg-" + p.index() + "-" + c.getKey()).put("instance", 0)
                            .put("updated", at.toString()).put("registrationCompletion", roll < 8 ? "COMPLETED" : "INCOMPLETE")
                            .put("registrationSuccess", roll < 6 ? "PASSED" : roll < 8 ? "FAILED" : "UNKNOWN");
                    if (roll < 8) {
                        r.put("completedDate", at.toString()).putObject("score").put("scaled", roll < 6 ? 70 + random.nextInt(31) : 30 + random.nextInt(30));
                    }
                    r.putObject("course").put("id", c.getValue().get("isbn").asText()).put("title", c.getValue().get("title").asText());
                    r.putObject("learner").put("id", email).put("email", email).put("firstName", p.firstName()).put("lastName", p.lastName());
                    registrations.add(r);
                }
            }
            if (moodle) {
                int userId = 2000 + p.index();
                users.addObject().put("id", userId).put("username", email.toLowerCase(Locale.ROOT)).put("firstname", p.firstName())
                        .put("lastname", p.lastName()).put("email", email).put("idnumber", employeeId == null ? "" : employeeId)
                        .put("auth", "manual");
                server.stubFor(moodle("core_enrol_get_users_courses").withQueryParam("userid", equalTo(String.valueOf(userId)))
                        .willReturn(okJson(enrolments.toString())));
            }
        }
        server.stubFor(moodle("core_user_get_users").willReturn(okJson("{\"users\":" + users + ",\"warnings\":[]}")));
        for (int start = 0; start < registrations.size(); start += PAGE) {
            ObjectNode page = JSON.createObjectNode();
            page.putArray("registrations").addAll(registrations.subList(start, Math.min(registrations.size(), start + PAGE)));
            if (start + PAGE < registrations.size()) {
                page.put("more", token(start + PAGE));
            }
            MappingBuilder stub = get(urlPathEqualTo(SCORM)).atPriority(1).withBasicAuth(SCORM_APP_ID, scormSecret);
            stub = start == 0 ? stub.withQueryParam("since", equalTo(SCORM_EPOCH)).withQueryParam("more", absent())
                    : stub.withQueryParam("more", equalTo(token(start)));
            server.stubFor(stub.willReturn(okJson(page.toString())));
        }
        // registrations are generated once: asked for changes since an earlier sync, there are none
        server.stubFor(get(urlPathEqualTo(SCORM)).atPriority(2).withBasicAuth(SCORM_APP_ID, scormSecret)
                .withQueryParam("more", absent()).willReturn(okJson("{\"registrations\":[]}")));
    }

    private MappingBuilder moodle(String function) {
        return get(urlPathEqualTo(MOODLE)).atPriority(1).withQueryParam("wstoken", equalTo(moodleToken))
                .withQueryParam("wsfunction", equalTo(function)).withQueryParam("moodlewsrestformat", equalTo("json"));
    }

    /** SCORM Cloud's opaque continuation token. */
    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"offset\":" + offset + "}").getBytes());
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

}
