package io.skillbridge.catalog;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration as content libraries write it, in minutes: "PT2H30M", "2h 51m", "Approx. 20 hours", "90 min",
 * "4 weeks, 3-4 hours per week" (a range counts as its middle), "3 months at 5 hours a week". Text that names no
 * amount of time, or only days or weeks without hours per week, has no duration: guessing would rank content wrongly.
 */
public final class Durations {

    private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)(?:\\s*(?:-|–|to)\\s*(\\d+(?:[.,]\\d+)?))?";
    private static final String HOURS = "(?:hours?|hrs?|h)";
    private static final String MINUTES = "(?:minutes?|mins?|m)";
    private static final Pattern PER_WEEK = Pattern.compile(NUMBER + "\\s*(" + HOURS + "|" + MINUTES + ")\\s*(?:per|a|an|/|each)\\s*(?:week|wk)\\b");
    private static final Pattern SPAN = Pattern.compile(NUMBER + "\\s*(weeks?|wks?|months?)\\b");
    private static final Pattern PART = Pattern.compile(NUMBER + "\\s*(" + HOURS + "|" + MINUTES + "|seconds?|secs?|s)\\b");
    private static final double WEEKS_PER_MONTH = 52.0 / 12;

    private Durations() {
    }

    /** The duration in whole minutes, or {@code null} when the text does not say. */
    public static Integer minutes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("p")) {
            try {
                return round(Duration.parse(s.toUpperCase(Locale.ROOT)).getSeconds() / 60.0);
            } catch (DateTimeParseException e) {
                // not ISO 8601: read as prose below
            }
        }
        Matcher perWeek = PER_WEEK.matcher(s);
        if (perWeek.find()) {
            double weekly = toMinutes(amount(perWeek), perWeek.group(3));
            Matcher span = SPAN.matcher(s);
            if (!span.find()) {
                return null;
            }
            double weeks = amount(span) * (span.group(3).startsWith("m") ? WEEKS_PER_MONTH : 1);
            return round(weeks * weekly);
        }
        double total = 0;
        boolean found = false;
        for (Matcher part = PART.matcher(s); part.find(); ) {
            total += toMinutes(amount(part), part.group(3));
            found = true;
        }
        return found ? round(total) : null;
    }

    private static double amount(Matcher m) {
        double low = Double.parseDouble(m.group(1).replace(',', '.'));
        return m.group(2) == null ? low : (low + Double.parseDouble(m.group(2).replace(',', '.'))) / 2;
    }

    private static double toMinutes(double amount, String unit) {
        if (unit.startsWith("h")) {
            return amount * 60;
        }
        return unit.startsWith("s") ? amount / 60 : amount;
    }

    private static Integer round(double minutes) {
        return minutes <= 0 ? null : (int) Math.max(1, Math.round(minutes));
    }
}
