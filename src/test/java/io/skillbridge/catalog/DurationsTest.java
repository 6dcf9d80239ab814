package io.skillbridge.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @ParameterizedTest(name = "''{0}'' is {1} minutes")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "4 weeks, 3-4 hours per week | 840",
            "Approx. 20 hours | 1200",
            "PT2H30M | 150",
            "2h 51m | 171",
            "90 min | 90",
            "1.5 hours | 90",
            "About 3 months at 5 hours a week | 3900",
            "6 weeks of study, 2 to 4 hrs/week | 1080",
            "45 minutes | 45",
            "Less than 2 hours | 120",
            "245 seconds | 4",
            "6 weeks | none",
            "Self-paced | none",
            "' ' | none"})
    void readsTheDurationsLibrariesWrite(String text, Integer minutes) {
        assertThat(Durations.minutes(text)).isEqualTo(minutes);
    }
}
