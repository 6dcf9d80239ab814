package io.skillbridge.connector.http;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Spaces requests evenly at a fixed rate, shared by every thread of one source. Even spacing rather than a burst
 * bucket, because vendors (BambooHR, Workday) count requests over short windows and answer bursts with 503/429.
 */
final class RateLimiter {

    private final long intervalNanos;
    private long nextFreeNanos = System.nanoTime();

    /** @param requestsPerSecond {@code <= 0}: unlimited */
    RateLimiter(double requestsPerSecond) {
        this.intervalNanos = requestsPerSecond > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) / requestsPerSecond) : 0;
    }

    void acquire() throws InterruptedIOException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextFreeNanos);
            nextFreeNanos = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Sleeper.sleep(TimeUnit.NANOSECONDS.toMillis(wait) + 1);
        }
    }
}
