package io.skillbridge.connector.file;

import io.skillbridge.system.Secrets;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SftpDropIT extends DropRouteTestSupport {

    private static final String USER = "hub";
    private static final String PASSWORD_VARIABLE = "ACME_SFTP_PASSWORD";
    private static final String PASSWORD = "s3cret&with=odd%chars";

    @TempDir
    Path root;

    @TempDir
    Path work;

    private SshServer server;
    private Path drop;

    @BeforeEach
    void startServer() throws Exception {
        drop = Files.createDirectories(root.resolve("inbox"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(work.resolve("host.key")));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        // the hub's secret resolver, reading the password from a property as it would from the environment
        context.getPropertiesComponent().addPropertiesFunction(new SecretsFunction(
                new Secrets(new MockEnvironment().withProperty(PASSWORD_VARIABLE, PASSWORD))));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(true);
    }

    private Map<String, Object> sftpParameters(String password) {
        return parameters(Map.of(
                "host", "127.0.0.1",
                "port", server.getPort(),
                "username", USER,
                "password", password,
                "strictHostKeyChecking", "no",
                "directory", "inbox",
                "localWorkDirectory", work.resolve("downloads").toString()));
    }

    @Override
    void addConnector() throws Exception {
        DropTemplates.addRoute(context, DropTemplates.SFTP_DROP, sftpParameters("${" + PASSWORD_VARIABLE + "}"));
    }

    /** The server's inbox: files dropped there arrive over SFTP. */
    @Override
    Path dropFolder() {
        return drop;
    }

    /** The local copy that the download went through is gone. */
    @Override
    void assertNothingLeftBehind() {
        assertThat(work.resolve("downloads").resolve(CONNECTOR)).isEmptyDirectory();
    }

    @Test
    void aFailedFileGoesToErrorOnTheServerWithItsReason() throws Exception {
        addConnector();

        drop(drop, "failing.csv", FAILING_CSV);
        drop(drop, "dup.csv", DUPLICATE_HEADER_CSV);

        awaitFile(drop.resolve("error/failing.csv"));
        awaitFile(drop.resolve("error/dup.csv"));
        assertThat(read(drop.resolve("error/failing.csv.reason.txt")))
                .contains(CONNECTOR, "failing.csv", RecordingSyncService.FAILURE)
                .doesNotContain(PASSWORD);
        assertThat(read(drop.resolve("error/dup.csv.reason.txt"))).contains("header 'employeeId' appears twice");
        assertThat(drop.resolve("done")).doesNotExist();
    }

    @Test
    void theRouteKeepsOnlyTheReferenceToTheSecret() throws Exception {
        addConnector();

        String model = context.getRoute(CONNECTOR).getEndpoint().getEndpointUri()
                + context.getRoute(CONNECTOR).getProperties();

        assertThat(model).doesNotContain(PASSWORD);
        assertThatThrownBy(() -> DropTemplates.addRoute(context, DropTemplates.SFTP_DROP, sftpParameters(PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("environment reference")
                .message().doesNotContain(PASSWORD);
    }
}
