package io.skillbridge.connector.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DropTemplatesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    @Test
    void secretReferencesBecomeEnvPlaceholdersAndLiteralSecretsAreRefused() {
        Map<String, Object> given = new HashMap<>(Map.of("connectorId", "c", "password", "${SFTP_PASSWORD}",
                "privateKeyPassphrase", "", "include", "", "delimiter", ";"));

        Map<String, Object> passed = DropTemplates.withSecretPlaceholders("c", given);

        assertThat(passed).containsEntry("password", "{{env:SFTP_PASSWORD}}").containsEntry("privateKeyPassphrase", "")
                .containsEntry("include", ".*").containsEntry("delimiter", ";");
        given.put("password", "hunter2");
        assertThatThrownBy(() -> DropTemplates.withSecretPlaceholders("c", given))
                .hasMessageContaining("password must be an environment reference").message()
                .doesNotContain("hunter2");
    }

    /** Both kamelets hold to the rules the connector catalog relies on. */
    @ParameterizedTest
    @ValueSource(strings = {"file-drop", "sftp-drop"})
    void everyPropertyIsDocumentedDefaultedAndUsed(String name) throws IOException {
        String text = Files.readString(Path.of("routes/templates", name + ".kamelet.yaml"));
        JsonNode kamelet = new ObjectMapper(new YAMLFactory()).readTree(text);
        JsonNode definition = kamelet.path("spec").path("definition");
        Set<String> required = new HashSet<>();
        definition.path("required").forEach(r -> required.add(r.asText()));
        Set<String> declared = new TreeSet<>();
        definition.path("properties").fields().forEachRemaining(p -> {
            declared.add(p.getKey());
            assertThat(p.getValue().has("title") && p.getValue().has("description") && p.getValue().has("type"))
                    .as(name + "." + p.getKey() + " has title, description and type").isTrue();
            assertThat(required.contains(p.getKey()) || p.getValue().has("default"))
                    .as(name + "." + p.getKey() + " is required or has a default").isTrue();
            assertThat(DropTemplates.SECRETS.contains(p.getKey()))
                    .as(name + "." + p.getKey() + " is a secret exactly when its format is password")
                    .isEqualTo("password".equals(p.getValue().path("format").asText()));
        });
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(new ObjectMapper().writeValueAsString(kamelet.path("spec").path("template")));
        while (m.find()) {
            used.add(m.group(1));
        }

        assertThat(kamelet.path("metadata").path("name").asText()).isEqualTo(name);
        assertThat(used).isEqualTo(declared);
        assertThat(declared).containsAll(Set.of("connectorId", "system", "entity", "mapping", "matchBy", "reconcile",
                "directory", "format", "delimiter", "encoding", "pageSize", "recordIdField", "include",
                "pollInterval"));
        assertThat(definition.path("properties").path("reconcile").path("default").asBoolean(true)).isFalse();
    }
}
