package io.skillbridge.connector.file;

import io.skillbridge.HubHome;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end through the hub: a CSV worker file dropped on an SFTP server lands people in the store through the
 * shipped generic-csv mapping; a malformed row becomes a dead letter carrying its line number; the file moves to
 * done/ on the server.
 */
@SpringBootTest
class SftpCsvSyncIT {

    static final String PASSWORD = "drop-box-pa55";
    static final Path root;
    static final SshServer server;
    static final HubHome home = new HubHome();

    static {
        try {
            root = Files.createTempDirectory("sftp-root");
            Files.createDirectories(root.resolve("inbox"));
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolveSibling(root.getFileName() + ".key")));
            server.setPasswordAuthenticator((user, password, session) -> "hr-export".equals(user) && PASSWORD.equals(password));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        home.write("config/connectors/hr-sftp.yaml", """
                kind: sftp-drop
                description: HR CSV export on the payroll provider's SFTP server
                parameters:
                  system: hrcsv
                  mapping: generic-csv/worker.jsonata
                  host: 127.0.0.1
                  port: %d
                  username: hr-export
                  password: ${HR_SFTP_PASSWORD}
                  strictHostKeyChecking: "no"
                  directory: inbox
                  localWorkDirectory: %s
                  pollInterval: 200
                  readLockCheckInterval: 200
                """.formatted(server.getPort(), home.root().resolve("sftp-work")));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("skillbridge.home", () -> home.root().toString());
        r.add("skillbridge.demo.enabled", () -> "false");
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:sftpcsv;DB_CLOSE_DELAY=-1");
        r.add("HR_SFTP_PASSWORD", () -> PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(true);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCsvDroppedOnSftpLandsPeopleAndItsMalformedRowIsADeadLetterWithItsLine() throws IOException {
        String csv = """
                employee_id,email,first_name,last_name,status,hire_date,termination_date,manager_id,job_code,job_title,job_family,job_level,org_code,org_name,location
                E1000,olga.berg@acme.example,Olga,Berg,Active,2011-02-14,,,OPS-DIR,"Director, Operations",Operations,Director,OPS,Operations,Austin
                E1001,Maya.Patel@acme.example,Maya,Patel,Active,2018-04-09,,E1000,CSM-1,Customer Success Manager,Customer Service,Professional,CS-AM,Customer Success,Austin
                E1002,jo.kim@acme.example,Jo,Kim,Active,2019-01-07,,E1000,CSM-1,Customer Success Manager,Customer Service,Professional,CS-AM,Customer Success,Austin,surplus
                E1003,li.wu@acme.example,Li,Wu,Terminated,2015-05-01,2024-03-31,E1001,CSR-2,Support Rep II,Customer Service,Associate,CS-AM,Customer Success,Austin
                """;
        Path part = root.resolve("inbox/workers.csv.part");
        Files.writeString(part, csv);
        Files.move(part, root.resolve("inbox/workers.csv"), StandardCopyOption.ATOMIC_MOVE);

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(root.resolve("inbox/done/workers.csv")));

        List<Map<String, Object>> people = jdbc.queryForList("select p.employee_id, p.status, p.termination_date,"
                + " m.employee_id as manager from person p left join person m on m.id = p.manager_id order by p.employee_id");
        assertThat(people).extracting(p -> p.get("EMPLOYEE_ID")).containsExactly("E1000", "E1001", "E1003");
        assertThat(people.get(1)).containsEntry("MANAGER", "E1000");
        assertThat(people.get(2)).containsEntry("STATUS", "terminated").containsEntry("MANAGER", "E1001");
        Map<String, Object> letter = jdbc.queryForMap("select record_ref, stage, reason, payload from dead_letter");
        assertThat(letter).containsEntry("RECORD_REF", "line 4").containsEntry("STAGE", "read");
        assertThat(letter.get("REASON").toString()).contains("line 4");
        assertThat(letter.get("PAYLOAD").toString()).contains("E1002");
        assertThat(jdbc.queryForMap("select status, records_read, records_created, records_failed from sync_run"))
                .containsEntry("STATUS", "partial").containsEntry("RECORDS_CREATED", 3).containsEntry("RECORDS_FAILED", 1);
    }
}
