package io.skillbridge.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skillbridge.HubHome;
import io.skillbridge.SkillbridgeApplication;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub as a separate process, killed after it committed outbox rows and before any reached the target: the
 * next start delivers every one, and the target sees each idempotency key exactly once.
 */
class OutboundCrashIT {

    static final int PEOPLE = 20;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    final WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    WireMockServer subscriber;
    Process hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.destroyForcibly();
        }
        vendor.stop();
        if (subscriber != null) {
            subscriber.stop();
        }
    }

    @Test
    void rowsCommittedBeforeAKillAreAllDeliveredAfterTheRestartEachKeyOnce() throws Exception {
        vendor.start();
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            workers.add("{\"id\": \"w-" + i + "\", \"email\": \"w" + i + "@acme.example\", \"name\": \"W" + i + "\"}");
        }
        vendor.stubFor(get(urlPathEqualTo("/workers")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"items\": [" + String.join(",", workers) + "]}")));
        // the subscriber is down while the first process runs: nothing can reach it before the kill
        int subscriberPort = freePort();
        HubHome home = new HubHome();
        home.write("mappings/acme/worker.jsonata", "{ \"externalId\": id, \"workEmail\": email, \"givenName\": name, \"status\": \"active\" }");
        home.write("config/connectors/acme-workers.yaml", """
                kind: http-pull
                parameters:
                  system: acme
                  mapping: acme/worker.jsonata
                  baseUrl: http://127.0.0.1:%d
                  path: /workers
                  pagination: none
                  recordsPath: /items
                """.formatted(vendor.port()));
        home.write("config/targets/people-hook.yaml", """
                kind: webhook
                events: [person.changed]
                url: http://127.0.0.1:%d/hook
                secret: ${HOOK_SECRET}
                maxAttempts: 30
                backoffMs: 50
                """.formatted(subscriberPort));
        Path data = Files.createTempDirectory("outbound-crash");
        int port = freePort();

        hub = start(home, data, port);
        awaitUp(port);
        // the web server answers before Camel has started the connector routes
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> call(port, "POST",
                "/api/v1/connectors/acme-workers/runs?wait=true").contains("\"created\":" + PEOPLE));
        assertThat(total(port, "&status=pending")).as("committed with the sync's page, none delivered").isEqualTo(PEOPLE);
        hub.destroyForcibly().waitFor();

        subscriber = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(subscriberPort));
        subscriber.start();
        subscriber.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        hub = start(home, data, port);
        awaitUp(port);
        // a store that keeps commits in memory for a while loses them to the kill: then there is nothing to deliver
        assertThat(total(port, "")).as("rows committed before the kill, still there after the restart").isEqualTo(PEOPLE);

        // the first process kept retrying the absent subscriber with a doubling backoff: on a busy machine (a slow
        // first start) the next attempt may be a minute away
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> total(port, "&status=delivered") == PEOPLE);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not every row was delivered after the restart\n" + diagnosis(port, data, hub), e);
        }
        List<String> keys = subscriber.findAll(anyRequestedFor(urlPathEqualTo("/hook"))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys).hasSize(PEOPLE).doesNotHaveDuplicates();
        assertThat(subscriber.findAll(anyRequestedFor(urlPathEqualTo("/hook"))))
                .extracting(LoggedRequest::getBodyAsString).allMatch(b -> b.contains("\"person.changed\""));
        assertThat(keys.stream().collect(Collectors.toSet())).isEqualTo(
                JSON.readTree(call(port, "GET", "/api/v1/deliveries?size=100")).path("items").findValuesAsText("idempotencyKey")
                        .stream().collect(Collectors.toSet()));
    }

    /** The hub's arguments that choose its store: none for the embedded H2 file in the data directory. */
    protected List<String> store() {
        return List.of();
    }

    private Process start(HubHome home, Path data, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), SkillbridgeApplication.class.getName(),
                "--server.port=" + port, "--skillbridge.home=" + home.root(), "--skillbridge.data-dir=" + data,
                "--skillbridge.demo.enabled=false", "--skillbridge.scheduling.enabled=false",
                "--skillbridge.http.allow-private-networks=true", "--skillbridge.outbound.poll-ms=200"));
        command.addAll(store());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOOK_SECRET", "crash-test-secret-0123456789");
        pb.redirectErrorStream(true).redirectOutput(data.resolve("hub-" + System.nanoTime() + ".log").toFile());
        return pb.start();
    }

    private void awaitUp(int port) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "UP".equals(JSON.readTree(call(port, "GET", "/actuator/health")).path("status").asText()));
    }

    /**
     * What a failure needs to be understood where only the end of the build's output is left (CI), in a few lines:
     * the deliveries by state, what the running hub's outbox threads are doing, and the last warnings of both hub
     * processes, whose logs live in a temporary directory.
     */
    private static String diagnosis(int port, Path data, Process hub) {
        StringBuilder out = new StringBuilder();
        try {
            Map<String, Long> states = new TreeMap<>();
            for (JsonNode d : JSON.readTree(call(port, "GET", "/api/v1/deliveries?size=100")).path("items")) {
                boolean due = !Instant.parse(d.path("nextAttemptAt").asText()).isAfter(Instant.now());
                states.merge(d.path("status").asText() + " attempts=" + d.path("attempts") + (due ? " due" : " not due")
                        + " error=" + d.path("lastError").asText(), 1L, Long::sum);
            }
            states.forEach((state, n) -> out.append(n).append(" x ").append(state).append('\n'));
        } catch (Exception e) {
            out.append("deliveries unreadable: ").append(e).append('\n');
        }
        try {
            Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(hub.pid()), "Thread.print").redirectErrorStream(true).start();
            for (String thread : new String(dump.getInputStream().readAllBytes()).split("\n\n")) {
                if (thread.startsWith("\"outbox-")) {
                    // its name, its state, and where it stands in the hub's own code
                    List<String> lines = thread.lines().map(String::strip).toList();
                    out.append(lines.get(0), 0, lines.get(0).indexOf(' ')).append(' ').append(lines.size() > 1 ? lines.get(1) : "")
                            .append(lines.stream().filter(l -> l.startsWith("at io.skillbridge")).findFirst()
                                    .map(l -> " " + l).orElse("")).append('\n');
                }
            }
        } catch (IOException e) {
            out.append("no thread dump: ").append(e).append('\n');
        }
        try (var logs = Files.list(data)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("hub-")).sorted().toList()) {
                List<String> warnings = Files.readAllLines(log).stream().filter(l -> l.contains(" WARN ")
                        || l.contains(" ERROR ") || l.startsWith("Caused by")).toList();
                out.append(log.getFileName()).append(": ").append(warnings.size()).append(" warnings, the last:\n");
                warnings.subList(Math.max(0, warnings.size() - 4), warnings.size())
                        .forEach(l -> out.append(l, 0, Math.min(l.length(), 300)).append('\n'));
            }
        } catch (IOException e) {
            out.append("logs unreadable: ").append(e).append('\n');
        }
        return out.toString();
    }

    private static int total(int port, String filter) throws Exception {
        JsonNode page = JSON.readTree(call(port, "GET", "/api/v1/deliveries?target=people-hook" + filter));
        return page.path("total").asInt();
    }

    private static String call(int port, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
