package io.skillbridge.identity;

import io.skillbridge.canonical.RecordValues;
import io.skillbridge.canonical.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the people that records of other source families (skills feeds, LMS completions, xAPI actors) are about,
 * by the keys those records carry, a page at a time. A key that matches two people matches nobody: the record then
 * goes to dead letters rather than to the wrong person.
 */
@Repository
public class PersonLookup {

    /** How a record names a person: its id in the record's own system, the HR employee number, or the work email. */
    public record Key(String externalId, String employeeId, String workEmail) {

        public boolean isEmpty() {
            return externalId == null && employeeId == null && workEmail == null;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (externalId != null) {
                sb.append("externalId '").append(externalId).append("'");
            }
            if (employeeId != null) {
                sb.append(sb.isEmpty() ? "" : ", ").append("employeeId '").append(employeeId).append("'");
            }
            if (workEmail != null) {
                sb.append(sb.isEmpty() ? "" : ", ").append("workEmail '").append(workEmail).append("'");
            }
            return sb.toString();
        }
    }

    private static final String AMBIGUOUS = "";

    private final JdbcTemplate jdbc;

    public PersonLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param system the system whose ids the keys' {@code externalId}s are
     * @return the person each key names, for the keys that name exactly one (tried in order: external id, employee
     *         id, work email)
     */
    public Map<Key, String> resolve(String system, Collection<Key> keys) {
        Map<String, String> byExternal = new HashMap<>();
        Sql.forEachIn(jdbc, "select l.external_id, l.person_id from identity_link l join unnest(?) as k(v)"
                        + " on l.external_id = k.v where l.system = ?", system,
                keys.stream().map(Key::externalId).filter(Objects::nonNull).toList(),
                rs -> byExternal.put(rs.getString(1), rs.getString(2)));
        Map<String, String> byEmployee = unique("employee_id",
                keys.stream().map(Key::employeeId).filter(Objects::nonNull).toList());
        Map<String, String> byEmail = unique("work_email_norm",
                keys.stream().map(Key::workEmail).filter(Objects::nonNull).map(RecordValues::normalizeEmail).toList());
        Map<Key, String> found = new HashMap<>();
        for (Key k : keys) {
            String person = k.externalId() == null ? null : byExternal.get(k.externalId());
            if (person == null && k.employeeId() != null) {
                person = byEmployee.get(k.employeeId());
            }
            if ((person == null || person.equals(AMBIGUOUS)) && k.workEmail() != null) {
                person = byEmail.get(RecordValues.normalizeEmail(k.workEmail()));
            }
            if (person != null && !person.equals(AMBIGUOUS)) {
                found.put(k, person);
            }
        }
        return found;
    }

    /** Value to person, with values that more than one person has marked ambiguous. */
    private Map<String, String> unique(String column, Collection<String> values) {
        Map<String, String> found = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Sql.forEachIn(jdbc, "select p." + column + ", p.id from person p join unnest(?) as k(v) on p." + column + " = k.v",
                null, values, rs -> {
                    String value = rs.getString(1);
                    found.put(value, seen.add(value) ? rs.getString(2) : AMBIGUOUS);
                });
        return found;
    }
}
