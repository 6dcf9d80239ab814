package io.skillbridge.connector.http;

import java.io.InterruptedIOException;

final class Sleeper {

    private Sleeper() {
    }

    /** Sleeps, turning an interrupt (the run is being stopped) into the IOException a fetch may throw. */
    static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException stop = new InterruptedIOException("Interrupted while waiting to send a request");
            stop.initCause(e);
            throw stop;
        }
    }
}
