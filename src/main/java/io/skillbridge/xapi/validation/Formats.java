package io.skillbridge.xapi.validation;

import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** The value formats the xAPI data model names: IRIs, UUIDs, timestamps, durations, language tags, mailboxes. */
public final class Formats {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)(Z|z|[+-]\\d{2}(?::?\\d{2})?)$");
    private static final Pattern DURATION = Pattern.compile("^P(?!$)(\\d+(?:\\.\\d+)?Y)?(\\d+(?:\\.\\d+)?M)?(\\d+(?:\\.\\d+)?D)?"
            + "(T(?=\\d)(\\d+(?:\\.\\d+)?H)?(\\d+(?:\\.\\d+)?M)?(\\d+(?:\\.\\d+)?S)?)?$|^P\\d+(?:\\.\\d+)?W$");
    // RFC 5646 language tag: language (with extlang), script, region, variants, extensions, private use
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
            + "(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\\d{3}))?(?:-(?:[A-Za-z0-9]{5,8}|\\d[A-Za-z0-9]{3}))*"
            + "(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?|[xX](?:-[A-Za-z0-9]{1,8})+)$");
    private static final Pattern MAILTO = Pattern.compile("^mailto:[^@\\s]+@[^@\\s]+$");
    private static final Pattern SHA1_HEX = Pattern.compile("^[0-9a-fA-F]{40}$");
    private static final Pattern SHA2_HEX = Pattern.compile("^[0-9a-fA-F]{56}(?:[0-9a-fA-F]{8}(?:[0-9a-fA-F]{32}){0,2})?$");
    private static final Pattern MEDIA_TYPE = Pattern.compile("^[A-Za-z0-9!#$&^_.+\\-]+/[A-Za-z0-9!#$&^_.+\\-]+(\\s*;.*)?$");

    private Formats() {
    }

    /**
     * An absolute IRI: a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), a colon, then no whitespace and
     * none of {@code <>"{}|\^`}. A loop rather than a regular expression: every statement has several IRIs, and the
     * expression cost a sixth of the time a batch spent in the hub.
     */
    public static boolean iri(String s) {
        int colon = s.indexOf(':');
        if (colon < 1 || colon == s.length() - 1 || !letter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!(letter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        for (int i = colon + 1; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case ' ', '\t', '\n', '\u000B', '\f', '\r', '<', '>', '"', '{', '}', '|', '\\', '^', '`' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    public static boolean uuid(String s) {
        return UUID.matcher(s).matches();
    }

    public static boolean duration(String s) {
        return DURATION.matcher(s).matches();
    }

    public static boolean languageTag(String s) {
        return LANGUAGE_TAG.matcher(s).matches();
    }

    public static boolean mailto(String s) {
        return MAILTO.matcher(s).matches();
    }

    public static boolean sha1Hex(String s) {
        return SHA1_HEX.matcher(s).matches();
    }

    /** SHA-224, -256, -384 or -512 in hex: the lengths an attachment's {@code sha2} may have. */
    public static boolean sha2Hex(String s) {
        return SHA2_HEX.matcher(s).matches();
    }

    public static boolean mediaType(String s) {
        return MEDIA_TYPE.matcher(s).matches();
    }

    /**
     * An ISO 8601 date-time with a zone, as the spec requires; {@code -00:00} ("offset unknown" in RFC 3339) is
     * refused, as the spec says.
     *
     * @return the instant, or null when the text is not such a timestamp
     */
    public static OffsetDateTime timestamp(String s) {
        var m = TIMESTAMP.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String zone = m.group(3);
        if (zone.startsWith("-") && zone.replace(":", "").equals("-0000") || zone.equals("-00")) {
            return null;
        }
        String date = m.group(1);
        String time = m.group(2);
        try {
            // from the groups directly: OffsetDateTime.parse costs more than the rest of a statement's checks
            int nanos = 0;
            int second = 0;
            if (time.length() > 5) {
                second = Integer.parseInt(time, 6, 8, 10);
                if (time.length() > 8) {
                    String fraction = time.substring(9);
                    if (fraction.length() > 9) {
                        return null;
                    }
                    nanos = Integer.parseInt(fraction) * (int) Math.pow(10, 9 - fraction.length());
                }
            }
            ZoneOffset offset = ZoneOffset.UTC;
            if (!zone.equalsIgnoreCase("z")) {
                int sign = zone.charAt(0) == '-' ? -1 : 1;
                int hours = Integer.parseInt(zone, 1, 3, 10);
                int minutes = zone.length() == 3 ? 0 : Integer.parseInt(zone, zone.length() - 2, zone.length(), 10);
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            return OffsetDateTime.of(Integer.parseInt(date, 0, 4, 10), Integer.parseInt(date, 5, 7, 10),
                    Integer.parseInt(date, 8, 10, 10), Integer.parseInt(time, 0, 2, 10), Integer.parseInt(time, 3, 5, 10),
                    second, nanos, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
