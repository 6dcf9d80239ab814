package io.skillbridge.connector;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live connectors: each endpoint that Camel creates from a template registers how to run its connector, so
 * that the API can trigger the same run the schedule does.
 */
public class ConnectorRuntime {

    /** Runs one sync of a connector; {@code mode} {@code null} lets the connector choose. */
    @FunctionalInterface
    public interface Runner {
        RunResult run(RunMode mode, String trigger);
    }

    private final Map<String, Runner> runners = new ConcurrentHashMap<>();
    private volatile boolean schedulingEnabled = true;

    public void register(String connectorId, Runner runner) {
        runners.put(connectorId, runner);
    }

    public Optional<Runner> runner(String connectorId) {
        return Optional.ofNullable(runners.get(connectorId));
    }

    /** Scheduled runs are skipped while this is off (tests and maintenance windows trigger runs explicitly). */
    public boolean isSchedulingEnabled() {
        return schedulingEnabled;
    }

    public void setSchedulingEnabled(boolean schedulingEnabled) {
        this.schedulingEnabled = schedulingEnabled;
    }
}
