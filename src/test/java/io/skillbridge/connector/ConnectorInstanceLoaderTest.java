package io.skillbridge.connector;

import io.skillbridge.canonical.mapping.MappingService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connector files are checked against their kind before anything starts; every problem names file and parameter. */
class ConnectorInstanceLoaderTest {

    @TempDir
    Path home;
    Path connectors;
    ConnectorInstanceLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        connectors = Files.createDirectories(home.resolve("config/connectors"));
        Files.createDirectories(home.resolve("mappings/acme"));
        Files.writeString(home.resolve("mappings/acme/worker.jsonata"), "{ \"externalId\": id, \"status\": \"active\" }");
        Files.writeString(home.resolve("mappings/acme/broken.jsonata"), "{ \"externalId\": id, ");
        Map<String, ConnectorKind> kinds = ConnectorKinds.load(Path.of("routes/templates"));
        MockEnvironment env = new MockEnvironment().withProperty("acme.url", "https://api.acme.example");
        loader = new ConnectorInstanceLoader(kinds, env, new MappingService(home.resolve("mappings")));
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(connectors.resolve(name), yaml);
    }

    @Test
    void aValidFileIsLoadedWithPlaceholdersResolvedAndSecretsKeptAsReferences() throws IOException {
        write("acme-workers.yaml", """
                kind: http-pull
                parameters:
                  system: acme
                  mapping: acme/worker.jsonata
                  baseUrl: ${acme.url}/v1
                  authType: oauth2
                  clientSecret: ${ACME_SECRET}
                  pageSize: 500
                """);

        List<ConnectorInstance> loaded = loader.load(connectors);

        assertThat(loaded).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("acme-workers");
            assertThat(i.parameters()).containsEntry("baseUrl", "https://api.acme.example/v1")
                    .containsEntry("clientSecret", "${ACME_SECRET}").containsEntry("connectorId", "acme-workers");
            assertThat(i.settings().getSystem()).isEqualTo("acme");
        });
    }

    @Test
    void everyProblemOfEveryFileIsReportedWithFileAndParameter() throws IOException {
        write("a-unknown-kind.yaml", "kind: soap-pull\nparameters:\n  system: acme\n");
        write("b-missing.yaml", "kind: http-pull\nparameters:\n  system: acme\n  mapping: acme/worker.jsonata\n");
        write("c-broken-mapping.yaml", "kind: http-pull\nparameters:\n  system: acme\n  mapping: acme/broken.jsonata\n"
                + "  baseUrl: https://x.example\n");
        write("d-typos.yaml", "kind: http-pull\nparameters:\n  system: acme\n  mapping: acme/worker.jsonata\n"
                + "  baseUrl: https://x.example\n  pagesize: 10\n  pageSize: ten\n  pagination: sideways\n");
        write("e-literal-secret.yaml", "kind: http-pull\nparameters:\n  system: acme\n  mapping: acme/worker.jsonata\n"
                + "  baseUrl: https://x.example\n  apiKey: hunter2-literal\n");
        write("f-unresolved.yaml", "kind: http-pull\nparameters:\n  system: acme\n  mapping: acme/worker.jsonata\n"
                + "  baseUrl: ${nowhere.url}\n");

        assertThatThrownBy(() -> loader.load(connectors)).isInstanceOf(ConnectorConfigException.class)
                .satisfies(e -> assertThat(((ConnectorConfigException) e).problems()).satisfiesExactly(
                        p -> assertThat(p).contains("a-unknown-kind.yaml", "kind 'soap-pull' is not a connector template",
                                "http-pull"),
                        p -> assertThat(p).contains("b-missing.yaml", "parameter 'baseUrl' is required by http-pull"),
                        p -> assertThat(p).contains("c-broken-mapping.yaml", "parameter 'mapping'", "acme/broken.jsonata",
                                "does not compile"),
                        p -> assertThat(p).contains("d-typos.yaml", "parameter 'pagesize' is not a parameter of http-pull"),
                        p -> assertThat(p).contains("d-typos.yaml", "parameter 'pageSize' must be a whole number"),
                        p -> assertThat(p).contains("d-typos.yaml", "parameter 'pagination' is 'sideways'", "offset"),
                        p -> assertThat(p).contains("e-literal-secret.yaml", "parameter 'apiKey' is a secret")
                                .doesNotContain("hunter2"),
                        p -> assertThat(p).contains("f-unresolved.yaml", "parameter 'baseUrl'", "nowhere.url")))
                .hasMessageContaining("will not start");
    }
}
