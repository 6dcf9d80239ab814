package io.skillbridge.connector.file;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates a connector's route from the file-drop or sftp-drop template. Secrets arrive as {@code ${NAME}}
 * references and are handed to the template as {@code {{secret:NAME}}} placeholders, which
 * Camel resolves only when it builds the endpoint: the value never sits in a parameter map, a route definition or
 * a log line (Camel masks password options in the endpoint URIs it logs). An empty {@code include} means every
 * file.
 */
public final class DropTemplates {

    public static final String FILE_DROP = "file-drop";
    public static final String SFTP_DROP = "sftp-drop";

    /** The parameters the templates declare with {@code format: password}. */
    static final Set<String> SECRETS = Set.of("password", "privateKeyPassphrase");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private DropTemplates() {
    }

    /**
     * Adds the route of one connector instance; its route id is the connector id.
     *
     * @throws IllegalArgumentException when a secret is given as a literal value instead of a reference
     */
    public static String addRoute(CamelContext context, String templateId, Map<String, ?> parameters)
            throws Exception {
        Object connectorId = parameters.get("connectorId");
        if (connectorId == null || connectorId.toString().isBlank()) {
            throw new IllegalArgumentException(templateId + ": connectorId is required");
        }
        return TemplatedRouteBuilder.builder(context, templateId)
                .routeId(connectorId.toString())
                .parameters(withSecretPlaceholders(connectorId.toString(), parameters))
                .add();
    }

    static Map<String, Object> withSecretPlaceholders(String connectorId, Map<String, ?> parameters) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            String text = value == null ? "" : value.toString();
            Matcher reference = REFERENCE.matcher(text);
            if ("include".equals(name) && text.isEmpty()) {
                // Camel compiles an empty include into a pattern that matches no file name at all.
                resolved.put(name, ".*");
            } else if (reference.matches()) {
                resolved.put(name, "{{" + SecretsFunction.NAME + ":" + reference.group(1) + "}}");
            } else if (SECRETS.contains(name) && !text.isEmpty()) {
                throw new IllegalArgumentException("Connector " + connectorId + ": " + name + " must be an"
                        + " environment reference such as ${SFTP_PASSWORD}, never the secret itself");
            } else {
                resolved.put(name, value);
            }
        });
        return resolved;
    }
}
