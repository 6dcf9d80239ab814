package io.skillbridge.xapi.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.skillbridge.xapi.spec.Statements.set;
import static io.skillbridge.xapi.spec.Statements.valid;
import static io.skillbridge.xapi.spec.Validation.accepted;
import static io.skillbridge.xapi.spec.Validation.rejected;

/** Timestamp and stored (1.0.3 Part Two 2.4.7, 2.4.8): ISO 8601 with a time zone, never -00:00. */
class TimestampSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T15:06:40.000Z", "2026-11-25T10:30:00+05:30", "2026-11-25T10:30:00.123456789-08:00",
            "2026-11-25T10:30Z", "2026-11-25T10:30:00+0530"})
    void withAZoneIsAccepted(String timestamp) {
        accepted("1.0.3", set(valid(), "timestamp", "\"" + timestamp + "\""));
        accepted("2.0.0", set(valid(), "timestamp", "\"" + timestamp + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T15:06:40", "2026-11-24", "24/11/2026 15:06", "2026-11-24T15:06:40-00:00",
            "2026-11-24T15:06:40-0000", "2026-13-24T15:06:40Z", "2026-11-24T25:06:40Z"})
    void withoutAZoneOrMalformedIsRejected(String timestamp) {
        rejected("1.0.3", set(valid(), "timestamp", "\"" + timestamp + "\""), "statement.timestamp");
        rejected("2.0.0", set(valid(), "timestamp", "\"" + timestamp + "\""), "statement.timestamp");
    }
}
