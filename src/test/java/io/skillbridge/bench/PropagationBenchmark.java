package io.skillbridge.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.skillbridge.HubHome;
import io.skillbridge.canonical.Sql;
import io.skillbridge.outbound.OutboundFixtures;
import io.skillbridge.skills.evidence.EvidenceLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Propagation latency: assessments committed to the evidence ledger at a steady rate (the path a skillEvidence
 * connector page takes), each one a new skill for one of many people, until the simulated HRIS receives that
 * person's write-back. Prints p50 and p95; the target is p95 at most 2 s.
 */
@SpringBootTest
class PropagationBenchmark {

    static final int PEOPLE = 500;
    static final int PER_SECOND = 50;
    static final int SECONDS = 20;
    static final WireMockServer hris = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort().containerThreads(16));
    static final HubHome home = new HubHome();

    static {
        hris.start();
        hris.stubFor(put(urlPathMatching("/workers/.+/skills")).willReturn(aResponse().withStatus(200)));
        home.write("config/targets/workday-skills.yaml", """
                kind: http-push
                system: workday
                events: [profile.updated]
                url: http://127.0.0.1:%d/workers/{externalId}/skills
                mapping: workday/skills-writeback.jsonata
                """.formatted(hris.port()));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws Exception {
        r.add("skillbridge.home", () -> home.root().toString());
        r.add("skillbridge.data-dir", () -> tempDir());
        r.add("skillbridge.demo.enabled", () -> "false");
        r.add("skillbridge.scheduling.enabled", () -> "false");
        r.add("skillbridge.http.allow-private-networks", () -> "true");
    }

    private static String tempDir() {
        try {
            return Scratch.dir("propagation").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        hris.stop();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EvidenceLedger ledger;

    @Test
    void evidenceInToWriteBackReceived() throws Exception {
        for (int i = 0; i < PEOPLE; i++) {
            OutboundFixtures.person(jdbc, "p-" + i, "p" + i + "@acme.example", "workday=W" + i);
        }
        List<String> skills = jdbc.queryForList("select id from skill order by id fetch first 40 rows only", String.class);
        Map<String, Long> committedAt = new HashMap<>();
        int total = PER_SECOND * SECONDS;
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = start + n * 1_000_000_000L / PER_SECOND;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String person = "p-" + (n % PEOPLE);
            String skill = skills.get((n / PEOPLE) % skills.size());
            OutboundFixtures.claim(tx, ledger, person, skill, 3.5, "assessments", "a-" + n);
            committedAt.put("W" + (n % PEOPLE) + "/" + skill, System.currentTimeMillis());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> received().size() >= committedAt.size());

        List<Long> latencies = new ArrayList<>();
        Map<String, Long> firstSeen = new HashMap<>();
        for (LoggedRequest r : received()) {
            String worker = r.getUrl().split("/")[2];
            for (String skill : skills) {
                if (r.getBodyAsString().contains("\"id\":\"" + skill + "\"")) {
                    firstSeen.merge(worker + "/" + skill, r.getLoggedDate().getTime(), Math::min);
                }
            }
        }
        committedAt.forEach((key, at) -> latencies.add(firstSeen.getOrDefault(key, Long.MAX_VALUE) - at));
        latencies.sort(Long::compare);
        long p50 = latencies.get(latencies.size() / 2);
        long p95 = latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
        System.out.printf("%npropagation, %d assessments at %d/s for %d people: p50 %d ms, p95 %d ms, max %d ms;"
                        + " %d write-backs received%n%n", total, PER_SECOND, PEOPLE, p50, p95,
                latencies.get(latencies.size() - 1), received().size());
        stages();
        assertThat(p95).as("p95 propagation latency (ms)").isLessThanOrEqualTo(2000);
    }

    /**
     * Where the time goes: from the evidence's commit to the outbox row the recompute wrote for it (the recompute
     * stage), and from that row's commit to its delivery (the dispatch stage).
     */
    private void stages() {
        Map<String, List<long[]>> rows = new HashMap<>();
        jdbc.query("select person_id, created_at, finished_at from outbox where status = 'delivered' order by created_at",
                rs -> {
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new long[]{
                            Sql.instant(rs, "created_at").toEpochMilli(), Sql.instant(rs, "finished_at").toEpochMilli()});
                });
        List<Long> recompute = new ArrayList<>();
        List<Long> dispatch = new ArrayList<>();
        jdbc.query("select person_id, recorded_at from skill_evidence", rs -> {
            long recorded = Sql.instant(rs, "recorded_at").toEpochMilli();
            rows.getOrDefault(rs.getString(1), List.of()).stream().filter(r -> r[0] >= recorded).findFirst().ifPresent(r -> {
                recompute.add(r[0] - recorded);
                dispatch.add(r[1] - r[0]);
            });
        });
        System.out.printf("stages: evidence commit -> outbox row %s; outbox row -> delivered %s%n%n",
                percentiles(recompute), percentiles(dispatch));
    }

    private static String percentiles(List<Long> values) {
        values.sort(Long::compare);
        return values.isEmpty() ? "none" : "p50 %d ms, p95 %d ms".formatted(values.get(values.size() / 2),
                values.get((int) Math.ceil(values.size() * 0.95) - 1));
    }

    private static List<LoggedRequest> received() {
        return hris.findAll(putRequestedFor(urlPathMatching("/workers/.+/skills")));
    }
}
