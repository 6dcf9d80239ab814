package io.skillbridge.connector;

/** How a sync run reads its source. */
public enum RunMode {
    /** Everything the source has; records missing from it are deactivated when the connector reconciles. */
    FULL,
    /** Only what changed since the cursor of the last successful run. */
    INCREMENTAL,
    /** One dropped file: every record in it, no reconciliation, no cursor. */
    FILE,
    /** Dead letters sent through mapping and the store again, after their cause was fixed. */
    REPLAY
}
