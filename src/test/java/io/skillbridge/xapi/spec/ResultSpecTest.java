package io.skillbridge.xapi.spec;

import static io.skillbridge.xapi.spec.Statements.set;
import static io.skillbridge.xapi.spec.Statements.valid;
import static io.skillbridge.xapi.spec.Validation.accepted;
import static io.skillbridge.xapi.spec.Validation.rejected;

/** Result: score, success, completion, response, duration, extensions (1.0.3 Part Two 2.4.5). */
class ResultSpecTest {

    @BothVersions
    void scaledIsBetweenMinusOneAndOne(String version) {
        accepted(version, set(valid(), "result.score", "{\"scaled\": -1}"));
        accepted(version, set(valid(), "result.score", "{\"scaled\": 1}"));
        rejected(version, set(valid(), "result.score", "{\"scaled\": 1.01}"), "statement.result.score.scaled");
        rejected(version, set(valid(), "result.score", "{\"scaled\": \"0.5\"}"), "statement.result.score.scaled");
    }

    @BothVersions
    void rawIsBetweenMinAndMaxAndMinIsBelowMax(String version) {
        rejected(version, set(valid(), "result.score", "{\"raw\": 51, \"min\": 0, \"max\": 50}"), "statement.result.score.raw");
        rejected(version, set(valid(), "result.score", "{\"raw\": -1, \"min\": 0}"), "statement.result.score.raw");
        rejected(version, set(valid(), "result.score", "{\"min\": 10, \"max\": 10}"), "statement.result.score.max");
    }

    @BothVersions
    void successAndCompletionAreBooleans(String version) {
        rejected(version, set(valid(), "result.success", "\"true\""), "statement.result.success");
        rejected(version, set(valid(), "result.completion", "1"), "statement.result.completion");
    }

    @BothVersions
    void durationIsIso8601(String version) {
        accepted(version, set(valid(), "result.duration", "\"P1DT2H3M4.56S\""));
        accepted(version, set(valid(), "result.duration", "\"P2W\""));
        rejected(version, set(valid(), "result.duration", "\"2 hours\""), "statement.result.duration");
        rejected(version, set(valid(), "result.duration", "\"PT\""), "statement.result.duration");
        rejected(version, set(valid(), "result.duration", "\"P\""), "statement.result.duration");
    }

    @BothVersions
    void responseIsAStringAndExtensionKeysAreIris(String version) {
        rejected(version, set(valid(), "result.response", "42"), "statement.result.response");
        rejected(version, set(valid(), "result.extensions", "{\"score\": 1}"), "statement.result.extensions.score");
    }
}
