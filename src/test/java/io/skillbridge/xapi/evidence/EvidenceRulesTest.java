package io.skillbridge.xapi.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.skills.scale.ProficiencyScales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvidenceRulesTest {

    static final ProficiencyScales SCALES = ProficiencyScales.load(Path.of("config/skills/scales.yaml"));
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";

    @Test
    void aRuleForTheActivityTypeWinsOverTheVerbsOwn() {
        EvidenceRules rules = EvidenceRules.load(Path.of("config/xapi/evidence.yaml"), SCALES);

        assertThat(rules.rule(PASSED, "http://adlnet.gov/expapi/activities/assessment").levelFrom())
                .isEqualTo(EvidenceRules.LevelFrom.SCORE);
        assertThat(rules.rule(PASSED, "http://adlnet.gov/expapi/activities/course").levelFrom())
                .isEqualTo(EvidenceRules.LevelFrom.TAUGHT);
        assertThat(rules.rule(PASSED, null).status()).isEqualTo("passed");
        assertThat(rules.rule("http://adlnet.gov/expapi/verbs/mastered", null).scoreCaps()).isFalse();
        assertThat(rules.rule("http://adlnet.gov/expapi/verbs/failed", null)).isNull();
        assertThat(rules.rule("http://adlnet.gov/expapi/verbs/experienced", null)).isNull();
        assertThat(rules.accounts().get("https://sso.example.com").system()).isNull();
    }

    @Test
    void aVerbWithOnlyATypedRuleStillCountsForOtherTypes(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("evidence.yaml"), """
                rules:
                  - {verb: "https://example.com/verbs/certified", activityType: "https://example.com/types/exam", level: score}
                """);

        EvidenceRules rules = EvidenceRules.load(file, SCALES);

        assertThat(rules.rule("https://example.com/verbs/certified", "https://example.com/types/other").levelFrom())
                .isEqualTo(EvidenceRules.LevelFrom.TAUGHT);
    }

    @Test
    void aWrongRuleStopsTheStartNamingIt(@TempDir Path dir) throws IOException {
        Path level = Files.writeString(dir.resolve("a.yaml"), "rules:\n  - {verb: \"https://e.com/v\", level: seven}\n");
        Path status = Files.writeString(dir.resolve("b.yaml"), "rules:\n  - {verb: \"https://e.com/v\", status: attempted}\n");
        Path account = Files.writeString(dir.resolve("c.yaml"), "accounts:\n  - {homePage: \"https://sso.e.com\", matchBy: externalId}\n");

        assertThatThrownBy(() -> EvidenceRules.load(level, SCALES)).hasMessageContaining("rules[0]: level 'seven'");
        assertThatThrownBy(() -> EvidenceRules.load(status, SCALES)).hasMessageContaining("rules[0]: status 'attempted'");
        assertThatThrownBy(() -> EvidenceRules.load(account, SCALES)).hasMessageContaining("https://sso.e.com");
    }

    @Test
    void aScoreIsScaledOrRawWithinItsRange() throws IOException {
        ObjectMapper json = new ObjectMapper();

        assertThat(StatementEvidence.scaled(json.readTree("{\"scaled\": 0.82, \"raw\": 1, \"min\": 0, \"max\": 50}"))).isEqualTo(0.82);
        assertThat(StatementEvidence.scaled(json.readTree("{\"raw\": 41, \"min\": 0, \"max\": 50}"))).isCloseTo(0.82, within(1e-9));
        assertThat(StatementEvidence.scaled(json.readTree("{\"raw\": 41}"))).isNull();
        assertThat(StatementEvidence.scaled(json.readTree("{\"raw\": 5, \"min\": 5, \"max\": 5}"))).isNull();
    }

    @Test
    void theSha1IsOfTheMailtoIri() {
        // the example of the xAPI specification's mbox_sha1sum
        assertThat(ActorMatcher.sha1("mailto:xapi@adlnet.gov")).isEqualTo("cd9b00a5611f94eaa7b1661edab976068e364975");
    }
}
