package io.skillbridge.xapi.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.HubHome;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The hub booted once for every Statements-resource spec IT (they share this configuration, hence one Spring
 * context): an H2 in-memory store, a read-write client {@code lms} and a read-only client {@code dashboard}, whose
 * secrets come from properties standing in for the environment. Each test starts from empty statement tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:xapi-spec;DB_CLOSE_DELAY=-1",
        "skillbridge.xapi.max-body=256KB", "skillbridge.xapi.page-size=50"})
public abstract class XapiSpecIT {

    public static final String LMS = "lms";
    public static final String LMS_SECRET = "lms-secret-0123456789";
    public static final String DASHBOARD_SECRET = "dashboard-secret-0123456789";

    static final HubHome home = new HubHome().write("config/xapi/clients.yaml", """
            clients:
              - key: lms
                name: Example LMS
                secret: ${XAPI_LMS_SECRET}
              - key: dashboard
                name: Reporting dashboard
                secret: ${XAPI_DASHBOARD_SECRET}
                scopes: [read]
            """);

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry r) {
        r.add("skillbridge.home", () -> home.root().toString());
        r.add("skillbridge.demo.enabled", () -> "false");
        r.add("skillbridge.scheduling.enabled", () -> "false");
        r.add("XAPI_LMS_SECRET", () -> LMS_SECRET);
        r.add("XAPI_DASHBOARD_SECRET", () -> DASHBOARD_SECRET);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void emptyStore() {
        for (String t : List.of("xapi_attachment", "xapi_statement_ref", "xapi_statement_agent", "xapi_statement_activity", "xapi_statement")) {
            jdbc.update("delete from " + t);
        }
    }

    /** A response with its body as text, parsed as JSON where it is JSON. */
    public record Response(int status, HttpResponse<byte[]> raw) {
        public String body() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Statements.JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    protected HttpRequest.Builder request(String pathAndQuery, String version) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", basic(LMS, LMS_SECRET));
        if (version != null) {
            b.header("X-Experience-API-Version", version);
        }
        return b;
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Response post(String version, Object body) {
        return send(request("/xapi/statements", version).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    protected Response put(String version, String statementId, Object body) {
        return send(request("/xapi/statements?statementId=" + statementId, version).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    protected Response get(String version, String query) {
        return send(request("/xapi/statements" + (query.isEmpty() ? "" : "?" + query), version).GET().build());
    }

    protected int stored() {
        return jdbc.queryForObject("select count(*) from xapi_statement", Integer.class);
    }

    protected static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
