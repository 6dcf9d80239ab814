package io.skillbridge.outbound;

import io.skillbridge.TestStore;
import io.skillbridge.HubHome;
import io.skillbridge.skills.evidence.EvidenceLedger;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The skills write-back as a CSV file on an embedded SFTP server (Apache MINA SSHD), the way an HRIS that imports
 * files receives it: evidence in, profiles recomputed, the outbox rows of a batch written as one file.
 */
@SpringBootTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sftpexport;DB_CLOSE_DELAY=-1")
class SftpExportIT {

    static final String PASSWORD = "sftp-pass-0001&odd";
    static final Path root;
    static final SshServer server = SshServer.setUpDefaultServer();
    static final HubHome home = new HubHome();

    static {
        try {
            root = Files.createTempDirectory("sftp-root");
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolveSibling(root.getFileName() + ".key")));
            server.setPasswordAuthenticator((user, password, session) -> "hub".equals(user) && PASSWORD.equals(password));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        home.write("config/targets/hris-file.yaml", """
                kind: sftp-export
                system: hr
                events: [profile.updated]
                host: 127.0.0.1
                port: %d
                username: hub
                password: ${TEST_SFTP_PASSWORD}
                strictHostKeyChecking: "no"
                directory: import
                fileName: skills-{id}.csv
                mapping: generic-csv/skills-export.jsonata
                columns: [externalId, employeeId, skill, skillName, level, levelName, evidenceCount]
                batchSize: 2
                intervalSeconds: 600
                maxAttempts: 5
                backoffMs: 200
                """.formatted(server.getPort()));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        home.register(r);
        r.add("skillbridge.outbound.poll-ms", () -> "100");
        r.add("TEST_SFTP_PASSWORD", () -> PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(true);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EvidenceLedger ledger;

    @BeforeEach
    void clean() throws IOException {
        TestStore.empty(jdbc);
        OutboundFixtures.person(jdbc, "p-1", "ada@acme.example", "hr=H1");
        OutboundFixtures.person(jdbc, "p-2", "bob@acme.example", "hr=H2");
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(f -> !f.equals(root)).forEach(f -> f.toFile().delete());
        }
    }

    private List<Path> files() throws IOException {
        Path dir = root.resolve("import");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private long firstRow() {
        return jdbc.queryForObject("select min(id) from outbox", Long.class);
    }

    @Test
    void aFullBatchIsWrittenAsOneCsvFileUnderItsFinalNameAndItsRowsAreDelivered() throws IOException {
        Files.createDirectories(root.resolve("import"));

        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "assessments", "a-1");
        OutboundFixtures.claim(tx, ledger, "p-2", "excel", 2.5, "assessments", "a-2");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where status = 'delivered'", Integer.class) == 2);
        Path file = root.resolve("import/skills-" + firstRow() + ".csv");
        assertThat(files()).containsExactly(file);
        assertThat(Files.readString(file)).isEqualTo("""
                externalId,employeeId,skill,skillName,level,levelName,evidenceCount\r
                H1,E-p-1,sql,SQL,3,Intermediate,1\r
                H2,E-p-2,excel,Microsoft Excel,2,Beginner,1\r
                """);
        assertThat(jdbc.queryForList("select attempts from outbox", Integer.class)).containsOnly(1);
    }

    @Test
    void aFailedUploadLeavesTheRowsPendingAndTheRetryWritesTheSameLines() throws IOException {
        // no import directory on the server yet: the upload fails
        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "assessments", "a-1");
        OutboundFixtures.claim(tx, ledger, "p-2", "excel", 2.5, "assessments", "a-2");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where attempts > 0", Integer.class) == 2);
        List<Map<String, Object>> failed = jdbc.queryForList("select status, last_error, body from outbox order by id");
        assertThat(failed).extracting(r -> r.get("STATUS")).containsOnly("pending");
        assertThat(failed).extracting(r -> (String) r.get("LAST_ERROR"))
                .allSatisfy(e -> assertThat(e).contains("SFTP upload of sftp://127.0.0.1:" + server.getPort() + "/import/skills-")
                        .doesNotContain(PASSWORD));
        assertThat(root.resolve("import")).doesNotExist();

        Files.createDirectories(root.resolve("import"));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where status = 'delivered'", Integer.class) == 2);
        assertThat(files()).hasSize(1).allSatisfy(f -> assertThat(f.getFileName().toString()).doesNotEndWith(".part"));
        assertThat(Files.readString(files().get(0))).contains("H1,E-p-1,sql,SQL,3,Intermediate,1",
                "H2,E-p-2,excel,Microsoft Excel,2,Beginner,1");
        assertThat(jdbc.queryForList("select body from outbox order by id", String.class))
                .containsExactlyElementsOf(failed.stream().map(r -> (String) r.get("BODY")).toList());
    }

    @Test
    void rowsWaitForAFullBatch() throws IOException {
        Files.createDirectories(root.resolve("import"));

        OutboundFixtures.claim(tx, ledger, "p-1", "sql", 3.5, "assessments", "a-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox", Integer.class) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> "pending".equals(
                jdbc.queryForObject("select status from outbox", String.class)));
        assertThat(files()).isEmpty();
    }
}
