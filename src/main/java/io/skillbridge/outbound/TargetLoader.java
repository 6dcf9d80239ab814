package io.skillbridge.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.mapping.MappingService;
import io.skillbridge.system.Secrets;
import io.skillbridge.system.YamlConfigFiles;
import okhttp3.HttpUrl;
import org.springframework.core.env.PropertyResolver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates the target files under {@code config/targets/} the way connector files are: every key checked
 * against its kind, secrets only as references, the mapping compiled, and every problem reported at once with the
 * file and the field before anything is delivered.
 */
public class TargetLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> COMMON = Set.of("id", "kind", "description", "enabled", "system", "events",
            "maxAttempts", "backoffMs");
    private static final Map<Target.Kind, Set<String>> KEYS = Map.of(
            Target.Kind.HTTP_PUSH, Set.of("url", "method", "mapping", "format", "errorPath", "auth"),
            Target.Kind.WEBHOOK, Set.of("url", "secret"),
            Target.Kind.SFTP_EXPORT, Set.of("host", "port", "username", "password", "privateKey", "knownHosts",
                    "strictHostKeyChecking", "directory", "fileName", "mapping", "columns", "batchSize", "intervalSeconds"));
    static final String DEFAULT_BATCH_SIZE = "500";
    static final String DEFAULT_INTERVAL_SECONDS = "300";
    private static final Set<String> AUTH_KEYS = Set.of("type", "username", "password", "token", "name", "in", "value",
            "tokenUrl", "clientId", "clientSecret", "scope");
    /** Fields whose values are credentials: only {@code ${NAME}} references, resolved when a delivery is sent. */
    private static final Set<String> SECRETS = Set.of("secret", "auth.password", "auth.token", "auth.value",
            "auth.clientSecret", "password", "privateKey");
    private static final Set<String> AUTH_TYPES = Set.of("none", "basic", "bearer", "api-key", "oauth2");

    private final PropertyResolver properties;
    private final MappingService mappings;

    public TargetLoader(PropertyResolver properties, MappingService mappings) {
        this.properties = properties;
        this.mappings = mappings;
    }

    /** @throws TargetConfigException listing every problem of every file */
    public List<Target> load(Path dir) {
        List<Target> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : YamlConfigFiles.list(dir, problems)) {
            Target t = read(f, problems);
            if (t != null) {
                targets.add(t);
            }
        }
        if (!problems.isEmpty()) {
            throw new TargetConfigException(problems);
        }
        return targets;
    }

    /** @return the target, or null (with its problems added) when it is invalid or disabled */
    Target read(Path file, List<String> problems) {
        JsonNode root = YamlConfigFiles.readMapping(file, "kind, url and events", problems);
        if (root == null) {
            return null;
        }
        int before = problems.size();
        String id = root.path("id").asText(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        if (!ID.matcher(id).matches() || id.startsWith("webhook-")) {
            problems.add(file + ": target id '" + id + "' must be lower-case letters, digits and dashes, not starting"
                    + " with 'webhook-' (the API's subscriptions use those)");
        }
        String kindName = root.path("kind").asText("");
        Target.Kind kind = Arrays.stream(Target.Kind.values()).filter(k -> k.wire().equals(kindName)).findFirst().orElse(null);
        if (kind == null) {
            problems.add(file + ": field 'kind' is '" + kindName + "'; allowed: "
                    + Arrays.stream(Target.Kind.values()).map(Target.Kind::wire).collect(Collectors.joining(", ")));
            return null;
        }
        Set<String> allowed = new LinkedHashSet<>(COMMON);
        allowed.addAll(KEYS.get(kind));
        root.fieldNames().forEachRemaining(n -> {
            if (!allowed.contains(n)) {
                problems.add(file + ": field '" + n + "' is not a field of " + kind.wire() + " (known: " + allowed + ")");
            }
        });
        Map<String, String> settings = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            if (e.getKey().equals("auth")) {
                e.getValue().fields().forEachRemaining(a -> {
                    if (!AUTH_KEYS.contains(a.getKey())) {
                        problems.add(file + ": field 'auth." + a.getKey() + "' is not an auth field (known: " + AUTH_KEYS + ")");
                    }
                    settings.put("auth." + a.getKey(), a.getValue().asText());
                });
            } else if (e.getValue().isValueNode()) {
                settings.put(e.getKey(), e.getValue().asText());
            } else if (e.getKey().equals("columns")) {
                List<String> columns = new ArrayList<>();
                e.getValue().forEach(c -> columns.add(c.asText()));
                settings.put("columns", String.join(",", columns));
            }
        });
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (SECRETS.contains(e.getKey())) {
                if (!Secrets.isReference(e.getValue())) {
                    problems.add(file + ": field '" + e.getKey() + "' is a secret: give it as ${ENV_NAME}, never as a value in a file");
                }
            } else {
                try {
                    e.setValue(properties.resolveRequiredPlaceholders(e.getValue()));
                } catch (IllegalArgumentException ex) {
                    problems.add(file + ": field '" + e.getKey() + "': " + ex.getMessage());
                }
            }
        }
        Set<String> events = new LinkedHashSet<>();
        root.path("events").forEach(n -> events.add(n.asText()));
        if (events.isEmpty()) {
            problems.add(file + ": field 'events' is required: a list of " + OutboundEvents.ALL);
        }
        events.stream().filter(e -> !OutboundEvents.ALL.contains(e)).forEach(e ->
                problems.add(file + ": field 'events' names '" + e + "'; known: " + OutboundEvents.ALL));
        String url = kind == Target.Kind.SFTP_EXPORT ? "sftp://" + settings.get("host") + ":"
                + settings.getOrDefault("port", "22") + "/" + settings.getOrDefault("directory", "") : settings.get("url");
        if (kind == Target.Kind.SFTP_EXPORT) {
            sftp(file, settings, problems);
        } else if (url == null || HttpUrl.parse(url) == null) {
            problems.add(file + ": field 'url' is required: an http or https URL" + (url == null ? "" : ", got '" + url + "'"));
        }
        if (kind == Target.Kind.HTTP_PUSH) {
            require(file, settings, problems, "mapping");
            oneOf(file, settings, problems, "method", "PUT", Set.of("PUT", "PATCH", "POST"));
            oneOf(file, settings, problems, "format", "json", Set.of("json", "form"));
            oneOf(file, settings, problems, "auth.type", "none", AUTH_TYPES);
            String auth = settings.getOrDefault("auth.type", "none");
            switch (auth) {
                case "basic" -> require(file, settings, problems, "auth.username", "auth.password");
                case "bearer" -> require(file, settings, problems, "auth.token");
                case "api-key" -> {
                    require(file, settings, problems, "auth.name", "auth.value");
                    oneOf(file, settings, problems, "auth.in", "header", Set.of("header", "query", "form"));
                }
                case "oauth2" -> require(file, settings, problems, "auth.tokenUrl", "auth.clientId", "auth.clientSecret");
                default -> {
                    // none
                }
            }
        }
        if (kind == Target.Kind.WEBHOOK) {
            require(file, settings, problems, "secret");
        }
        int maxAttempts = integer(file, settings.getOrDefault("maxAttempts", "8"), "maxAttempts", problems);
        int backoffMs = integer(file, settings.getOrDefault("backoffMs", "1000"), "backoffMs", problems);
        if (maxAttempts < 1) {
            problems.add(file + ": field 'maxAttempts' must be 1 or more");
        }
        String mapping = settings.get("mapping");
        boolean enabled = root.path("enabled").asBoolean(true);
        if (mapping != null && enabled) {
            try {
                mappings.check(mapping);
            } catch (RuntimeException ex) {
                problems.add(file + ": field 'mapping': " + ex.getMessage());
            }
        }
        if (problems.size() > before || !enabled) {
            return null;
        }
        return new Target(id, kind, settings.get("system"), Set.copyOf(events), url,
                settings.getOrDefault("method", kind == Target.Kind.HTTP_PUSH ? "PUT" : "POST"), mapping,
                Map.copyOf(settings), maxAttempts, backoffMs);
    }

    private static void sftp(Path file, Map<String, String> settings, List<String> problems) {
        require(file, settings, problems, "host", "username", "fileName", "mapping", "columns");
        if (!settings.containsKey("password") && !settings.containsKey("privateKey")) {
            problems.add(file + ": field 'password' or 'privateKey' is required (as ${ENV_NAME})");
        }
        if (settings.getOrDefault("fileName", "").contains("/")) {
            problems.add(file + ": field 'fileName' is a name inside 'directory', without '/'");
        }
        oneOf(file, settings, problems, "strictHostKeyChecking", "yes", Set.of("yes", "no"));
        if ("yes".equals(settings.getOrDefault("strictHostKeyChecking", "yes")) && !settings.containsKey("knownHosts")) {
            problems.add(file + ": field 'knownHosts' is required: the known_hosts file that vouches for the server"
                    + " (or strictHostKeyChecking: no, for a test server only)");
        }
        for (String[] number : new String[][]{{"port", "22"}, {"batchSize", DEFAULT_BATCH_SIZE},
                {"intervalSeconds", DEFAULT_INTERVAL_SECONDS}}) {
            if (integer(file, settings.getOrDefault(number[0], number[1]), number[0], problems) < 1) {
                problems.add(file + ": field '" + number[0] + "' must be 1 or more");
            }
        }
    }

    private static void require(Path file, Map<String, String> settings, List<String> problems, String... fields) {
        for (String f : fields) {
            if (settings.getOrDefault(f, "").isBlank()) {
                problems.add(file + ": field '" + f + "' is required");
            }
        }
    }

    private static void oneOf(Path file, Map<String, String> settings, List<String> problems, String field,
                              String fallback, Set<String> allowed) {
        String value = settings.getOrDefault(field, fallback);
        if (!allowed.contains(value)) {
            problems.add(file + ": field '" + field + "' is '" + value + "'; allowed: " + allowed);
        }
    }

    private static int integer(Path file, String value, String field, List<String> problems) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.add(file + ": field '" + field + "' must be a whole number, got '" + value + "'");
            return 0;
        }
    }
}
