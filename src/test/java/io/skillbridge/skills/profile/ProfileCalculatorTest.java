package io.skillbridge.skills.profile;

import io.skillbridge.skills.evidence.Evidence;
import io.skillbridge.skills.evidence.Origin;
import io.skillbridge.skills.evidence.SourceKind;
import io.skillbridge.skills.profile.ProfileCalculator.Part;
import io.skillbridge.skills.profile.ProfileCalculator.SkillLevel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProfileCalculatorTest {

    static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
    static final ProfileCalculator CALC = new ProfileCalculator(ProfileRules.load(Path.of("config/skills/profile-rules.yaml")));

    private static long ids;

    static Evidence piece(String skill, double level, SourceKind kind, double confidence, double yearsAgo) {
        Instant at = NOW.minus(Math.round(yearsAgo * 365.25 * 24 * 60), ChronoUnit.MINUTES);
        return new Evidence(++ids, "p1", skill, level, null, null, kind, confidence, at,
                new Origin("evidence", "test", "r" + ids, null), null, null);
    }

    private static SkillLevel only(List<Evidence> evidence) {
        Map<String, SkillLevel> profile = CALC.compute(evidence, NOW);
        assertThat(profile).hasSize(1);
        return profile.values().iterator().next();
    }

    @Test
    void evidenceLosesHalfItsLevelEveryHalfLife() {
        assertThat(CALC.decay(NOW, NOW)).isEqualTo(1.0);
        assertThat(CALC.decay(NOW.minus(5 * 365 + 1, ChronoUnit.DAYS).plus(6, ChronoUnit.HOURS), NOW)).isCloseTo(0.5, within(1e-3));
        assertThat(only(List.of(piece("sql", 4, SourceKind.ASSESSMENT, 0.9, 10))).level()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void evidenceFromTheFutureDoesNotGrow() {
        assertThat(CALC.decay(NOW.plus(30, ChronoUnit.DAYS), NOW)).isEqualTo(1.0);
    }

    @Test
    void verifiedEvidenceOutranksASelfDeclaredHigherLevel() {
        SkillLevel sql = only(List.of(piece("sql", 5, SourceKind.SELF, 1.0, 0), piece("sql", 2, SourceKind.COMPLETION, 0.7, 0)));

        assertThat(sql.level()).isEqualTo(2.0);
        assertThat(sql.evidenceCount()).isEqualTo(1);
        assertThat(sql.contributions()).extracting(c -> c.evidence().kind() + ":" + c.part())
                .containsExactly("COMPLETION:DECIDES", "SELF:OUTRANKED");
    }

    @Test
    void selfDeclaredEvidenceCountsWhenNothingVerifiedExists() {
        SkillLevel sql = only(List.of(piece("sql", 3, SourceKind.SELF, 0.5, 0)));

        assertThat(sql.level()).isEqualTo(3.0);
        assertThat(sql.confidence()).isCloseTo(0.4 * 0.5, within(0.001));
    }

    @Test
    void theHighestDecayedLevelOfTheTierDecidesAndEveryPieceAddsConfidence() {
        SkillLevel sql = only(List.of(piece("sql", 2, SourceKind.COMPLETION, 0.7, 0),
                piece("sql", 4, SourceKind.ASSESSMENT, 0.9, 5), piece("sql", 3, SourceKind.MANAGER, 0.8, 0)));

        // the assessment's 4 is 2 after one half-life: the manager's fresh 3 decides
        assertThat(sql.level()).isEqualTo(3.0);
        double expected = 1 - (1 - 0.7 * 0.7) * (1 - 1.0 * 0.9 * 0.5) * (1 - 0.8 * 0.8);
        assertThat(sql.confidence()).isCloseTo(expected, within(0.01));
        assertThat(sql.evidenceCount()).isEqualTo(3);
        assertThat(sql.contributions().get(0).part()).isEqualTo(Part.DECIDES);
        assertThat(sql.contributions().get(0).evidence().kind()).isEqualTo(SourceKind.MANAGER);
    }

    @Test
    void evidenceBelowTheMinimumConfidenceIsListedButNeverCounts() {
        Map<String, SkillLevel> profile = CALC.compute(List.of(piece("sql", 5, SourceKind.XAPI, 0.1, 0),
                piece("sql", 2, SourceKind.XAPI, 0.6, 0)), NOW);

        assertThat(profile.get("sql").level()).isEqualTo(2.0);
        assertThat(profile.get("sql").contributions()).extracting(ProfileCalculator.Contribution::part)
                .containsExactly(Part.DECIDES, Part.BELOW_MIN_CONFIDENCE);
        assertThat(CALC.compute(List.of(piece("python", 5, SourceKind.XAPI, 0.1, 0)), NOW)).isEmpty();
    }

    @Test
    void withdrawnEvidenceIsIgnored() {
        Evidence withdrawn = piece("sql", 4, SourceKind.ASSESSMENT, 0.9, 0);
        withdrawn = new Evidence(withdrawn.id(), withdrawn.personId(), withdrawn.skillId(), withdrawn.level(), null, null,
                withdrawn.kind(), withdrawn.confidence(), withdrawn.observedAt(), withdrawn.origin(), NOW, "voided");

        assertThat(CALC.compute(List.of(withdrawn), NOW)).isEmpty();
        assertThat(only(List.of(withdrawn, piece("sql", 1, SourceKind.COMPLETION, 0.7, 0))).level()).isEqualTo(1.0);
    }

    @Test
    void theProfileListsSkillsHighestLevelFirst() {
        Map<String, SkillLevel> profile = CALC.compute(List.of(piece("excel", 2, SourceKind.HRIS, 0.8, 0),
                piece("sql", 4, SourceKind.HRIS, 0.8, 0), piece("python", 3, SourceKind.HRIS, 0.8, 0)), NOW);

        assertThat(profile.keySet()).containsExactly("sql", "python", "excel");
    }
}
