package io.skillbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.HubHome;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import io.skillbridge.xapi.StatementFacts;
import io.skillbridge.xapi.XapiProperties;
import io.skillbridge.xapi.store.NewStatement;
import io.skillbridge.xapi.store.StatementStore;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The xAPI Statements resource benchmark (issue 5). Run with {@code mvn -B verify -Pbenchmark -Dit.test=XapiBenchmark}.
 *
 * <p>Boots the hub on an H2 file store and posts 100,000 realistic statements (about 600 bytes each: account actor, course activity with a definition, score, registration, parent) over loopback
 * HTTP in batches of 100 from 4 concurrent clients, then 20,000 single statements from 8 clients, after a warm-up of
 * 10,000 others. Beside them it prints the raw limit measured in the same run: Jackson parse of the same statements
 * plus a JDBC batch insert of one row each into a plain table of an H2 file database (batches of 1,000), and what the
 * hub's own tables cost without the rest of the hub; each the best of a few runs, the first of which finds the JIT
 * cold.
 */
class XapiBenchmark {

    static final int STATEMENTS = Integer.getInteger("bench.statements", 100_000);
    static final int SINGLES = Integer.getInteger("bench.singles", 20_000);
    static final int BATCH = 100;
    static final int GET_LIMIT = 100;
    static final int GETS = 21;
    static final String SECRET = "bench-secret-" + UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] VERBS = {"completed", "passed", "failed", "experienced", "attempted", "answered"};
    /** Learners, courses and programs the statements cycle through: each learner is always in the same program. */
    static final int LEARNERS = 5000;
    static final int COURSES = 800;
    static final int PROGRAMS = 40;
    /** A PostgreSQL to measure on instead of H2 ({@code -Dbench.postgres=jdbc:postgresql://...}); emptied first. */
    static final String POSTGRES = System.getProperty("bench.postgres");

    @Test
    void postBatchesAndSingles() throws Exception {
        List<String> measured = statements(STATEMENTS, 0);
        List<String> singles = statements(SINGLES, STATEMENTS);
        List<String> warmup = statements(10_000, STATEMENTS + SINGLES);
        System.out.printf("%naverage statement: %d bytes%n", measured.stream().mapToInt(String::length).sum() / measured.size());

        double raw = Scratch.best(3, () -> rawLimit(measured));
        double ownTables = Scratch.best(2, () -> ownTablesLimit(measured));
        List<String> more = new ArrayList<>(List.of("--XAPI_BENCH_SECRET=" + SECRET));
        if (POSTGRES != null) {
            emptyPostgres();
            more.addAll(List.of("--spring.datasource.url=" + POSTGRES, "--spring.datasource.username=postgres"));
        }
        HubHome home = new HubHome().write("config/xapi/clients.yaml", """
                clients:
                  - key: bench
                    secret: ${XAPI_BENCH_SECRET}
                """);
        Path data = Scratch.dir("bench-xapi");
        try (ConfigurableApplicationContext hub = home.start(data, more.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String url = "http://127.0.0.1:" + port + "/xapi/statements";

            post(http, url, batches(warmup), 4);
            DistributionSummary groups = hub.getBean(MeterRegistry.class).get("skillbridge.xapi.group.requests").summary();
            double[] before = {groups.count(), groups.totalAmount()};
            double batchSeconds = post(http, url, batches(measured), 4);
            double batchGroup = (groups.totalAmount() - before[1]) / (groups.count() - before[0]);
            before = new double[]{groups.count(), groups.totalAmount()};
            double singleSeconds = post(http, url, singles, 8);
            double singleGroup = (groups.totalAmount() - before[1]) / (groups.count() - before[0]);

            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            int stored = warmup.size() + measured.size() + singles.size();
            assertThat(jdbc.queryForObject("select count(*) from xapi_statement", Integer.class)).isEqualTo(stored);
            if (POSTGRES != null) {
                // the statistics autovacuum gathers within a minute of a load this size; PostgreSQL plans these GETs by them
                jdbc.execute("analyze");
            }
            // a different statement's values for each GET: H2 answers a query run again unchanged from its last result
            List<JsonNode> samples = new ArrayList<>();
            for (int i = 0; i <= GETS; i++) {
                samples.add(JSON.readTree(measured.get(i * (STATEMENTS / (GETS + 1)))));
            }
            Map<String, Function<JsonNode, String>> filters = new LinkedHashMap<>();
            filters.put("registration (1 statement)", s -> "registration=" + s.at("/context/registration").asText());
            filters.put("agent (%d statements)".formatted(stored / LEARNERS),
                    s -> "agent=" + enc(s.get("actor").toString()));
            filters.put("activity (%d statements)".formatted(stored / COURSES),
                    s -> "activity=" + enc(s.at("/object/id").asText()));
            filters.put("agent, related activity (%d)".formatted(stored / LEARNERS),
                    s -> "agent=" + enc(s.get("actor").toString()) + "&activity="
                            + enc(s.at("/context/contextActivities/parent/0/id").asText()) + "&related_activities=true");
            filters.put("verb (1 in %d statements)".formatted(VERBS.length), s -> "verb=" + enc(s.at("/verb/id").asText()));

            double batchRate = STATEMENTS / batchSeconds;
            double singleRate = SINGLES / singleSeconds;
            System.out.printf("%n=== xAPI Statements benchmark (%s, loopback HTTP, %d cores) ===%n",
                    POSTGRES == null ? "H2 file store" : "PostgreSQL", Runtime.getRuntime().availableProcessors());
            System.out.printf("batches of %d, 4 clients   %,7d statements %7.2f s  %,9.0f statements/s   (target >= 10,000)%n",
                    BATCH, STATEMENTS, batchSeconds, batchRate);
            System.out.printf("single, 8 clients         %,7d statements %7.2f s  %,9.0f statements/s   (target >= 2,000)%n",
                    SINGLES, singleSeconds, singleRate);
            System.out.printf("raw limit                                         %,9.0f statements/s   (Jackson parse + JDBC batch"
                    + " insert, one row each, batches of 1,000, same run, best of 3)%n", raw);
            System.out.printf("the hub's own tables                              %,9.0f statements/s   (Jackson parse + the hub's"
                    + " inserts with its indexes, a commit per 100, one writer, same run, best of 2)%n", ownTables);
            System.out.printf("requests per group commit: batches %.1f, single %.1f%n", batchGroup, singleGroup);
            System.out.printf("batches / raw limit       %7.0f %%%n", 100 * batchRate / raw);
            System.out.printf("single / raw limit        %7.0f %%%n", 100 * singleRate / raw);
            System.out.printf("GET with a filter, limit %d, among %,d statements: median of %d, ms%n",
                    GET_LIMIT, stored, GETS);
            for (Map.Entry<String, Function<JsonNode, String>> f : filters.entrySet()) {
                List<String> urls = samples.stream().map(s -> url + "?limit=" + GET_LIMIT + "&" + f.getValue().apply(s)).toList();
                System.out.printf("  %-30s %8.1f ms%n", f.getKey(), medianMillis(http, urls));
            }
            System.out.println();
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The median time of the GETs of {@code urls} but the first (unmeasured); each must answer 200 with statements. */
    static double medianMillis(HttpClient http, List<String> urls) throws Exception {
        double[] ms = new double[urls.size() - 1];
        for (int i = 0; i < urls.size(); i++) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(urls.get(i))).header("Authorization", authorization())
                    .header("X-Experience-API-Version", "1.0.3").GET().build();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || JSON.readTree(r.body()).get("statements").isEmpty()) {
                throw new IllegalStateException(urls.get(i) + ": " + r.statusCode() + " " + r.body());
            }
            if (i > 0) {
                ms[i - 1] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    static String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("bench:" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    /** Posts each body from {@code clients} threads; returns the wall time in seconds. */
    static double post(HttpClient http, String url, List<String> bodies, int clients) throws Exception {
        String auth = authorization();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", auth).header("X-Experience-API-Version", "1.0.3")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static List<String> batches(List<String> statements) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < statements.size(); i += BATCH) {
            bodies.add("[" + String.join(",", statements.subList(i, Math.min(statements.size(), i + BATCH))) + "]");
        }
        return bodies;
    }

    /** Statements like an LMS sends: an account actor, a course activity with a definition, a result, a context. */
    static List<String> statements(int n, int offset) {
        List<String> all = new ArrayList<>(n);
        for (int i = offset; i < offset + n; i++) {
            String verb = VERBS[i % VERBS.length];
            all.add("""
                    {"id":"%s","actor":{"name":"Learner %d","account":{"homePage":"https://sso.example.com","name":"%d"}},\
                    "verb":{"id":"http://adlnet.gov/expapi/verbs/%s","display":{"en-US":"%s"}},\
                    "object":{"id":"https://lms.example.com/course/C-%d",\
                    "definition":{"name":{"en-US":"Course %d"},"type":"http://adlnet.gov/expapi/activities/course"}},\
                    "result":{"score":{"scaled":0.%02d},"success":true,"completion":true,"duration":"PT%dM"},\
                    "context":{"registration":"%s","contextActivities":{"parent":[{"id":"https://lms.example.com/program/P-%d"}]}},\
                    "timestamp":"2026-11-24T15:06:40.000Z"}""".formatted(UUID.randomUUID(), i % LEARNERS, i % LEARNERS, verb, verb,
                    i % COURSES, i % COURSES, i % 100, 5 + i % 120, UUID.randomUUID(), i % PROGRAMS));
        }
        return all;
    }

    /**
     * What the store itself costs: Jackson parse and the hub's own inserts (StatementStore: the statement row with
     * its filter indexes and the side-table rows) into a fresh H2 file database with the hub's schema and durability,
     * a commit per 100 statements, one writer; no HTTP, validation or JSON written back.
     */
    static double ownTablesLimit(List<String> statements) throws Exception {
        if (POSTGRES != null) {
            emptyPostgres();
        }
        DataSource ds = dataSource("bench-xapi-tables");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        SingleConnectionDataSource single = new SingleConnectionDataSource(ds.getConnection(), true);
        StatementStore store = new StatementStore(new JdbcTemplate(single),
                new XapiProperties(DataSize.ofMegabytes(10), 500, "https://skillbridge.local/xapi/clients", "config/xapi/clients.yaml"));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(single));
        OffsetDateTime stored = OffsetDateTime.now();
        long t0 = System.nanoTime();
        for (int i = 0; i < statements.size(); i += BATCH) {
            List<NewStatement> batch = new ArrayList<>(BATCH);
            for (String text : statements.subList(i, Math.min(statements.size(), i + BATCH))) {
                JsonNode s = JSON.readTree(text);
                batch.add(new NewStatement(StatementFacts.of(s.get("id").asText(), s), text, false, List.of(), stored, "bench"));
            }
            tx.executeWithoutResult(t -> store.insert(batch));
        }
        double rate = statements.size() / ((System.nanoTime() - t0) / 1e9);
        single.destroy();
        return rate;
    }

    /** A fresh H2 file database with the hub's durability, or the PostgreSQL named by {@code bench.postgres}. */
    static DataSource dataSource(String name) throws IOException {
        return POSTGRES != null ? new DriverManagerDataSource(POSTGRES, "postgres", "")
                : new DriverManagerDataSource(Scratch.durableH2(name), "sa", "");
    }

    static void emptyPostgres() throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
    }

    /** Jackson tree parse of every statement and one JDBC batch insert of a row each per 1,000, one commit each. */
    static double rawLimit(List<String> statements) throws Exception {
        try (Connection c = dataSource("bench-xapi-raw").getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists statement_raw");
                s.execute("create table statement_raw (id varchar(36) primary key, verb_id varchar(2048), actor varchar(2048),"
                        + " activity_id varchar(2048), body varchar(1000000))");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("insert into statement_raw values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < statements.size(); i++) {
                    JsonNode s = JSON.readTree(statements.get(i));
                    ps.setString(1, s.path("id").asText());
                    ps.setString(2, s.path("verb").path("id").asText());
                    ps.setString(3, s.path("actor").path("account").path("name").asText());
                    ps.setString(4, s.path("object").path("id").asText());
                    ps.setString(5, statements.get(i));
                    ps.addBatch();
                    if (i % 1000 == 999 || i == statements.size() - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return statements.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
