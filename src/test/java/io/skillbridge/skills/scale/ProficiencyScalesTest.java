package io.skillbridge.skills.scale;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProficiencyScalesTest {

    private final ProficiencyScales scales = ProficiencyScales.load(Path.of("config/skills/scales.yaml"));

    @Test
    void aOneToEightScaleMapsItsEndsOntoOneAndFive() {
        assertThat(scales.toCanonical("one-to-eight", "1")).isEqualTo(1.0);
        assertThat(scales.toCanonical("one-to-eight", "8")).isEqualTo(5.0);
        assertThat(scales.toCanonical("one-to-eight", "4.5")).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void aOneToFiveRatingIsTheCanonicalLevel() {
        assertThat(scales.toCanonical("one-to-five", "4")).isEqualTo(4.0);
    }

    @Test
    void aValueOutsideALinearScaleIsRefusedNamingTheScale() {
        assertThatThrownBy(() -> scales.toCanonical("one-to-eight", "9"))
                .hasMessage("level 9 is outside the scale one-to-eight (1-8)");
        assertThatThrownBy(() -> scales.toCanonical("one-to-five", "high"))
                .hasMessage("level 'high' is not a number, as the scale one-to-five requires");
    }

    @Test
    void scoresTakeTheLevelOfTheHighestBandTheyReach() {
        assertThat(scales.toCanonical("percent", "100")).isEqualTo(4.0);
        assertThat(scales.toCanonical("percent", "90")).isEqualTo(4.0);
        assertThat(scales.toCanonical("percent", "89.9")).isEqualTo(3.0);
        assertThat(scales.toCanonical("percent", "0")).isEqualTo(1.0);
        assertThatThrownBy(() -> scales.toCanonical("percent", "-5"))
                .hasMessage("level -5 is below the lowest band of the scale percent");
    }

    @Test
    void labelsMatchWhateverTheCaseAndSpacing() {
        assertThat(scales.toCanonical("beginner-intermediate-advanced", " INTERMEDIATE ")).isEqualTo(3.0);
        assertThat(scales.toCanonical("workday-skill-rating", "Proficient")).isEqualTo(3.0);
        assertThat(scales.toCanonical("rating-label", "Far-Exceeds")).isEqualTo(5.0);
        assertThatThrownBy(() -> scales.toCanonical("workday-skill-rating", "Guru"))
                .hasMessageStartingWith("level 'Guru' is not a label of the scale workday-skill-rating (");
    }

    @Test
    void anUnknownScaleIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> scales.toCanonical("stars", "3")).hasMessageStartingWith("unknown scale 'stars'; known: ")
                .hasMessageContaining("one-to-eight");
    }

    @Test
    void noScaleMeansTheCanonicalOne() {
        assertThat(scales.toCanonical(null, "3.5")).isEqualTo(3.5);
        assertThatThrownBy(() -> scales.toCanonical(null, "6")).hasMessageContaining("outside the scale canonical (0-5)");
    }

    @Test
    void levelsHaveNames() {
        assertThat(scales.levelName(0)).isEqualTo("None");
        assertThat(scales.levelName(3.99)).isEqualTo("Intermediate");
        assertThat(scales.levelName(5)).isEqualTo("Expert");
    }
}
