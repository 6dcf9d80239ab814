package io.skillbridge.xapi.validation;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IRI and timestamp checks are hand-written for speed; these tests hold them to the definitions they replaced
 * (a regular expression, and OffsetDateTime.parse) over edge cases and random strings.
 */
class FormatsTest {

    static final Pattern IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]+$");

    @Test
    void iriAgreesWithTheRegularExpressionItReplaced() {
        List<String> cases = new ArrayList<>(List.of("http://adlnet.gov/expapi/verbs/completed", "urn:uuid:1234",
                "mailto:a@b.c", "a:b", "a:", ":b", "1a:b", "a1+-.:x", "a_b:c", "http://x/ y", "http://x/\ty", "http://x/<",
                "http://x/\"", "http://x/{", "http://x/|", "http://x/\\", "http://x/^", "http://x/`", "http://ü.example/ä",
                "http://x/\u00a0", "http://x/\u000B", "tag:example.com,2026:😀", "", "a", "a:b:c", "A:B", "http://x/\r"));
        Random random = new Random(42);
        String alphabet = "aZ09+-.:/ \t<>\"{}|\\^`ü😀_\u000B";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(b.toString());
        }
        for (String s : cases) {
            assertThat(Formats.iri(s)).as("'%s'", s).isEqualTo(IRI.matcher(s).matches());
        }
    }

    @Test
    void timestampAgreesWithOffsetDateTimeParseOnIsoText() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String s = "%04d-%02d-%02dT%02d:%02d:%02d.%s%s".formatted(random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
                    "1234567891".substring(0, 1 + random.nextInt(10)),
                    List.of("Z", "+01:00", "-11:30", "+18:00", "-18:01", "+05:60").get(random.nextInt(6)));
            OffsetDateTime expected;
            try {
                expected = OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            assertThat(Formats.timestamp(s)).as("'%s'", s).isEqualTo(expected);
        }
    }

    @Test
    void timestampFormsBeyondIsoTextAreReadAsTheSpecSays() {
        assertThat(Formats.timestamp("2026-11-24T15:06Z")).isEqualTo(OffsetDateTime.parse("2026-11-24T15:06:00Z"));
        assertThat(Formats.timestamp("2026-11-24T15:06:40,5+01:00")).isEqualTo(OffsetDateTime.parse("2026-11-24T15:06:40.5+01:00"));
        assertThat(Formats.timestamp("2026-11-24T15:06:40+0530")).isEqualTo(OffsetDateTime.parse("2026-11-24T15:06:40+05:30"));
        assertThat(Formats.timestamp("2026-11-24T15:06:40-07")).isEqualTo(OffsetDateTime.parse("2026-11-24T15:06:40-07:00"));
        assertThat(Formats.timestamp("2024-02-29T10:00:00z")).isEqualTo(OffsetDateTime.parse("2024-02-29T10:00:00Z"));
        // RFC 3339's "offset unknown", refused by the spec
        for (String unknown : List.of("2026-11-24T15:06:40-00:00", "2026-11-24T15:06:40-0000", "2026-11-24T15:06:40-00")) {
            assertThat(Formats.timestamp(unknown)).as(unknown).isNull();
        }
        assertThat(Formats.timestamp("2026-11-24T15:06:40+00:00")).isEqualTo(OffsetDateTime.parse("2026-11-24T15:06:40Z"));
        for (String invalid : List.of("2026-02-30T10:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T10:00:00+19:00",
                "2026-11-24T15:06:40.1234567890Z", "2026-11-24 10:00:00Z", "2026-11-24T10:00:00", "2026-11-24T10:00:00+1")) {
            assertThat(Formats.timestamp(invalid)).as(invalid).isNull();
        }
    }
}
