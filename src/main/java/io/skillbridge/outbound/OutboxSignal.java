package io.skillbridge.outbound;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the dispatcher when rows were committed, so that a delivery does not wait for the next poll. */
@Component
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    /** After the current transaction commits (at once outside one): rolled-back rows must not be looked for. */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    public void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** @return whether a wake came before the timeout */
    boolean await(long millis) throws InterruptedException {
        boolean woken = pending.tryAcquire(millis, TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return woken;
    }
}
