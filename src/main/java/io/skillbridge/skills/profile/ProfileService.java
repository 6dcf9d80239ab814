package io.skillbridge.skills.profile;

import io.skillbridge.canonical.Sql;
import io.skillbridge.connector.SyncRunFinished;
import io.skillbridge.skills.evidence.Evidence;
import io.skillbridge.skills.evidence.EvidenceLedger;
import io.skillbridge.skills.evidence.SourceKind;
import io.skillbridge.skills.index.OrgTree;
import io.skillbridge.skills.index.PersonFacts;
import io.skillbridge.skills.index.PersonProfile;
import io.skillbridge.skills.index.ProfileIndex;
import io.skillbridge.skills.profile.ProfileCalculator.SkillLevel;
import io.skillbridge.skills.roles.RoleCatalog;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps every person's profile in step with the evidence ledger: in the store ({@code skill_profile}, for reports
 * and KPIs) and in the in-memory {@link ProfileIndex} the matching questions read. A ledger change marks its
 * persons stale in its own transaction; after the commit a background worker recomputes them, so a stop between
 * the two loses nothing (the marks are drained again at start).
 */
@Service
public class ProfileService {

    private static final Logger log = LoggerFactory.getLogger(ProfileService.class);
    private static final int BATCH = 500;
    private static final int REBUILD_BATCH = 2_000;
    /** Decay moves levels a little every day: the history records a change from a tenth of a level. */
    private static final double LEVEL_CHANGE = 0.1;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EvidenceLedger ledger;
    private final ProfileCalculator calculator;
    private final Taxonomy taxonomy;
    private final RoleCatalog roles;
    private final ProfileIndex index;
    private final List<ProfileChangeListener> changeListeners;
    private volatile OrgTree orgTree;
    /** One thread for every recompute: stale drains and the daily rebuild never run over the same people at once. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "profile-recompute");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    public ProfileService(JdbcTemplate jdbc, TransactionTemplate tx, EvidenceLedger ledger, ProfileCalculator calculator,
                          Taxonomy taxonomy, RoleCatalog roles, List<ProfileChangeListener> changeListeners,
                          @Value("${skillbridge.scheduling.enabled:true}") boolean scheduling,
                          @Value("${skillbridge.skills.rebuild-interval-hours:24}") long rebuildHours) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.calculator = calculator;
        this.taxonomy = taxonomy;
        this.roles = roles;
        this.changeListeners = changeListeners;
        this.index = new ProfileIndex(taxonomy.size());
        long started = System.nanoTime();
        refreshPeople();
        loadProfiles();
        log.info("profile index: {} people loaded in {} ms", index.size(), (System.nanoTime() - started) / 1_000_000);
        ledger.onStale(persons -> scheduleDrain());
        scheduleDrain();
        if (scheduling && rebuildHours > 0) {
            worker.scheduleAtFixedRate(this::scheduledRebuild, rebuildHours, rebuildHours, TimeUnit.HOURS);
        }
    }

    /** A rebuild on the recompute thread (after what is queued there), waited for: the API's rebuild. */
    public int rebuildOnWorker() throws InterruptedException, java.util.concurrent.ExecutionException {
        return worker.submit(this::rebuildAll).get();
    }

    /** Decay lowers every level a little each day; the profiles in the store and the index follow once a day. */
    private void scheduledRebuild() {
        try {
            long started = System.nanoTime();
            int people = rebuildAll();
            log.info("profiles rebuilt for decay: {} people in {} ms", people, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("scheduled profile rebuild failed; the next one retries: {}", e.toString());
        }
    }

    public ProfileIndex index() {
        return index;
    }

    public OrgTree orgTree() {
        return orgTree;
    }

    public ProfileCalculator calculator() {
        return calculator;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** People, roles and org units a sync run changed: the index's facts and the role catalog catch up. */
    @EventListener
    public void on(SyncRunFinished run) {
        switch (run.entity()) {
            case "worker" -> {
                refreshPeople();
                roles.refresh();
            }
            case "role" -> roles.refresh();
            case "orgUnit" -> refreshOrgTree();
            default -> {
                // evidence and learning feeds reach profiles through the ledger's stale marks
            }
        }
    }

    public void refreshPeople() {
        List<PersonFacts> people = new ArrayList<>();
        jdbc.query("select id, display_name, given_name, family_name, status, org_unit_id, role_id, location from person",
                rs -> {
                    people.add(facts(rs));
                });
        index.putFacts(people);
        refreshOrgTree();
    }

    private void refreshOrgTree() {
        Map<String, String> parentOf = new HashMap<>();
        jdbc.query("select id, parent_id from org_unit", rs -> {
            parentOf.put(rs.getString(1), rs.getString(2));
        });
        orgTree = new OrgTree(parentOf);
    }

    private static PersonFacts facts(ResultSet rs) throws SQLException {
        String name = rs.getString("display_name");
        if (name == null) {
            name = String.join(" ", java.util.stream.Stream.of(rs.getString("given_name"), rs.getString("family_name"))
                    .filter(java.util.Objects::nonNull).toList());
        }
        return new PersonFacts(rs.getString("id"), name, rs.getString("status"), rs.getString("org_unit_id"),
                rs.getString("role_id"), rs.getString("location"));
    }

    private void loadProfiles() {
        Map<String, List<float[]>> rows = new HashMap<>();
        jdbc.query("select person_id, skill_id, level, confidence from skill_profile", rs -> {
            Skill skill = taxonomy.byId(rs.getString(2)).orElse(null);
            if (skill != null) {
                rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new float[]{skill.ordinal(), rs.getFloat(3), rs.getFloat(4)});
            }
        });
        Map<String, PersonProfile> profiles = new HashMap<>();
        rows.forEach((person, skills) -> profiles.put(person, toProfile(skills)));
        index.putProfiles(profiles);
    }

    private static PersonProfile toProfile(List<float[]> skills) {
        skills.sort((a, b) -> Float.compare(a[0], b[0]));
        int[] ordinals = new int[skills.size()];
        float[] levels = new float[skills.size()];
        float[] confidence = new float[skills.size()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = (int) skills.get(i)[0];
            levels[i] = skills.get(i)[1];
            confidence[i] = skills.get(i)[2];
        }
        return new PersonProfile(ordinals, levels, confidence);
    }

    private void scheduleDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            worker.submit(() -> {
                drainQueued.set(false);
                try {
                    drainStale();
                } catch (RuntimeException e) {
                    log.warn("profile recompute failed; the persons stay marked and are retried: {}", e.toString());
                }
            });
        }
    }

    /** Recomputes every person marked stale, a batch at a time. */
    public void drainStale() {
        List<String> batch;
        while (!(batch = ledger.stale(BATCH)).isEmpty()) {
            recompute(batch);
        }
    }

    /**
     * Recomputes the profiles of some persons from their evidence, in the store and in the index. One recompute at a
     * time: two over the same person would both replace their rows.
     *
     * @return the persons' new profiles
     */
    public synchronized Map<String, Map<String, SkillLevel>> recompute(Collection<String> personIds) {
        Instant readAt = Instant.now();
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        personIds.forEach(p -> evidence.put(p, new ArrayList<>()));
        Map<String, Map<String, SkillLevel>> computed = new LinkedHashMap<>();
        tx.executeWithoutResult(s -> {
            Sql.forEachIn(jdbc, "select e.person_id, e.skill_id, e.level, e.source_kind, e.confidence, e.observed_at"
                    + " from skill_evidence e join unnest(?) as k(v) on e.person_id = k.v where e.withdrawn_at is null",
                    null, personIds, rs -> evidence.get(rs.getString(1)).add(new Evidence(0, rs.getString(1),
                            rs.getString(2), rs.getDouble(3), null, null, SourceKind.parse(rs.getString(4)).orElseThrow(),
                            rs.getDouble(5), Sql.instant(rs, "observed_at"), null, null, null)));
            evidence.forEach((person, pieces) -> computed.put(person, calculator.compute(pieces, readAt)));
            store(computed, readAt);
            ledger.clearStale(personIds, readAt);
        });
        ensureKnown(personIds);
        Map<String, PersonProfile> profiles = new HashMap<>();
        computed.forEach((person, levels) -> profiles.put(person, toIndex(levels)));
        index.putProfiles(profiles);
        return computed;
    }

    private void store(Map<String, Map<String, SkillLevel>> computed, Instant at) {
        Map<String, Double> before = new HashMap<>();
        Sql.forEachIn(jdbc, "select s.person_id, s.skill_id, s.level from skill_profile s join unnest(?) as k(v)"
                + " on s.person_id = k.v", null, computed.keySet(),
                rs -> before.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getDouble(3)));
        Map<String, List<ProfileChangeListener.LevelChange>> changes = new LinkedHashMap<>();
        computed.forEach((person, levels) -> levels.values().forEach(l -> {
            Double old = before.remove(person + "\u0000" + l.skillId());
            if (old == null || Math.abs(old - l.level()) >= LEVEL_CHANGE) {
                changes.computeIfAbsent(person, k -> new ArrayList<>())
                        .add(new ProfileChangeListener.LevelChange(l.skillId(), old, l.level()));
            }
        }));
        before.forEach((k, old) -> changes.computeIfAbsent(k.substring(0, k.indexOf('\u0000')), p -> new ArrayList<>())
                .add(new ProfileChangeListener.LevelChange(k.substring(k.indexOf('\u0000') + 1), old, 0)));
        Map<String, Instant> lastChange = new HashMap<>();
        Sql.forEachIn(jdbc, "select h.person_id, h.skill_id, max(h.changed_at) as at from skill_level_history h"
                + " join unnest(?) as k(v) on h.person_id = k.v group by h.person_id, h.skill_id", null, changes.keySet(),
                rs -> lastChange.put(rs.getString(1) + "\u0000" + rs.getString(2), Sql.instant(rs, "at")));
        List<Object[]> history = new ArrayList<>();
        changes.forEach((person, list) -> list.forEach(c -> history.add(new Object[]{person, c.skillId(), c.after(),
                Sql.ts(changedAt(c, computed.get(person), lastChange.get(person + "\u0000" + c.skillId()), at))})));
        jdbc.batchUpdate("insert into skill_level_history (person_id, skill_id, level, changed_at) values (?, ?, ?, ?)",
                history);
        if (!changes.isEmpty()) {
            changeListeners.forEach(l -> l.profilesChanged(changes));
        }
        jdbc.batchUpdate("delete from skill_profile where person_id = ?",
                computed.keySet().stream().map(p -> new Object[]{p}).toList());
        List<Object[]> rows = new ArrayList<>();
        computed.forEach((person, levels) -> levels.values().forEach(l -> rows.add(new Object[]{person, l.skillId(),
                l.level(), l.confidence(), l.evidenceCount(), Sql.ts(at)})));
        jdbc.batchUpdate("insert into skill_profile (person_id, skill_id, level, confidence, evidence_count, computed_at)"
                + " values (?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * When a level was reached: a gain dates from the evidence that decides it (a course completed in March raised
     * the level in March, even if the hub learned of it in June), so time-to-proficiency measures the person, not the
     * sync schedule; a loss (withdrawal, decay) dates from now. Never earlier than the skill's last recorded change,
     * so each skill's history stays in time order.
     */
    private static Instant changedAt(ProfileChangeListener.LevelChange c, Map<String, SkillLevel> levels, Instant last,
                                     Instant now) {
        Instant at = now;
        SkillLevel level = levels == null ? null : levels.get(c.skillId());
        if (level != null && (c.before() == null || c.after() > c.before())) {
            at = level.contributions().stream().filter(p -> p.part() == ProfileCalculator.Part.DECIDES)
                    .map(p -> p.evidence().observedAt()).filter(o -> o.isBefore(now)).findFirst().orElse(now);
        }
        return last != null && at.isBefore(last) ? last : at;
    }

    /**
     * A person's ordinal in the index, loading the person if the store has them but the index has not heard of them
     * yet (a sync run still under way); -1 if there is no such person.
     */
    public int ordinalOf(String personId) {
        int ordinal = index.ordinal(personId);
        if (ordinal < 0) {
            ensureKnown(List.of(personId));
            ordinal = index.ordinal(personId);
        }
        return ordinal;
    }

    /** People whose evidence arrived before the index heard of them (a feed ahead of the HRIS run's end). */
    private void ensureKnown(Collection<String> personIds) {
        List<String> unknown = personIds.stream().filter(p -> index.ordinal(p) < 0).toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<PersonFacts> people = new ArrayList<>();
        Sql.forEachIn(jdbc, "select p.id, p.display_name, p.given_name, p.family_name, p.status, p.org_unit_id,"
                + " p.role_id, p.location from person p join unnest(?) as k(v) on p.id = k.v", null, unknown,
                rs -> people.add(facts(rs)));
        index.putFacts(people);
    }

    private PersonProfile toIndex(Map<String, SkillLevel> levels) {
        List<float[]> skills = new ArrayList<>(levels.size());
        for (SkillLevel l : levels.values()) {
            taxonomy.byId(l.skillId()).map(Skill::ordinal)
                    .ifPresent(o -> skills.add(new float[]{o, (float) l.level(), (float) l.confidence()}));
        }
        return toProfile(skills);
    }

    /**
     * Recomputes every profile from the whole ledger (decay moves every level a little each day; a changed rule or
     * half-life changes them all), a batch of people per transaction so that the store never holds one huge
     * transaction and queries keep being answered meanwhile.
     *
     * @return how many people were recomputed
     */
    public int rebuildAll() {
        List<String> people = jdbc.queryForList("select person_id from skill_evidence where withdrawn_at is null"
                + " union select person_id from skill_profile", String.class);
        for (int i = 0; i < people.size(); i += REBUILD_BATCH) {
            recompute(people.subList(i, Math.min(people.size(), i + REBUILD_BATCH)));
        }
        return people.size();
    }

    /** The evidence of one person with the part each piece plays, computed now (withdrawn pieces included, apart). */
    public Explained explain(String personId) {
        List<Evidence> all = ledger.forPerson(personId);
        return new Explained(calculator.compute(all, Instant.now()), all.stream().filter(Evidence::withdrawn).toList());
    }

    public record Explained(Map<String, SkillLevel> skills, List<Evidence> withdrawn) {
    }
}
