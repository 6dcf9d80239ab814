package io.skillbridge.connector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorKindsTest {

    static Stream<String> shippedTemplates() {
        return ConnectorKinds.load(Path.of("routes/templates")).keySet().stream();
    }

    @Test
    void theFourKindsShip() {
        assertThat(shippedTemplates()).containsExactly("file-drop", "http-pull", "lrs-pull", "sftp-drop");
    }

    @ParameterizedTest
    @MethodSource("shippedTemplates")
    void everyShippedParameterIsTitledDescribedDefaultedAndUsed(String name) {
        ConnectorKind kind = ConnectorKinds.load(Path.of("routes/templates")).get(name);

        assertThat(ConnectorKinds.problems(kind)).isEmpty();
        assertThat(kind.parameters()).containsKeys("connectorId", "system");
        if (!name.equals("lrs-pull")) {
            // statements are not mapped: an LRS pull stores them as the xAPI resource does
            assertThat(kind.parameters()).containsKeys("entity", "mapping", "matchBy", "reconcile");
        }
    }

    @Test
    void aParameterDeclaredButUnusedOrUsedButUndeclaredIsAProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.kamelet.yaml");
        Files.writeString(file, """
                apiVersion: camel.apache.org/v1
                kind: Kamelet
                metadata:
                  name: broken
                spec:
                  definition:
                    title: Broken
                    required: [connectorId]
                    properties:
                      connectorId: {title: Id, description: The id, type: string}
                      unused: {title: Unused, description: Never used, type: string, default: ""}
                      untitled: {description: No title and no default, type: string}
                  template:
                    from:
                      uri: "timer:{{connectorId}}"
                      steps:
                        - to: "log:{{untitled}}?level={{undeclared}}"
                """);

        assertThat(ConnectorKinds.problems(ConnectorKinds.read(file))).containsExactlyInAnyOrder(
                "template broken: parameter 'unused' is declared but not used in the template",
                "template broken: parameter 'untitled' has no title",
                "template broken: parameter 'untitled' is optional but has no default",
                "template broken: {{undeclared}} is used but not declared");
    }
}
