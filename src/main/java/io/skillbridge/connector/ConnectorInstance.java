package io.skillbridge.connector;

import java.nio.file.Path;
import java.util.Map;

/**
 * A configured connector: one file under {@code config/connectors/}, naming its kind and giving its parameters.
 * Secret parameters hold {@code ${NAME}} references, resolved only when used.
 */
public record ConnectorInstance(String id, String kind, boolean enabled, String description, Path file,
                                Map<String, Object> parameters) {

    public ConnectorSettings settings() {
        return EndpointParameters.connector(parameters);
    }
}
