package io.skillbridge.connector;

/**
 * Published after a sync run's last transaction committed, so that what caches the store's contents (the profile
 * index's people, the role catalog) can catch up with what the run changed.
 */
public record SyncRunFinished(String connectorId, String entity, long runId) {
}
