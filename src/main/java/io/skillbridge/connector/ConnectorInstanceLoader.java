package io.skillbridge.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.mapping.MappingService;
import io.skillbridge.system.YamlConfigFiles;
import io.skillbridge.system.Secrets;
import org.springframework.core.env.PropertyResolver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the connector files, Debezium-style: every parameter is checked against the declaration of
 * its kind, and every problem is reported with the file and the parameter, all at once, before anything starts.
 */
public class ConnectorInstanceLoader {

    private static final Set<String> TOP_LEVEL = Set.of("id", "kind", "enabled", "description", "parameters");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Map<String, ConnectorKind> kinds;
    private final PropertyResolver properties;
    private final MappingService mappings;

    public ConnectorInstanceLoader(Map<String, ConnectorKind> kinds, PropertyResolver properties, MappingService mappings) {
        this.kinds = kinds;
        this.properties = properties;
        this.mappings = mappings;
    }

    /** @throws ConnectorConfigException listing every problem found in every file */
    public List<ConnectorInstance> load(Path dir) {
        List<ConnectorInstance> instances = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : YamlConfigFiles.list(dir, problems)) {
            ConnectorInstance i = read(f, problems);
            if (i != null) {
                if (instances.stream().anyMatch(o -> o.id().equals(i.id()))) {
                    problems.add(f + ": connector id '" + i.id() + "' is used by another file too");
                }
                instances.add(i);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConnectorConfigException(problems);
        }
        return instances;
    }

    ConnectorInstance read(Path file, List<String> problems) {
        JsonNode root = YamlConfigFiles.readMapping(file, "kind and parameters", problems);
        if (root == null) {
            return null;
        }
        int before = problems.size();
        root.fieldNames().forEachRemaining(n -> {
            if (!TOP_LEVEL.contains(n)) {
                problems.add(file + ": unknown key '" + n + "' (known: " + TOP_LEVEL + ")");
            }
        });
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String id = root.path("id").asText(name);
        if (!ID.matcher(id).matches()) {
            problems.add(file + ": connector id '" + id + "' must be lower-case letters, digits and dashes");
        }
        String kindName = root.path("kind").asText(null);
        ConnectorKind kind = kindName == null ? null : kinds.get(kindName);
        if (kind == null) {
            problems.add(file + ": " + (kindName == null ? "kind is missing" : "kind '" + kindName + "' is not a connector template")
                    + " (known: " + String.join(", ", kinds.keySet()) + ")");
            return null;
        }
        boolean enabled = root.path("enabled").asBoolean(true);
        Map<String, Object> given = new LinkedHashMap<>();
        JsonNode params = root.path("parameters");
        params.fields().forEachRemaining(e -> given.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue()));
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            ConnectorKind.Parameter p = kind.parameters().get(e.getKey());
            if (p == null || e.getKey().equals("connectorId")) {
                problems.add(file + ": parameter '" + e.getKey() + "' is not a parameter of " + kind.name()
                        + " (known: " + String.join(", ", kind.parameters().keySet().stream().filter(k -> !k.equals("connectorId")).toList()) + ")");
                continue;
            }
            if (!(e.getValue() instanceof String value)) {
                problems.add(file + ": parameter '" + e.getKey() + "' must be a single value");
                continue;
            }
            if (p.secret()) {
                if (!value.isEmpty() && !Secrets.isReference(value) && !p.literalAllowed()) {
                    problems.add(file + ": parameter '" + e.getKey() + "' is a secret: give it as ${ENV_NAME}, never as a value in a file");
                }
                resolved.put(e.getKey(), value);
                continue;
            }
            try {
                value = properties.resolveRequiredPlaceholders(value);
            } catch (IllegalArgumentException ex) {
                problems.add(file + ": parameter '" + e.getKey() + "': " + ex.getMessage());
                continue;
            }
            String typeProblem = typeProblem(p, value);
            if (typeProblem != null) {
                problems.add(file + ": parameter '" + e.getKey() + "' " + typeProblem);
                continue;
            }
            resolved.put(e.getKey(), value);
        }
        for (ConnectorKind.Parameter p : kind.parameters().values()) {
            if (p.required() && !p.name().equals("connectorId") && !resolved.containsKey(p.name()) && !given.containsKey(p.name())) {
                problems.add(file + ": parameter '" + p.name() + "' is required by " + kind.name() + " (" + p.title() + ": "
                        + p.description() + ")");
            }
        }
        Object mapping = resolved.get("mapping");
        if (mapping != null && enabled) {
            try {
                mappings.check(mapping.toString());
            } catch (RuntimeException ex) {
                problems.add(file + ": parameter 'mapping': " + ex.getMessage());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        resolved.put("connectorId", id);
        return new ConnectorInstance(id, kind.name(), enabled, root.path("description").asText(""), file, resolved);
    }

    private static String typeProblem(ConnectorKind.Parameter p, String value) {
        if (!p.allowed().isEmpty() && !p.allowed().contains(value)) {
            return "is '" + value + "'; allowed: " + String.join(", ", p.allowed());
        }
        switch (p.type()) {
            case "integer" -> {
                try {
                    Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    return "must be a whole number, got '" + value + "'";
                }
            }
            case "boolean" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    return "must be true or false, got '" + value + "'";
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }
}
