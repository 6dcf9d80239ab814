package io.skillbridge.xapi.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skillbridge.system.Secrets;
import io.skillbridge.xapi.XapiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The clients of the Statements resource, read once at start from {@code config/xapi/clients.yaml}:
 * <pre>
 * clients:
 *   - key: lms-prod
 *     name: Production LMS
 *     secret: ${XAPI_LMS_PROD_SECRET}     # a reference, resolved through {@link Secrets}
 *     scopes: [read, write]               # optional; both by default
 * </pre>
 * A literal secret, a reference nothing defines, or a duplicate key stops the start with the file and the key
 * named. With the demo on, a {@code demo-lrs} client is added whose secret is {@code SKILLBRIDGE_XAPI_DEMO_SECRET}
 * or, when that is unset, the demo value the README shows.
 */
@Component
public class XapiClients {

    public static final String DEMO_KEY = "demo-lrs";
    static final String DEMO_SECRET_REFERENCE = "${SKILLBRIDGE_XAPI_DEMO_SECRET}";
    static final String DEMO_DEFAULT_SECRET = "demo-lrs-secret";

    private static final Logger log = LoggerFactory.getLogger(XapiClients.class);

    private final Map<String, XapiClient> byKey = new LinkedHashMap<>();

    public XapiClients(XapiProperties properties, Secrets secrets, @Value("${skillbridge.home:.}") String home,
                       @Value("${skillbridge.demo.enabled:true}") boolean demo) {
        Path file = Path.of(home).resolve(properties.clientsFile());
        if (Files.isRegularFile(file)) {
            for (XapiClient c : read(file, secrets)) {
                if (byKey.putIfAbsent(c.key(), c) != null) {
                    throw new IllegalStateException(file + ": client key '" + c.key() + "' appears twice");
                }
            }
        }
        if (demo && !byKey.containsKey(DEMO_KEY)) {
            String secret;
            try {
                secret = secrets.resolve(DEMO_SECRET_REFERENCE);
            } catch (IllegalStateException unset) {
                secret = DEMO_DEFAULT_SECRET;
            }
            byKey.put(DEMO_KEY, new XapiClient(DEMO_KEY, "Demo learning tool", secret, EnumSet.allOf(XapiClient.Scope.class)));
        }
        log.info("xAPI clients: {}", byKey.keySet());
    }

    private static List<XapiClient> read(Path file, Secrets secrets) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not readable YAML: " + e.getMessage(), e);
        }
        List<XapiClient> clients = new ArrayList<>();
        for (JsonNode c : root == null ? List.<JsonNode>of() : root.path("clients")) {
            String key = c.path("key").asText("");
            if (key.isBlank()) {
                throw new IllegalStateException(file + ": a client has no key");
            }
            String secret = c.path("secret").asText("");
            if (!Secrets.isReference(secret)) {
                throw new IllegalStateException(file + ": client '" + key + "': secret must be a reference such as"
                        + " ${XAPI_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET}, never the secret itself");
            }
            String resolved;
            try {
                resolved = secrets.resolve(secret);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(file + ": client '" + key + "': " + e.getMessage(), e);
            }
            Set<XapiClient.Scope> scopes = EnumSet.noneOf(XapiClient.Scope.class);
            c.path("scopes").forEach(s -> scopes.add(XapiClient.Scope.valueOf(s.asText().toUpperCase(Locale.ROOT))));
            clients.add(new XapiClient(key, c.path("name").asText(key), resolved,
                    scopes.isEmpty() ? EnumSet.allOf(XapiClient.Scope.class) : scopes));
        }
        return clients;
    }

    /** @return the client these Basic credentials belong to, or null; compares in constant time */
    public XapiClient authenticate(String key, String secret) {
        XapiClient c = byKey.get(key);
        boolean matches = c != null && MessageDigest.isEqual(c.secret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
        return matches ? c : null;
    }
}
