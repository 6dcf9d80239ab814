package io.skillbridge.xapi.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skillbridge.system.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An LRS that the hub forwards the statements it accepts to, from {@code config/xapi/forwarding.yaml}.
 *
 * @param skipClients statements these clients or pull connectors sent are not forwarded (those pulled from the
 *                    target itself would only come back to it)
 * @param verbs       only statements of these verbs are forwarded; all when empty (voiding statements always are,
 *                    so that the target voids what it was sent)
 */
public record ForwardTarget(String id, String endpoint, String username, String password, int batchSize,
                            Set<String> skipClients, Set<String> verbs) {

    @Override
    public String toString() {
        return "ForwardTarget[" + id + " " + endpoint + "]";
    }

    static List<ForwardTarget> load(Path file, Secrets secrets) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not readable YAML: " + e.getMessage(), e);
        }
        List<ForwardTarget> targets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode t : root == null ? List.<JsonNode>of() : root.path("targets")) {
            String id = t.path("id").asText("");
            String endpoint = t.path("endpoint").asText("");
            if (id.isBlank() || endpoint.isBlank() || !ids.add(id)) {
                throw new IllegalStateException(file + ": each target needs its own id and an endpoint ('" + id + "')");
            }
            String password = t.path("password").asText("");
            if (!password.isEmpty() && !Secrets.isReference(password)) {
                throw new IllegalStateException(file + ": target '" + id + "': password must be a reference such as ${LRS_SECRET}");
            }
            Set<String> skip = new HashSet<>();
            t.path("skipClients").forEach(c -> skip.add(c.asText()));
            Set<String> verbs = new HashSet<>();
            t.path("verbs").forEach(v -> verbs.add(v.asText()));
            targets.add(new ForwardTarget(id, endpoint.endsWith("/") ? endpoint : endpoint + "/", t.path("username").asText(""),
                    password.isEmpty() ? "" : secrets.resolve(password), t.path("batchSize").asInt(100), Set.copyOf(skip),
                    Set.copyOf(verbs)));
        }
        return targets;
    }
}
