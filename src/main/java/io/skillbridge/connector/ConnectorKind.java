package io.skillbridge.connector;

import java.util.List;
import java.util.Map;

/**
 * A connector kind: a route template under {@code routes/templates/<name>.kamelet.yaml}, described by its
 * self-documenting parameters.
 */
public record ConnectorKind(String name, String title, String description, Map<String, Parameter> parameters,
                            String templateSource) {

    /**
     * One template parameter, as declared in the template's {@code spec.definition.properties}. A secret
     * ({@code format: password}) is kept as its {@code ${NAME}} reference until used; {@code literalAllowed} marks a
     * credential that is sometimes public (a user name) and sometimes the secret itself (BambooHR's API key).
     */
    public record Parameter(String name, String title, String description, String type, Object defaultValue,
                            boolean required, boolean secret, boolean literalAllowed, List<String> allowed) {
    }
}
