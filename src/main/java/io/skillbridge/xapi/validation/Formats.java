package io.skillbridge.xapi.validation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The value formats the xAPI data model names: IRIs, UUIDs, timestamps, durations, language tags, mailboxes. */
public final class Formats {

    private static final Pattern IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]+$");
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

    public static boolean iri(String s) {
        return IRI.matcher(s).matches();
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
        String time = m.group(2).replace(',', '.');
        if (time.length() == 5) {
            time = time + ":00";
        }
        String offset = zone.equalsIgnoreCase("z") ? "Z"
                : zone.length() == 3 ? zone + ":00"
                : zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
        try {
            return OffsetDateTime.parse(m.group(1) + "T" + time + offset);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
