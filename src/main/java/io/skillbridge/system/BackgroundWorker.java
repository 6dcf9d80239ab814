package io.skillbridge.system;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The thread of one of the hub's background passes (the statement store's readers: evidence, forwarding; the H2
 * store's compaction): one daemon thread, so that the passes never overlap; wake-ups coalesced, so that a burst of
 * writes (hundreds a second under load) costs one pass and one position update, not one each; and a slow poll, for
 * work no wake-up announces (a write that failed after a later one committed, whose wake-up then came too early).
 */
public final class BackgroundWorker {

    private static final long STOP_WAIT_SECONDS = 30;

    private final ScheduledExecutorService thread;
    private final Runnable pass;
    private final LongSupplier coalesceMs;
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * @param coalesceMs how long a wake-up waits for more before the pass, asked at each wake-up (a reader under load
     *                   can wait longer)
     */
    public BackgroundWorker(String name, Runnable pass, LongSupplier coalesceMs, long pollMs) {
        this.pass = pass;
        this.coalesceMs = coalesceMs;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        // a stop drops the passes asked for but not begun
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
        thread.scheduleWithFixedDelay(this::wake, pollMs, pollMs, TimeUnit.MILLISECONDS);
    }

    /** Asks for a pass shortly; wake-ups while one is waiting are that one. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            thread.schedule(() -> {
                queued.set(false);
                pass.run();
            }, coalesceMs.getAsLong(), TimeUnit.MILLISECONDS);
        }
    }

    /** Asks for a pass after a delay (a retry). */
    public void wakeAfter(long delayMs) {
        thread.schedule(this::wake, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Runs other work on the worker's thread, so that it never overlaps a pass. */
    public void execute(Runnable work) {
        thread.execute(work);
    }

    /**
     * Stops the worker when the hub stops: a pass under way ends, not interrupted (an interrupt in the middle of H2's
     * file I/O closes the file under every other thread, and a compaction gives up), before the database is closed.
     */
    public void stop() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
