package io.skillbridge.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the connector kinds (Kamelet route templates) under {@code routes/templates/}. */
public final class ConnectorKinds {

    public static final String SUFFIX = ".kamelet.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    private ConnectorKinds() {
    }

    public static Map<String, ConnectorKind> load(Path templatesDir) {
        Map<String, ConnectorKind> kinds = new TreeMap<>();
        if (!Files.isDirectory(templatesDir)) {
            return kinds;
        }
        try (Stream<Path> files = Files.list(templatesDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                ConnectorKind k = read(f);
                kinds.put(k.name(), k);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read connector templates in " + templatesDir + ": " + e.getMessage(), e);
        }
        return kinds;
    }

    public static ConnectorKind read(Path file) throws IOException {
        String source = Files.readString(file);
        JsonNode root = YAML.readTree(source);
        String name = root.path("metadata").path("name").asText(null);
        if (name == null) {
            throw new IllegalStateException(file + ": metadata.name is missing");
        }
        JsonNode def = root.path("spec").path("definition");
        Set<String> required = new HashSet<>();
        def.path("required").forEach(n -> required.add(n.asText()));
        Map<String, ConnectorKind.Parameter> params = new LinkedHashMap<>();
        def.path("properties").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            List<String> allowed = new ArrayList<>();
            p.path("enum").forEach(v -> allowed.add(v.asText()));
            Object dflt = p.has("default") ? YAML.convertValue(p.get("default"), Object.class) : null;
            params.put(e.getKey(), new ConnectorKind.Parameter(e.getKey(), p.path("title").asText(null),
                    p.path("description").asText(null), p.path("type").asText("string"), dflt,
                    required.contains(e.getKey()), "password".equals(p.path("format").asText()),
                    p.path("x-literal-allowed").asBoolean(false), allowed));
        });
        return new ConnectorKind(name, def.path("title").asText(name), def.path("description").asText(""), params,
                YAML.writeValueAsString(root.path("spec").path("template")));
    }

    /**
     * What is wrong with a template, Kamelet-catalog style: a parameter without a title or description, an optional
     * parameter without a default, a parameter declared but never used in the template body, or used but not
     * declared. The hub refuses to start with such a template.
     */
    public static List<String> problems(ConnectorKind kind) {
        List<String> problems = new ArrayList<>();
        Set<String> used = usedParameters(kind);
        for (ConnectorKind.Parameter p : kind.parameters().values()) {
            String where = "template " + kind.name() + ": parameter '" + p.name() + "'";
            if (p.title() == null || p.title().isBlank()) {
                problems.add(where + " has no title");
            }
            if (p.description() == null || p.description().isBlank()) {
                problems.add(where + " has no description");
            }
            if (!p.required() && p.defaultValue() == null) {
                problems.add(where + " is optional but has no default");
            }
            if (!used.contains(p.name())) {
                problems.add(where + " is declared but not used in the template");
            }
        }
        for (String u : new java.util.TreeSet<>(used)) {
            if (!kind.parameters().containsKey(u)) {
                problems.add("template " + kind.name() + ": {{" + u + "}} is used but not declared");
            }
        }
        return problems;
    }

    /** The parameters the template body refers to as {@code {{name}}}. */
    public static Set<String> usedParameters(ConnectorKind kind) {
        Set<String> used = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(kind.templateSource());
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }
}
