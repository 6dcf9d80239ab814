package io.skillbridge.outbound;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxWriterTest {

    @Test
    void aChangeCausedOnlyByTheTargetsOwnSystemIsAnEcho() {
        assertThat(OutboxWriter.isEcho(Set.of("workday"), "workday")).isTrue();
    }

    @Test
    void aChangeWithAnyOtherCauseIsWrittenBack() {
        assertThat(OutboxWriter.isEcho(Set.of("workday", "moodle"), "workday")).isFalse();
        assertThat(OutboxWriter.isEcho(Set.of("moodle"), "workday")).isFalse();
    }

    @Test
    void aChangeWithNoKnownCauseIsWrittenBack() {
        assertThat(OutboxWriter.isEcho(Set.of(), "workday")).isFalse();
    }
}
