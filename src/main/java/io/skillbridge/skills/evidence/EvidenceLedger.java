package io.skillbridge.skills.evidence;

import io.skillbridge.canonical.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The evidence ledger: every skill claim with the record it came from. Claims are written in the caller's
 * transaction together with the change that made them, and the persons they touch are marked stale in the same
 * transaction; the {@link io.skillbridge.skills.profile.ProfileService} recomputes them after the commit.
 * Rows are never deleted: a claim whose record is gone is withdrawn, with the reason.
 */
@Repository
public class EvidenceLedger {

    private static final String COLUMNS = "e.id, e.person_id, e.skill_id, e.level, e.raw_level, e.scale, e.source_kind,"
            + " e.confidence, e.observed_at, e.origin_type, e.origin_system, e.origin_ref, e.connector_id,"
            + " e.withdrawn_at, e.withdrawn_reason";

    private final JdbcTemplate jdbc;
    private final List<Consumer<Set<String>>> staleListeners = new ArrayList<>();

    public EvidenceLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called after a commit that marked persons stale, with those persons. */
    public void onStale(Consumer<Set<String>> listener) {
        staleListeners.add(listener);
    }

    /**
     * Makes the ledger say exactly {@code claims} for each of {@code origins}: new claims are added, changed ones
     * updated (and restored if they had been withdrawn), and claims an origin made before but no longer makes are
     * withdrawn. Replaying the same records changes nothing.
     *
     * @param runId the run that delivered the origins, for the reconciliation of a full snapshot (or null)
     * @return how many rows were added, changed or withdrawn
     */
    public int replace(Collection<Origin> origins, List<Claim> claims, Long runId) {
        if (origins.isEmpty()) {
            return 0;
        }
        Map<String, Evidence> existing = new HashMap<>();
        for (Map.Entry<String, List<Origin>> group : groupByTypeAndSystem(origins).entrySet()) {
            Origin any = group.getValue().get(0);
            Sql.forEachIn(jdbc, "select " + COLUMNS + " from skill_evidence e join unnest(?) as k(v) on e.origin_ref = k.v"
                            + " where e.origin_type = '" + sqlWord(any.type()) + "' and e.origin_system = ?",
                    any.system(), group.getValue().stream().map(Origin::ref).toList(),
                    rs -> {
                        Evidence e = evidence(rs);
                        existing.put(key(e.origin(), e.skillId()), e);
                    });
        }
        Instant now = Instant.now();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> seen = new ArrayList<>();
        Set<String> stale = new LinkedHashSet<>();
        Set<String> claimed = new HashSet<>();
        for (Claim c : claims) {
            String key = key(c.origin(), c.skillId());
            if (!claimed.add(key)) {
                continue;
            }
            Evidence e = existing.get(key);
            if (e == null) {
                inserts.add(new Object[]{c.personId(), c.skillId(), c.level(), c.rawLevel(), c.scale(), c.kind().wire(),
                        c.confidence(), Sql.ts(c.observedAt()), c.origin().type(), c.origin().system(), c.origin().ref(),
                        c.origin().connectorId(), runId, Sql.ts(now)});
                stale.add(c.personId());
            } else if (!c.sameAs(e)) {
                updates.add(new Object[]{c.personId(), c.level(), c.rawLevel(), c.scale(), c.kind().wire(), c.confidence(),
                        Sql.ts(c.observedAt()), c.origin().connectorId(), runId, e.id()});
                stale.add(c.personId());
                stale.add(e.personId());
            } else if (runId != null) {
                seen.add(new Object[]{runId, e.id()});
            }
        }
        List<Long> gone = new ArrayList<>();
        for (Evidence e : existing.values()) {
            if (!claimed.contains(key(e.origin(), e.skillId())) && !e.withdrawn()) {
                gone.add(e.id());
                stale.add(e.personId());
            }
        }
        jdbc.batchUpdate("insert into skill_evidence (person_id, skill_id, level, raw_level, scale, source_kind, confidence,"
                + " observed_at, origin_type, origin_system, origin_ref, connector_id, last_seen_run, recorded_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batchUpdate("update skill_evidence set person_id = ?, level = ?, raw_level = ?, scale = ?, source_kind = ?,"
                + " confidence = ?, observed_at = ?, connector_id = ?, last_seen_run = ?, withdrawn_at = null,"
                + " withdrawn_reason = null where id = ?", updates);
        jdbc.batchUpdate("update skill_evidence set last_seen_run = ? where id = ?", seen);
        withdrawIds(gone, "the record no longer claims this skill", now);
        markStale(stale);
        return inserts.size() + updates.size() + gone.size();
    }

    /**
     * Withdraws every claim of the given origins (their records were deleted or voided).
     *
     * @return how many claims were withdrawn
     */
    public int withdraw(Collection<Origin> origins, String reason) {
        List<Long> ids = new ArrayList<>();
        Set<String> stale = new LinkedHashSet<>();
        for (Map.Entry<String, List<Origin>> group : groupByTypeAndSystem(origins).entrySet()) {
            Origin any = group.getValue().get(0);
            Sql.forEachIn(jdbc, "select e.id, e.person_id from skill_evidence e join unnest(?) as k(v) on e.origin_ref = k.v"
                            + " where e.origin_type = '" + sqlWord(any.type()) + "' and e.origin_system = ?"
                            + " and e.withdrawn_at is null", any.system(),
                    group.getValue().stream().map(Origin::ref).toList(), rs -> {
                        ids.add(rs.getLong(1));
                        stale.add(rs.getString(2));
                    });
        }
        withdrawIds(ids, reason, Instant.now());
        markStale(stale);
        return ids.size();
    }

    /**
     * After a full snapshot from a connector: what it delivered before but not in this run is withdrawn.
     *
     * @return how many claims were withdrawn
     */
    public int withdrawNotSeen(String connectorId, long runId, String reason) {
        List<Long> ids = new ArrayList<>();
        Set<String> stale = new LinkedHashSet<>();
        jdbc.query("select id, person_id from skill_evidence where connector_id = ? and withdrawn_at is null"
                + " and (last_seen_run is null or last_seen_run <> ?)", rs -> {
                    ids.add(rs.getLong(1));
                    stale.add(rs.getString(2));
                }, connectorId, runId);
        withdrawIds(ids, reason, Instant.now());
        markStale(stale);
        return ids.size();
    }

    public List<Evidence> forPerson(String personId) {
        return jdbc.query("select " + COLUMNS + " from skill_evidence e where e.person_id = ? order by e.observed_at desc",
                (rs, n) -> evidence(rs), personId);
    }

    /** The standing claims of some persons for some skills (the evidence that matched a talent search). */
    public List<Evidence> forPersons(Collection<String> personIds, Collection<String> skillIds) {
        Set<String> skills = new HashSet<>(skillIds);
        List<Evidence> found = new ArrayList<>();
        Sql.forEachIn(jdbc, "select " + COLUMNS + " from skill_evidence e join unnest(?) as k(v) on e.person_id = k.v"
                + " where e.withdrawn_at is null", null, personIds, rs -> {
                    if (skills.contains(rs.getString("skill_id"))) {
                        found.add(evidence(rs));
                    }
                });
        return found;
    }

    /** Persons whose profile waits for a recompute. */
    public List<String> stale(int limit) {
        return jdbc.queryForList("select person_id from profile_stale order by marked_at fetch first " + limit + " rows only",
                String.class);
    }

    /** Clears the stale marks of persons recomputed from what the ledger held at {@code readAt}. */
    public void clearStale(Collection<String> personIds, Instant readAt) {
        jdbc.batchUpdate("delete from profile_stale where person_id = ? and marked_at <= ?",
                personIds.stream().map(p -> new Object[]{p, Sql.ts(readAt)}).toList());
    }

    private void withdrawIds(List<Long> ids, String reason, Instant at) {
        jdbc.batchUpdate("update skill_evidence set withdrawn_at = ?, withdrawn_reason = ? where id = ?",
                ids.stream().map(id -> new Object[]{Sql.ts(at), reason, id}).toList());
    }

    private void markStale(Set<String> persons) {
        if (persons.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        jdbc.batchUpdate("merge into profile_stale t using (values (cast(? as varchar(36)),"
                        + " cast(? as timestamp with time zone))) as s (person_id, marked_at) on t.person_id = s.person_id"
                        + " when matched then update set marked_at = s.marked_at"
                        + " when not matched then insert (person_id, marked_at) values (s.person_id, s.marked_at)",
                persons.stream().map(p -> new Object[]{p, Sql.ts(now)}).toList());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notifyStale(persons);
                }
            });
        } else {
            notifyStale(persons);
        }
    }

    private void notifyStale(Set<String> persons) {
        staleListeners.forEach(l -> l.accept(persons));
    }

    private static Map<String, List<Origin>> groupByTypeAndSystem(Collection<Origin> origins) {
        return origins.stream().collect(Collectors.groupingBy(o -> o.type() + "\u0000" + o.system()));
    }

    /** Origin types are the hub's own words, never input: checked so they can be inlined into the statement. */
    private static String sqlWord(String type) {
        if (!type.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("origin type " + type);
        }
        return type;
    }

    private static String key(Origin o, String skillId) {
        return o.type() + "\u0000" + o.system() + "\u0000" + o.ref() + "\u0000" + skillId;
    }

    private static Evidence evidence(ResultSet rs) throws SQLException {
        return new Evidence(rs.getLong("id"), rs.getString("person_id"), rs.getString("skill_id"), rs.getDouble("level"),
                rs.getString("raw_level"), rs.getString("scale"), SourceKind.parse(rs.getString("source_kind")).orElseThrow(),
                rs.getDouble("confidence"), Sql.instant(rs, "observed_at"),
                new Origin(rs.getString("origin_type"), rs.getString("origin_system"), rs.getString("origin_ref"),
                        rs.getString("connector_id")), Sql.instant(rs, "withdrawn_at"), rs.getString("withdrawn_reason"));
    }
}
