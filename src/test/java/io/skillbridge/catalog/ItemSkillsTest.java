package io.skillbridge.catalog;

import io.skillbridge.catalog.ItemSkills.Shown;
import io.skillbridge.catalog.ItemSkills.Taught;
import io.skillbridge.skills.evidence.Claim;
import io.skillbridge.skills.evidence.Origin;
import io.skillbridge.skills.evidence.SourceKind;
import io.skillbridge.skills.scale.ProficiencyScales;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What learning an item shows of a skill it teaches: the claim both LMS completions and xAPI statements make. */
class ItemSkillsTest {

    static final ProficiencyScales SCALES = ProficiencyScales.load(Path.of("config/skills/scales.yaml"));
    final Taught sqlAtAdvanced = new Taught("sql", 4, 0.8);

    @Test
    void withoutAScoreTheLevelTaughtIsShownOnTheCanonicalScale() {
        assertThat(sqlAtAdvanced.cappedBy(null, "percent", SCALES)).isEqualTo(new Shown(4, "4.0", ProficiencyScales.CANONICAL));
    }

    @Test
    void aLowScoreCapsTheLevelAndIsKeptAsTheRawValueOnItsScale() {
        // 60 % is Beginner (2) on the percent scale's bands
        assertThat(sqlAtAdvanced.cappedBy(60.0, "percent", SCALES)).isEqualTo(new Shown(2, "60.0", "percent"));
    }

    @Test
    void aScoreAboveTheLevelTaughtDoesNotRaiseIt() {
        Taught sqlAtBeginner = new Taught("sql", 2, 0.8);

        assertThat(sqlAtBeginner.cappedBy(95.0, "percent", SCALES)).isEqualTo(new Shown(2, "95.0", "percent"));
    }

    @Test
    void theClaimWeighsTheSourcesConfidenceByHowSurelyTheItemTeachesTheSkill() {
        Origin origin = new Origin("learning_record", "moodle", "42", "moodle-completions");
        Instant at = Instant.parse("2026-11-24T15:06:40Z");

        Claim claim = sqlAtAdvanced.claim("p-1", sqlAtAdvanced.cappedBy(60.0, "percent", SCALES), SourceKind.COMPLETION,
                0.9, at, origin);

        assertThat(claim).isEqualTo(new Claim("p-1", "sql", 2, "60.0", "percent", SourceKind.COMPLETION, 0.72, at, origin));
    }
}
