package io.skillbridge.connector;

/**
 * How a sync run ended.
 *
 * @param status {@code succeeded}, {@code partial} (some records went to dead letters), {@code failed}, or
 *               {@code interrupted} (the process stopped mid-run; the next run resumes from the checkpoint)
 */
public record RunResult(long runId, String status, int read, int created, int updated, int unchanged, int failed,
                        int deactivated, String lastError) {

    public boolean runFailed() {
        return "failed".equals(status);
    }
}
