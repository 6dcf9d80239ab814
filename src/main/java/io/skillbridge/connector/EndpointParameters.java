package io.skillbridge.connector;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Binds a connector endpoint's URI parameters onto the settings every kind shares ({@link ConnectorSettings}) and
 * the settings of its own kind. A parameter that neither knows is an error: a typo in a template must not be
 * ignored silently.
 */
public final class EndpointParameters {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private EndpointParameters() {
    }

    public record Bound<T>(ConnectorSettings connector, T kind) {
    }

    /**
     * Binds and then empties {@code parameters}, so that Camel finds none left over.
     *
     * @throws IllegalArgumentException naming the parameters that neither settings class declares
     */
    public static <T> Bound<T> bind(String connectorId, Map<String, Object> parameters, Class<T> kindSettings) {
        Set<String> unknown = new HashSet<>(parameters.keySet());
        unknown.removeAll(propertyNames(ConnectorSettings.class));
        unknown.removeAll(propertyNames(kindSettings));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Connector " + connectorId + ": unknown parameters " + unknown);
        }
        Map<String, Object> values = new HashMap<>(parameters);
        values.put("connectorId", connectorId);
        ConnectorSettings connector = MAPPER.convertValue(values, ConnectorSettings.class);
        T kind = MAPPER.convertValue(values, kindSettings);
        parameters.clear();
        return new Bound<>(connector, kind);
    }

    /** The shared settings of a connector from its parameters, ignoring those of its kind. */
    public static ConnectorSettings connector(Map<String, Object> parameters) {
        return MAPPER.convertValue(parameters, ConnectorSettings.class);
    }

    private static Set<String> propertyNames(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (BeanPropertyDefinition p : MAPPER.getSerializationConfig()
                .introspect(MAPPER.constructType(type)).findProperties()) {
            names.add(p.getName());
        }
        return names;
    }
}
