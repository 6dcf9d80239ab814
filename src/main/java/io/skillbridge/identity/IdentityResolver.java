package io.skillbridge.identity;

import io.skillbridge.canonical.RecordValues;
import io.skillbridge.canonical.WorkerRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which canonical person a source record belongs to, for one page of one source system.
 *
 * <p>A record already linked to a person keeps that person. A new record is matched by the connector's keys in
 * order of trust ({@code employeeId}, {@code workEmail}); several different people matched, or a matched person
 * who already has another record in the same system, is ambiguous and goes to review: two people are never merged
 * silently. The caller loads what the page needs in bulk; decisions made for earlier records of the page are
 * visible to later ones, so duplicates inside a page resolve like duplicates across pages.
 */
public final class IdentityResolver {

    /** What was decided for a record. */
    public sealed interface Resolution permits Linked, Matched, Created, Ambiguous {
    }

    /** The record was already linked to this person. */
    public record Linked(String personId) implements Resolution {
    }

    /** A new record joined an existing person through a matching key. */
    public record Matched(String personId, String key) implements Resolution {
    }

    /** A new record with no match: a new person. */
    public record Created(String personId) implements Resolution {
    }

    /** No safe decision: the record waits in the review list. */
    public record Ambiguous(List<String> candidates, String reason) implements Resolution {
    }

    private final String system;
    private final List<String> matchKeys;
    private final Map<String, String> linkedPersonByExternalId;
    private final Map<String, Set<String>> personsByEmployeeId;
    private final Map<String, Set<String>> personsByEmail;
    private final Map<String, String> externalIdInSystemByPerson;

    /**
     * @param linkedPersonByExternalId   existing links of this system for the page's external ids
     * @param personsByEmployeeId        people holding each employee id the page mentions
     * @param personsByEmail             people holding each normalized email the page mentions
     * @param externalIdInSystemByPerson for the candidate people, their record id in this system, if any
     */
    public IdentityResolver(String system, List<String> matchKeys, Map<String, String> linkedPersonByExternalId,
                            Map<String, Set<String>> personsByEmployeeId, Map<String, Set<String>> personsByEmail,
                            Map<String, String> externalIdInSystemByPerson) {
        for (String key : matchKeys) {
            if (!key.equals("employeeId") && !key.equals("workEmail")) {
                throw new IllegalArgumentException("matchBy: unknown key '" + key + "' (known: employeeId, workEmail)");
            }
        }
        this.system = system;
        this.matchKeys = matchKeys;
        this.linkedPersonByExternalId = new HashMap<>(linkedPersonByExternalId);
        this.personsByEmployeeId = copy(personsByEmployeeId);
        this.personsByEmail = copy(personsByEmail);
        this.externalIdInSystemByPerson = new HashMap<>(externalIdInSystemByPerson);
    }

    /** The resolver adds the page's own decisions to its maps: it must never write into the caller's sets. */
    private static Map<String, Set<String>> copy(Map<String, Set<String>> keys) {
        Map<String, Set<String>> copy = new HashMap<>();
        keys.forEach((k, v) -> copy.put(k, new LinkedHashSet<>(v)));
        return copy;
    }

    public Resolution resolve(WorkerRecord r) {
        String linked = linkedPersonByExternalId.get(r.externalId());
        if (linked != null) {
            remember(linked, r);
            return new Linked(linked);
        }
        Set<String> candidates = new LinkedHashSet<>();
        String matchedBy = null;
        for (String key : matchKeys) {
            Set<String> found = switch (key) {
                case "employeeId" -> r.employeeId() == null ? Set.of() : personsByEmployeeId.getOrDefault(r.employeeId(), Set.of());
                default -> r.workEmail() == null ? Set.of() : personsByEmail.getOrDefault(RecordValues.normalizeEmail(r.workEmail()), Set.of());
            };
            if (!found.isEmpty() && matchedBy == null) {
                matchedBy = key;
            }
            candidates.addAll(found);
        }
        if (candidates.size() > 1) {
            return new Ambiguous(new ArrayList<>(candidates), "the matching keys (" + String.join(", ", matchKeys)
                    + ") point at " + candidates.size() + " different people");
        }
        if (candidates.size() == 1) {
            String person = candidates.iterator().next();
            String other = externalIdInSystemByPerson.get(person);
            if (other != null && !other.equals(r.externalId())) {
                return new Ambiguous(List.of(person), "matched by " + matchedBy + " to a person who already has "
                        + system + " record " + other);
            }
            linkedPersonByExternalId.put(r.externalId(), person);
            remember(person, r);
            return new Matched(person, matchedBy);
        }
        String created = PersonIds.next();
        linkedPersonByExternalId.put(r.externalId(), created);
        remember(created, r);
        return new Created(created);
    }

    private void remember(String person, WorkerRecord r) {
        externalIdInSystemByPerson.put(person, r.externalId());
        if (r.employeeId() != null) {
            personsByEmployeeId.computeIfAbsent(r.employeeId(), k -> new LinkedHashSet<>()).add(person);
        }
        if (r.workEmail() != null) {
            personsByEmail.computeIfAbsent(RecordValues.normalizeEmail(r.workEmail()), k -> new LinkedHashSet<>()).add(person);
        }
    }
}
