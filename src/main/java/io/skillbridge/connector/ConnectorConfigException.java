package io.skillbridge.connector;

import java.util.List;

/** Connector configuration that must not start: every problem, each naming its file and parameter. */
public class ConnectorConfigException extends RuntimeException {

    private final List<String> problems;

    public ConnectorConfigException(List<String> problems) {
        super("The hub will not start with this connector configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
