package io.skillbridge.outbound;

import io.skillbridge.canonical.WorkerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DispatcherTest {

    @Test
    void backoffDoublesPerAttemptWithEqualJitter() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long exponential = 1000L << (attempt - 1);
            for (int i = 0; i < 200; i++) {
                assertThat(Dispatcher.backoff(1000, attempt).toMillis()).as("attempt %d", attempt)
                        .isBetween(exponential / 2, exponential);
            }
        }
    }

    @Test
    void backoffStopsGrowingAtAnHour() {
        assertThat(Dispatcher.backoff(1000, 40).toMillis()).isBetween(1_800_000L, 3_600_000L);
    }

    @Test
    void theServersRetryAfterWinsOverTheBackoffUpToAnHour() {
        assertThat(Dispatcher.wait(Duration.ofSeconds(2), 60_000, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Dispatcher.wait(Duration.ofDays(1), 1000, 1)).isEqualTo(Duration.ofHours(1));
        assertThat(Dispatcher.wait(null, 1000, 3).toMillis()).isBetween(2000L, 4000L);
    }

    @Test
    void aWriteBackHashingAsWhatTheTargetLastAcceptedIsUnchanged() {
        String accepted = WorkerRecord.sha256("{\"skills\":[{\"id\":\"sql\",\"level\":3}]}");

        assertThat(Dispatcher.unchanged(true, WorkerRecord.sha256("{\"skills\":[{\"id\":\"sql\",\"level\":3}]}"), accepted)).isTrue();
        assertThat(Dispatcher.unchanged(true, WorkerRecord.sha256("{\"skills\":[{\"id\":\"sql\",\"level\":4}]}"), accepted)).isFalse();
        assertThat(Dispatcher.unchanged(true, accepted, null)).as("nothing accepted yet").isFalse();
        assertThat(Dispatcher.unchanged(false, accepted, accepted)).as("an event is sent whatever it says").isFalse();
    }
}
