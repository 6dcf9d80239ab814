package io.skillbridge.kpi;

import java.util.Locale;
import java.util.Map;

/**
 * Where a job level (Workday's management level, a CSV's job_level) sits on the management ladder: the first half of
 * what makes a move upward. Words not listed rank as unknown (-1), and the role's requirements decide alone.
 */
final class JobLevels {

    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("entry", 0), Map.entry("associate", 0), Map.entry("individual contributor", 1),
            Map.entry("professional", 1), Map.entry("senior professional", 2), Map.entry("supervisor", 2),
            Map.entry("team lead", 2), Map.entry("lead", 2), Map.entry("manager", 3), Map.entry("senior manager", 4),
            Map.entry("director", 5), Map.entry("senior director", 6), Map.entry("vice president", 7),
            Map.entry("vp", 7), Map.entry("executive", 8));

    private JobLevels() {
    }

    static int rank(String level) {
        return level == null ? -1 : RANKS.getOrDefault(level.trim().toLowerCase(Locale.ROOT), -1);
    }
}
