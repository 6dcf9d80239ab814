package io.skillbridge.connector;

/**
 * Runs a sync: reads a {@link PageSource} page by page, maps, matches and applies each page to the canonical store
 * in one transaction together with its checkpoint, and records the run.
 */
public interface SyncService {

    /**
     * Runs (or resumes) a sync of one connector. Runs of the same connector never overlap: a call made while one
     * is under way waits for it.
     *
     * @param mode        the requested mode; {@code null} lets the connector choose (incremental once it has a cursor
     *                    and declares an incremental parameter, full otherwise)
     * @param triggerKind {@code schedule}, {@code api}, {@code file}, {@code startup}: recorded with the run
     */
    RunResult run(ConnectorSettings connector, PageSource source, RunMode mode, String triggerKind);
}
