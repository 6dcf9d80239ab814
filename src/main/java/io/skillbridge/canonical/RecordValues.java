package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the values of a mapped record the way HR feeds really send them: empty strings and {@code 0000-00-00}
 * mean missing, dates may carry a time and an offset, booleans come as {@code "1"} or {@code "Yes"}.
 */
public final class RecordValues {

    private RecordValues() {
    }

    public static String text(JsonNode record, String field) {
        JsonNode n = record.get(field);
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isContainerNode()) {
            throw new InvalidRecordException(field + ": expected a text value, got " + n.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    public static String requiredText(JsonNode record, String field) {
        String s = text(record, field);
        if (s == null) {
            throw new InvalidRecordException(field + ": required but missing");
        }
        return s;
    }

    /**
     * A calendar date. A date-time keeps the date as stated in its own zone: a hire on 2019-03-18 in
     * California must not become 2019-03-19 because it is already the next day in UTC.
     */
    public static LocalDate date(JsonNode record, String field) {
        String s = text(record, field);
        if (s == null || s.startsWith("0000-00-00")) {
            return null;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            if (hasOffset(s)) {
                return OffsetDateTime.parse(s).toLocalDate();
            }
            return LocalDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(field + ": '" + s + "' is not a date (expected YYYY-MM-DD or an ISO date-time)");
        }
    }

    /** An instant; a date-time without an offset is taken as UTC, a plain date as its start in UTC. */
    public static Instant instant(JsonNode record, String field) {
        String s = text(record, field);
        if (s == null || s.startsWith("0000-00-00")) {
            return null;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (hasOffset(s)) {
                return OffsetDateTime.parse(s).toInstant();
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(field + ": '" + s + "' is not an ISO date-time");
        }
    }

    public static Boolean bool(JsonNode record, String field) {
        JsonNode n = record.get(field);
        if (n != null && n.isBoolean()) {
            return n.booleanValue();
        }
        String s = text(record, field);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y" -> Boolean.TRUE;
            case "0", "false", "no", "n" -> Boolean.FALSE;
            default -> throw new InvalidRecordException(field + ": '" + s + "' is not a boolean");
        };
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean hasOffset(String s) {
        int t = s.indexOf('T');
        if (t < 0) {
            return false;
        }
        String time = s.substring(t);
        return time.endsWith("Z") || time.indexOf('+') > 0 || time.lastIndexOf('-') > 0;
    }
}
