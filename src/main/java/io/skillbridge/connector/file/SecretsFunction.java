package io.skillbridge.connector.file;

import io.skillbridge.system.Secrets;
import org.apache.camel.spi.PropertiesFunction;

/**
 * {@code {{secret:NAME}}} in a route: the value of the secret reference {@code ${NAME}}, resolved by {@link Secrets}
 * (environment, system properties, application properties) when Camel builds the endpoint, and remembered for
 * redaction. Components that need the value in their endpoint (camel-ftp's password) read secrets this way, from
 * the same places as the connectors that resolve them at use.
 */
public class SecretsFunction implements PropertiesFunction {

    public static final String NAME = "secret";

    private final Secrets secrets;

    public SecretsFunction(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String apply(String remainder) {
        return secrets.resolve("${" + remainder + "}");
    }
}
