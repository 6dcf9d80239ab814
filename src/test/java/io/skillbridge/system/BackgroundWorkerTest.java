package io.skillbridge.system;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundWorkerTest {

    @Test
    void stopLetsAPassUnderWayEndUninterruptedAndDropsThePassesAskedFor() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger passes = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        BackgroundWorker worker = new BackgroundWorker("test-worker", () -> {
            passes.incrementAndGet();
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            ended.set(true);
        }, () -> 0, 60_000);

        worker.wake();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        worker.wakeAfter(50);
        worker.stop();

        assertThat(ended).as("the pass under way ended before stop returned").isTrue();
        assertThat(interrupted).isFalse();
        Thread.sleep(200);
        assertThat(passes).hasValue(1);
    }
}
