package io.skillbridge.xapi.spec;

import static io.skillbridge.xapi.spec.Statements.remove;
import static io.skillbridge.xapi.spec.Statements.set;
import static io.skillbridge.xapi.spec.Statements.valid;
import static io.skillbridge.xapi.spec.Validation.accepted;
import static io.skillbridge.xapi.spec.Validation.rejected;

/** Verb (1.0.3 Part Two 2.4.3) and language maps (Part Two 5.2). */
class VerbSpecTest {

    @BothVersions
    void theIdIsARequiredIri(String version) {
        rejected(version, remove(valid(), "verb.id"), "statement.verb.id");
        rejected(version, set(valid(), "verb.id", "\"completed\""), "statement.verb.id");
        rejected(version, set(valid(), "verb.id", "\"http://example.com/has space\""), "statement.verb.id");
        accepted(version, remove(valid(), "verb.display"));
    }

    @BothVersions
    void displayIsALanguageMapOfRfc5646Tags(String version) {
        accepted(version, set(valid(), "verb.display", "{\"en-US\": \"done\", \"zh-Hant-TW\": \"完成\", \"de\": \"fertig\", \"x-klingon\": \"x\"}"));
        rejected(version, set(valid(), "verb.display", "{\"en_US\": \"done\"}"), "statement.verb.display.en_US");
        rejected(version, set(valid(), "verb.display", "{\"en-US\": 5}"), "statement.verb.display.en-US");
        rejected(version, set(valid(), "verb.display", "\"completed\""), "statement.verb.display");
    }
}
