package io.skillbridge.connector;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Set<String> ranOnce = ConcurrentHashMap.newKeySet();
    private volatile boolean schedulingEnabled = true;

    public void register(String connectorId, Runner runner) {
        runners.put(connectorId, (mode, trigger) -> {
            try {
                return runner.run(mode, trigger);
            } finally {
                synchronized (ranOnce) {
                    ranOnce.add(connectorId);
                    ranOnce.notifyAll();
                }
            }
        });
    }

    /**
     * Waits until each of the named connectors that this hub runs has finished a run since the start, or until the
     * timeout: a feed that names people (skills, completions) goes after the HRIS that delivers them. Connectors that
     * are not registered (disabled, unknown) are not waited for.
     *
     * @return the connectors still not run when the wait ended
     */
    public List<String> awaitFirstRuns(List<String> connectorIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (ranOnce) {
            while (true) {
                List<String> waiting = connectorIds.stream().filter(runners::containsKey).filter(id -> !ranOnce.contains(id)).toList();
                long left = deadline - System.nanoTime();
                if (waiting.isEmpty() || left <= 0) {
                    return waiting;
                }
                ranOnce.wait(Math.max(1, left / 1_000_000));
            }
        }
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
