package io.skillbridge.connector.file;

import io.skillbridge.connector.ConnectorKind;
import io.skillbridge.connector.ConnectorKinds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DropTemplatesTest {

    @Test
    void secretReferencesBecomeSecretPlaceholdersAndLiteralSecretsAreRefused() {
        Map<String, Object> given = new HashMap<>(Map.of("connectorId", "c", "password", "${SFTP_PASSWORD}",
                "privateKeyPassphrase", "", "include", "", "delimiter", ";"));

        Map<String, Object> passed = DropTemplates.withSecretPlaceholders("c", given);

        assertThat(passed).containsEntry("password", "{{secret:SFTP_PASSWORD}}").containsEntry("privateKeyPassphrase", "")
                .containsEntry("include", ".*").containsEntry("delimiter", ";");
        given.put("password", "hunter2");
        assertThatThrownBy(() -> DropTemplates.withSecretPlaceholders("c", given))
                .hasMessageContaining("password must be an environment reference").message()
                .doesNotContain("hunter2");
    }

    /** What the file kinds add to the rules every kind keeps (ConnectorKindsTest). */
    @ParameterizedTest
    @ValueSource(strings = {"file-drop", "sftp-drop"})
    void fileKindsDeclareTheirSecretsAndReadingParameters(String name) throws IOException {
        ConnectorKind kind = ConnectorKinds.read(Path.of("routes/templates", name + ".kamelet.yaml"));

        kind.parameters().values().forEach(p -> assertThat(DropTemplates.SECRETS.contains(p.name()))
                .as(name + "." + p.name() + " is a secret exactly when its format is password").isEqualTo(p.secret()));
        assertThat(kind.parameters()).containsKeys("directory", "format", "delimiter", "encoding", "pageSize",
                "recordIdField", "include", "pollInterval");
        assertThat(kind.parameters().get("reconcile").defaultValue()).isEqualTo(false);
    }
}
