package io.skillbridge.outbound;

import io.skillbridge.canonical.mapping.MappingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetLoaderTest {

    @TempDir
    Path dir;

    private final TargetLoader loader = new TargetLoader(new MockEnvironment().withProperty("base", "https://wd.example"),
            new MappingService(Path.of("mappings")));

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private List<String> problems() {
        return ((TargetConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(dir))).problems();
    }

    @Test
    void aValidHttpPushTargetIsReadWithItsPlaceholdersResolvedAndItsSecretsKeptAsReferences() throws IOException {
        file("workday-skills.yaml", """
                kind: http-push
                system: workday
                events: [profile.updated]
                url: ${base}/workers/{externalId}/skills
                mapping: workday/skills-writeback.jsonata
                auth: {type: bearer, token: "${WD_TOKEN}"}
                """);

        Target t = loader.load(dir).get(0);

        assertThat(t.id()).isEqualTo("workday-skills");
        assertThat(t.url()).isEqualTo("https://wd.example/workers/{externalId}/skills");
        assertThat(t.method()).isEqualTo("PUT");
        assertThat(t.setting("auth.token", null)).isEqualTo("${WD_TOKEN}");
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnceNamingTheFileAndTheField() throws IOException {
        Path a = file("a.yaml", """
                kind: http-push
                events: [profile.updated, skills.changed]
                url: not a url
                method: DELETE
                colour: blue
                auth: {type: basic, username: u, password: plain-text-password}
                """);
        Path b = file("b.yaml", "kind: carrier-pigeon\n");

        List<String> problems = problems();

        assertThat(problems).contains(
                a + ": field 'auth.password' is a secret: give it as ${ENV_NAME}, never as a value in a file",
                a + ": field 'events' names 'skills.changed'; known: " + OutboundEvents.ALL,
                a + ": field 'url' is required: an http or https URL, got 'not a url'",
                a + ": field 'mapping' is required",
                b + ": field 'kind' is 'carrier-pigeon'; allowed: http-push, webhook, sftp-export");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(a + ": field 'colour' is not a field of http-push"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(a + ": field 'method' is 'DELETE'; allowed: "));
        assertThat(problems).hasSize(7);
        assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContain("plain-text-password"));
    }

    @Test
    void anSftpExportNeedsItsServerAFileNameAMappingColumnsAndASecretReference() throws IOException {
        Path f = file("hris-file.yaml", """
                kind: sftp-export
                events: [profile.updated]
                port: 0
                password: hunter2
                fileName: out/skills.csv
                batchSize: many
                """);

        assertThat(problems()).contains(
                f + ": field 'host' is required",
                f + ": field 'username' is required",
                f + ": field 'mapping' is required",
                f + ": field 'columns' is required",
                f + ": field 'password' is a secret: give it as ${ENV_NAME}, never as a value in a file",
                f + ": field 'fileName' is a name inside 'directory', without '/'",
                f + ": field 'port' must be 1 or more",
                f + ": field 'batchSize' must be a whole number, got 'many'",
                f + ": field 'knownHosts' is required: the known_hosts file that vouches for the server"
                        + " (or strictHostKeyChecking: no, for a test server only)");
    }

    @Test
    void aValidSftpExportNamesItsServerInItsUrl() throws IOException {
        file("hris-file.yaml", """
                kind: sftp-export
                system: hr
                events: [profile.updated]
                host: sftp.hris.example
                username: hub
                privateKey: ${HRIS_KEY}
                knownHosts: /etc/skillbridge/known_hosts
                directory: import
                fileName: skills-{timestamp}.csv
                mapping: generic-csv/skills-export.jsonata
                columns: [externalId, skill, level]
                batchSize: 100
                """);

        Target t = loader.load(dir).get(0);

        assertThat(t.kind()).isEqualTo(Target.Kind.SFTP_EXPORT);
        assertThat(t.url()).isEqualTo("sftp://sftp.hris.example:22/import");
        assertThat(t.batchSize()).isEqualTo(100);
        assertThat(t.intervalSeconds()).isEqualTo(300);
        assertThat(SftpExport.columns(t)).containsExactly("externalId", "skill", "level");
    }

    @Test
    void theShippedTargetFilesAreValid() {
        assertThatThrownBy(() -> new TargetLoader(new MockEnvironment(), new MappingService(Path.of("mappings")))
                .load(Path.of("config/targets"))).hasMessageContaining("skillbridge.demo.targets-url")
                .isInstanceOf(TargetConfigException.class);
        List<Target> shipped = new TargetLoader(new MockEnvironment().withProperty("skillbridge.demo.targets-url",
                "https://targets.example").withProperty("DEMO_TARGETS_API_KEY", "demo"), new MappingService(Path.of("mappings"))).load(Path.of("config/targets"));
        assertThat(shipped).extracting(Target::id).containsExactlyInAnyOrder("bamboohr-skills", "moodle-enrolments",
                "scormcloud-registrations", "workday-skills");
    }
}
