package io.skillbridge.xapi;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Hands out {@code stored} times and knows up to when the store is complete. Stored times strictly increase (one
 * microsecond apart at least), and every write registers its time until it commits or fails; so every statement
 * stored before the earliest write still in flight is visible, which is what
 * {@code X-Experience-API-Consistent-Through} promises. This holds for the writes of this process.
 */
@Component
public class ConsistentThrough {

    private final ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();
    private long lastMicros;

    /**
     * Starts a write: its stored time, registered as in flight until {@link #end}. Allocation and registration are
     * one step (with {@link #now} under the same lock), else a reader could see the time taken but not yet in flight.
     */
    public synchronized long begin() {
        lastMicros = Math.max(lastMicros + 1, nowMicros());
        inFlight.add(lastMicros);
        return lastMicros;
    }

    public void end(long storedMicros) {
        inFlight.remove(storedMicros);
    }

    public synchronized OffsetDateTime now() {
        Long earliest = inFlight.isEmpty() ? null : inFlight.first();
        // a write starting after this call takes a time after both the clock and the last time handed out
        return toTime(earliest != null ? earliest - 1 : Math.max(nowMicros() - 1, lastMicros));
    }

    public static OffsetDateTime toTime(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
