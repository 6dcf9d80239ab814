package io.skillbridge.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.canonical.PersonChangeListener;
import io.skillbridge.canonical.Sql;
import io.skillbridge.skills.profile.ProfileChangeListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes outbox rows inside the transaction of the change that causes them (a profile recompute, a worker page,
 * a new assignment), one per target that wants the event, tagged with the systems whose data caused the change.
 * A change whose only cause is data from a target's own system is not written back to it: no ping-pong.
 */
@Component
public class OutboxWriter implements ProfileChangeListener, PersonChangeListener {

    private static final String INSERT = "insert into outbox (event, target_id, person_id, subject_ref, cause_systems,"
            + " payload, idempotency_key, status, attempts, next_attempt_at, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Targets targets;
    private final OutboxSignal signal;
    private final ObjectMapper json;

    public OutboxWriter(JdbcTemplate jdbc, Targets targets, OutboxSignal signal, ObjectMapper json) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.signal = signal;
        this.json = json;
    }

    @Override
    public void profilesChanged(Map<String, List<LevelChange>> changesByPerson) {
        List<Target> wanting = wanting(OutboundEvents.PROFILE_UPDATED);
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, Set<String>> causes = causes(changesByPerson);
        Map<String, Set<String>> systems = systemsOf(changesByPerson.keySet());
        List<Object[]> rows = new ArrayList<>();
        changesByPerson.forEach((person, changes) -> {
            Set<String> cause = causes.getOrDefault(person, Set.of());
            String payload = write(fields("personId", person, "changes", changes));
            for (Target t : wanting) {
                if (t.system() != null && (!systems.getOrDefault(person, Set.of()).contains(t.system())
                        || isEcho(cause, t.system()))) {
                    continue;
                }
                rows.add(row(OutboundEvents.PROFILE_UPDATED, t, person, null, cause, payload));
            }
        });
        insert(rows);
    }

    @Override
    public void personsChanged(String system, List<String> personIds) {
        List<Object[]> rows = new ArrayList<>();
        for (Target t : wanting(OutboundEvents.PERSON_CHANGED)) {
            // the HRIS owns a person's facts: what it told the hub never goes back to it
            if (system.equals(t.system())) {
                continue;
            }
            personIds.forEach(p -> rows.add(row(OutboundEvents.PERSON_CHANGED, t, p, null, Set.of(system),
                    write(fields("personId", p, "system", system)))));
        }
        insert(rows);
    }

    /** Rows for a new assignment: webhooks, generic targets, and the LMS that hosts its content. */
    public void assignmentCreated(Assignment a) {
        String payload = write(fields("personId", a.personId(), "assignment", a));
        List<Object[]> rows = new ArrayList<>();
        for (Target t : wanting(OutboundEvents.ASSIGNMENT_CREATED)) {
            if (t.system() == null || t.system().equals(a.contentProvider())) {
                rows.add(row(OutboundEvents.ASSIGNMENT_CREATED, t, a.personId(), a.id(), Set.of(), payload));
            }
        }
        insert(rows);
    }

    /** Only data from the target's own system caused the change. */
    static boolean isEcho(Set<String> causes, String system) {
        return !causes.isEmpty() && causes.stream().allMatch(system::equals);
    }

    private List<Target> wanting(String event) {
        return targets.all().stream().filter(t -> t.wants(event)).toList();
    }

    private Object[] row(String event, Target t, String person, String subject, Set<String> causes, String payload) {
        Object now = Sql.now();
        return new Object[]{event, t.id(), person, subject, causes.isEmpty() ? null : String.join(",", new TreeSet<>(causes)),
                payload, UUID.randomUUID().toString(), now, now};
    }

    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
            signal.wakeAfterCommit();
        }
    }

    /**
     * The systems whose evidence caused each person's change: the origins of the changed skills' evidence recorded
     * or withdrawn since the person's last recompute (whose profile rows the store still holds at this point); when a
     * skill moved without such evidence (a claim updated in place, decay), every origin of that skill's evidence.
     */
    private Map<String, Set<String>> causes(Map<String, List<LevelChange>> changesByPerson) {
        Map<String, Instant> lastComputed = new HashMap<>();
        Sql.forEachIn(jdbc, "select s.person_id, max(s.computed_at) as computed_at from skill_profile s"
                + " join unnest(?) as k(v) on s.person_id = k.v group by s.person_id", null, changesByPerson.keySet(),
                rs -> lastComputed.put(rs.getString(1), Sql.instant(rs, "computed_at")));
        Map<String, Map<String, Set<String>>> recent = new HashMap<>();
        Map<String, Map<String, Set<String>>> any = new HashMap<>();
        Sql.forEachIn(jdbc, "select e.person_id, e.skill_id, e.origin_system, e.recorded_at, e.withdrawn_at"
                + " from skill_evidence e join unnest(?) as k(v) on e.person_id = k.v", null, changesByPerson.keySet(), rs -> {
                    String person = rs.getString(1);
                    Instant since = lastComputed.get(person);
                    Instant recorded = Sql.instant(rs, "recorded_at");
                    Instant withdrawn = Sql.instant(rs, "withdrawn_at");
                    String skill = rs.getString(2);
                    String system = rs.getString(3);
                    any.computeIfAbsent(person, k -> new HashMap<>()).computeIfAbsent(skill, k -> new HashSet<>()).add(system);
                    if (since == null || recorded.isAfter(since) || (withdrawn != null && withdrawn.isAfter(since))) {
                        recent.computeIfAbsent(person, k -> new HashMap<>()).computeIfAbsent(skill, k -> new HashSet<>()).add(system);
                    }
                });
        Map<String, Set<String>> causes = new LinkedHashMap<>();
        changesByPerson.forEach((person, changes) -> {
            Set<String> systems = new HashSet<>();
            for (LevelChange c : changes) {
                Set<String> fresh = recent.getOrDefault(person, Map.of()).get(c.skillId());
                systems.addAll(fresh != null ? fresh : any.getOrDefault(person, Map.of()).getOrDefault(c.skillId(), Set.of()));
            }
            causes.put(person, systems);
        });
        return causes;
    }

    private Map<String, Set<String>> systemsOf(Collection<String> persons) {
        Map<String, Set<String>> systems = new HashMap<>();
        Sql.forEachIn(jdbc, "select l.person_id, l.system from identity_link l join unnest(?) as k(v) on l.person_id = k.v"
                + " where l.active = true", null, persons,
                rs -> systems.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
        return systems;
    }

    /** The event's data with its fields in a fixed order: a subscriber sees the same shape every time. */
    private static Map<String, Object> fields(String firstName, Object first, String secondName, Object second) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(firstName, first);
        fields.put(secondName, second);
        return fields;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
