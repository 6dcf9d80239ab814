package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.identity.ConflictRepository;
import io.skillbridge.identity.IdentityResolver;
import io.skillbridge.identity.IdentityResolver.Ambiguous;
import io.skillbridge.identity.IdentityResolver.Created;
import io.skillbridge.identity.IdentityResolver.Linked;
import io.skillbridge.identity.IdentityResolver.Resolution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes pages of worker records: identity resolution, the person row, the source link, and the effective-dated
 * employment history. Everything a page needs is read in a few bulk queries and written in batches; the caller
 * holds the transaction.
 */
@Repository
public class WorkerStore implements EntityHandler<WorkerRecord> {

    @Override
    public String entity() {
        return "worker";
    }

    @Override
    public Item<WorkerRecord> toItem(SourceRecord source, JsonNode mapped) {
        WorkerRecord w = WorkerRecord.from(mapped);
        return new Item<>(source, w, w.contentHash());
    }


    private record Link(String personId, String hash, boolean active) {
    }

    private record Employment(long id, String personId, String roleId, String orgUnitId, String managerId,
                              LocalDate start, LocalDate end) {
    }

    private final JdbcTemplate jdbc;
    private final ReferenceStore references;
    private final ConflictRepository conflicts;
    private final ObjectMapper json;
    private final List<PersonChangeListener> changeListeners;

    public WorkerStore(JdbcTemplate jdbc, ReferenceStore references,
                       ConflictRepository conflicts, ObjectMapper json, List<PersonChangeListener> changeListeners) {
        this.jdbc = jdbc;
        this.references = references;
        this.conflicts = conflicts;
        this.json = json;
        this.changeListeners = changeListeners;
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<WorkerRecord>> page, PageOutcome out) {
        Map<String, Item<WorkerRecord>> items = new LinkedHashMap<>();
        page.forEach(i -> items.put(i.record().externalId(), i));
        Map<String, Link> links = loadLinks(ctx.system(), items.keySet());

        List<Item<WorkerRecord>> changed = new ArrayList<>();
        List<Item<WorkerRecord>> deletes = new ArrayList<>();
        List<Object[]> seen = new ArrayList<>();
        for (Item<WorkerRecord> i : items.values()) {
            Link link = links.get(i.record().externalId());
            if (i.record().deleted()) {
                deletes.add(i);
            } else if (link != null && link.active() && i.hash().equals(link.hash())) {
                out.unchanged++;
                if (ctx.fullSnapshot()) {
                    seen.add(new Object[]{ctx.runId(), ctx.system(), i.record().externalId()});
                }
            } else {
                changed.add(i);
            }
        }
        writeChanges(ctx, changed, links, out);
        delete(ctx, deletes, links, out);
        jdbc.batchUpdate("update identity_link set last_seen_run = ? where system = ? and external_id = ?", seen);
    }

    private void writeChanges(ApplyContext ctx, List<Item<WorkerRecord>> changed, Map<String, Link> links, PageOutcome out) {
        if (changed.isEmpty()) {
            return;
        }
        IdentityResolver resolver = resolverFor(ctx, changed, links);
        Map<String, Resolution> resolutions = new LinkedHashMap<>();
        Map<String, String> personByExternalId = new HashMap<>();
        links.forEach((ext, l) -> personByExternalId.put(ext, l.personId()));
        List<Item<WorkerRecord>> accepted = new ArrayList<>();
        for (Item<WorkerRecord> i : changed) {
            Resolution r = resolver.resolve(i.record());
            if (r instanceof Ambiguous a) {
                conflicts.open(ctx.connectorId(), ctx.system(), i.record().externalId(), a.candidates(), a.reason(),
                        i.source().payload().toString());
                out.ambiguous++;
                continue;
            }
            resolutions.put(i.record().externalId(), r);
            personByExternalId.put(i.record().externalId(), personId(r));
            accepted.add(i);
        }
        references.upsertEmbedded(ctx, referenced(accepted, WorkerRecord::role, WorkerRecord.Span::role),
                referenced(accepted, WorkerRecord::orgUnit, WorkerRecord.Span::orgUnit));

        Set<String> existingPersons = new HashSet<>();
        resolutions.values().forEach(r -> {
            if (!(r instanceof Created)) {
                existingPersons.add(personId(r));
            }
        });
        Map<String, PersonRow> old = loadPersons(existingPersons);
        Map<String, String> managers = resolveManagers(ctx.system(), accepted, personByExternalId);
        Map<String, List<Employment>> employment = loadEmployment(existingPersons);

        Object now = Sql.now();
        List<Object[]> personInserts = new ArrayList<>();
        List<Object[]> personUpdates = new ArrayList<>();
        List<Object[]> linkInserts = new ArrayList<>();
        List<Object[]> linkUpdates = new ArrayList<>();
        List<Object[]> empInserts = new ArrayList<>();
        List<Object[]> empUpdates = new ArrayList<>();
        Long seenRun = ctx.fullSnapshot() ? ctx.runId() : null;
        for (Item<WorkerRecord> i : accepted) {
            WorkerRecord w = i.record();
            Resolution r = resolutions.get(w.externalId());
            String personId = personId(r);
            PersonRow before = old.get(personId);
            String roleId = w.role() == null ? null : RoleRecord.canonicalId(ctx.system(), w.role().externalId());
            String orgId = w.orgUnit() == null ? null : RoleRecord.canonicalId(ctx.system(), w.orgUnit().externalId());
            PersonRow after = PersonRow.merge(before, personId, w, roleId, orgId, managers.get(w.externalId()));
            if (before == null) {
                personInserts.add(after.insertArgs(now));
                out.created++;
            } else {
                personUpdates.add(after.updateArgs(now));
                out.updated++;
            }
            if (r instanceof Linked) {
                linkUpdates.add(new Object[]{i.hash(), w.managerExternalId(), seenRun, ctx.system(), w.externalId()});
            } else {
                linkInserts.add(new Object[]{ctx.system(), w.externalId(), personId, i.hash(), w.managerExternalId(),
                        seenRun, now});
            }
            if (w.managerExternalId() != null && (after.managerId == null || before == null
                    || !Objects.equals(before.managerId, after.managerId))) {
                ctx.managerLinks().put(personId, new ApplyContext.ManagerLink(w.externalId(), personId, w.managerExternalId()));
            }
            planEmployment(ctx, w, after, before, employment.getOrDefault(personId, List.of()), empInserts, empUpdates);
        }
        jdbc.batchUpdate(PersonRow.INSERT, personInserts);
        jdbc.batchUpdate(PersonRow.UPDATE, personUpdates);
        jdbc.batchUpdate("insert into identity_link (system, external_id, person_id, record_hash, manager_ref,"
                + " last_seen_run, active, created_at) values (?, ?, ?, ?, ?, ?, true, ?)", linkInserts);
        jdbc.batchUpdate("update identity_link set record_hash = ?, manager_ref = ?,"
                + " last_seen_run = coalesce(?, last_seen_run), active = true where system = ? and external_id = ?", linkUpdates);
        jdbc.batchUpdate("update employment set role_id = ?, org_unit_id = ?, manager_id = ?, end_date = ? where id = ?", empUpdates);
        jdbc.batchUpdate("insert into employment (person_id, role_id, org_unit_id, manager_id, start_date, end_date,"
                + " source_system) values (?, ?, ?, ?, ?, ?, ?)", empInserts);
        personsChanged(ctx.system(), accepted.stream().map(i -> personId(resolutions.get(i.record().externalId()))).toList());
    }

    private void personsChanged(String system, List<String> personIds) {
        if (!personIds.isEmpty()) {
            changeListeners.forEach(l -> l.personsChanged(system, personIds));
        }
    }

    /**
     * Effective-dated history: reported spans are kept by their start date; a change of role or org unit closes
     * the open row and opens a new one on the effective date; a termination closes the open row.
     */
    private void planEmployment(ApplyContext ctx, WorkerRecord w, PersonRow after, PersonRow before,
                                List<Employment> existing, List<Object[]> inserts, List<Object[]> updates) {
        Map<LocalDate, Employment> byStart = new HashMap<>();
        existing.forEach(e -> byStart.put(e.start(), e));
        Map<LocalDate, Object[]> planned = new LinkedHashMap<>();
        for (WorkerRecord.Span s : w.history()) {
            String role = s.role() == null ? null : RoleRecord.canonicalId(ctx.system(), s.role().externalId());
            String org = s.orgUnit() == null ? null : RoleRecord.canonicalId(ctx.system(), s.orgUnit().externalId());
            Employment e = byStart.get(s.effectiveDate());
            if (e == null) {
                planned.put(s.effectiveDate(), new Object[]{after.id, role, org, null, s.effectiveDate(), s.endDate(), ctx.system()});
            } else if (!Objects.equals(e.roleId(), role) || !Objects.equals(e.orgUnitId(), org) || !Objects.equals(e.end(), s.endDate())) {
                updates.add(new Object[]{role, org, e.managerId(), s.endDate(), e.id()});
            }
        }
        if (after.roleId == null && after.orgUnitId == null) {
            planned.values().forEach(inserts::add);
            return;
        }
        Employment open = existing.stream().filter(e -> e.end() == null)
                .max((a, b) -> a.start().compareTo(b.start())).orElse(null);
        LocalDate effective = w.effectiveDate() != null ? w.effectiveDate()
                : open == null ? (after.hireDate != null ? after.hireDate : ctx.today()) : ctx.today();
        LocalDate end = "terminated".equals(after.status) ? after.terminationDate : null;
        if (open == null) {
            Employment same = byStart.get(effective);
            if (same != null) {
                updates.add(new Object[]{after.roleId, after.orgUnitId, after.managerId, end, same.id()});
            } else {
                // replaces a reported span that starts on the same day: the current record is the fresher truth
                planned.put(effective, new Object[]{after.id, after.roleId, after.orgUnitId, after.managerId, effective, end, ctx.system()});
            }
        } else if (!Objects.equals(open.roleId(), after.roleId) || !Objects.equals(open.orgUnitId(), after.orgUnitId)) {
            if (effective.isAfter(open.start())) {
                updates.add(new Object[]{open.roleId(), open.orgUnitId(), open.managerId(), effective, open.id()});
                planned.put(effective, new Object[]{after.id, after.roleId, after.orgUnitId, after.managerId, effective, end, ctx.system()});
            } else {
                updates.add(new Object[]{after.roleId, after.orgUnitId, after.managerId, end, open.id()});
            }
        } else if (!Objects.equals(open.managerId(), after.managerId) || !Objects.equals(open.end(), end)) {
            updates.add(new Object[]{open.roleId(), open.orgUnitId(), after.managerId,
                    end != null && end.isBefore(open.start()) ? open.start() : end, open.id()});
        }
        planned.values().forEach(inserts::add);
    }

    private void delete(ApplyContext ctx, List<Item<WorkerRecord>> deletes, Map<String, Link> links, PageOutcome out) {
        List<String> persons = new ArrayList<>();
        List<Object[]> linkUpdates = new ArrayList<>();
        for (Item<WorkerRecord> i : deletes) {
            Link l = links.get(i.record().externalId());
            if (l == null || !l.active()) {
                out.unchanged++;
                continue;
            }
            linkUpdates.add(new Object[]{ctx.system(), i.record().externalId()});
            persons.add(l.personId());
            out.deactivated++;
        }
        jdbc.batchUpdate("update identity_link set active = false where system = ? and external_id = ?", linkUpdates);
        deactivateOrphans(persons, "deleted");
        personsChanged(ctx.system(), persons);
    }

    /** People whose every source link is inactive take the given status; people still known elsewhere keep theirs. */
    void deactivateOrphans(Collection<String> persons, String status) {
        if (persons.isEmpty()) {
            return;
        }
        Set<String> stillActive = new HashSet<>();
        Sql.forEachIn(jdbc, "select distinct l.person_id from identity_link l join unnest(?) as k(v) on l.person_id = k.v where l.active = true",
                null, persons, rs -> stillActive.add(rs.getString(1)));
        Object now = Sql.now();
        List<Object[]> updates = new ArrayList<>();
        for (String p : new LinkedHashSet<>(persons)) {
            if (!stillActive.contains(p)) {
                updates.add(new Object[]{status, now, p});
            }
        }
        jdbc.batchUpdate("update person set status = ?, updated_at = ? where id = ?", updates);
    }

    /**
     * After a run: links every worker of the system to the manager its source named, now that all pages are in.
     * A manager that never arrived, or a link that would close a cycle, is refused into dead letters (the worker
     * stays, without that manager). A full snapshot then deactivates the workers it no longer contains.
     */
    @Override
    public void finish(ApplyContext ctx, boolean reconcile, PageOutcome out) {
        Map<String, ApplyContext.ManagerLink> wanted = new LinkedHashMap<>();
        // links still waiting for their manager, from this run or any earlier one (and those a cycle check refused)
        managerLinks(ctx.system(), ctx.resumed() ? "" : " and p.manager_id is null").forEach(l -> wanted.put(l.personId(), l));
        wanted.putAll(ctx.managerLinks());
        if (!wanted.isEmpty()) {
            linkManagers(ctx, wanted.values(), out);
        }
        if (reconcile) {
            List<String> missing = jdbc.queryForList("select person_id from identity_link where system = ? and active = true"
                    + " and (last_seen_run is null or last_seen_run <> ?)", String.class, ctx.system(), ctx.runId());
            jdbc.update("update identity_link set active = false where system = ? and active = true"
                    + " and (last_seen_run is null or last_seen_run <> ?)", ctx.system(), ctx.runId());
            deactivateOrphans(missing, "inactive");
            personsChanged(ctx.system(), missing);
            out.deactivated += missing.size();
        }
    }

    private List<ApplyContext.ManagerLink> managerLinks(String system, String condition) {
        return jdbc.query("select l.external_id, l.person_id, l.manager_ref from identity_link l join person p on p.id = l.person_id"
                + " where l.system = ? and l.active = true and l.manager_ref is not null" + condition,
                (rs, n) -> new ApplyContext.ManagerLink(rs.getString(1), rs.getString(2), rs.getString(3)), system);
    }

    private void linkManagers(ApplyContext ctx, Collection<ApplyContext.ManagerLink> wanted, PageOutcome out) {
        Map<String, String> managerOf = new HashMap<>();
        jdbc.query("select id, manager_id from person where manager_id is not null",
                rs -> {
                    managerOf.put(rs.getString(1), rs.getString(2));
                });
        Map<String, String> personByExternal = new HashMap<>();
        Sql.forEachIn(jdbc, "select l.external_id, l.person_id from identity_link l join unnest(?) as k(v)"
                        + " on l.external_id = k.v where l.system = ? and l.active = true", ctx.system(),
                wanted.stream().map(ApplyContext.ManagerLink::managerRef).toList(),
                rs -> personByExternal.put(rs.getString(1), rs.getString(2)));
        List<Object[]> updates = new ArrayList<>();
        for (ApplyContext.ManagerLink w : wanted) {
            String person = w.personId();
            String manager = personByExternal.get(w.managerRef());
            if (manager == null) {
                out.rejected.add(PageOutcome.Rejected.reference(w.externalId(), "worker " + w.externalId() + " names manager " + w.managerRef()
                        + ", who is not a known " + ctx.system() + " worker; the worker is kept without a manager", payload(person)));
            } else if (Cycles.wouldClose(managerOf, person, manager)) {
                out.rejected.add(PageOutcome.Rejected.reference(w.externalId(), "worker " + w.externalId() + " reporting to " + w.managerRef()
                        + " would close a manager cycle; the worker is kept without that manager", payload(person)));
                manager = null;
            }
            if (!Objects.equals(manager, managerOf.get(person))) {
                if (manager == null) {
                    managerOf.remove(person);
                } else {
                    managerOf.put(person, manager);
                }
                updates.add(new Object[]{manager, person});
            }
        }
        jdbc.batchUpdate("update person set manager_id = ? where id = ?", updates);
    }

    private String payload(String personId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from person where id = ?", personId);
        try {
            return json.writeValueAsString(rows.isEmpty() ? Map.of("id", personId) : rows.get(0));
        } catch (Exception e) {
            return "{\"id\":\"" + personId + "\"}";
        }
    }

    private IdentityResolver resolverFor(ApplyContext ctx, List<Item<WorkerRecord>> changed, Map<String, Link> links) {
        Set<String> emails = new HashSet<>();
        Set<String> employeeIds = new HashSet<>();
        for (Item<WorkerRecord> i : changed) {
            if (!links.containsKey(i.record().externalId())) {
                if (i.record().workEmail() != null) {
                    emails.add(RecordValues.normalizeEmail(i.record().workEmail()));
                }
                if (i.record().employeeId() != null) {
                    employeeIds.add(i.record().employeeId());
                }
            }
        }
        Map<String, Set<String>> byEmail = new HashMap<>();
        Map<String, Set<String>> byEmployeeId = new HashMap<>();
        if (ctx.matchKeys().contains("workEmail")) {
            Sql.forEachIn(jdbc, "select p.id, p.work_email_norm from person p join unnest(?) as k(v) on p.work_email_norm = k.v", null, emails,
                    rs -> byEmail.computeIfAbsent(rs.getString(2), k -> new LinkedHashSet<>()).add(rs.getString(1)));
        }
        if (ctx.matchKeys().contains("employeeId")) {
            Sql.forEachIn(jdbc, "select p.id, p.employee_id from person p join unnest(?) as k(v) on p.employee_id = k.v", null, employeeIds,
                    rs -> byEmployeeId.computeIfAbsent(rs.getString(2), k -> new LinkedHashSet<>()).add(rs.getString(1)));
        }
        Set<String> candidates = new HashSet<>();
        byEmail.values().forEach(candidates::addAll);
        byEmployeeId.values().forEach(candidates::addAll);
        Map<String, String> inSystem = new HashMap<>();
        Sql.forEachIn(jdbc, "select l.person_id, l.external_id from identity_link l join unnest(?) as k(v) on l.person_id = k.v where l.system = ?",
                ctx.system(), candidates, rs -> inSystem.put(rs.getString(1), rs.getString(2)));
        Map<String, String> linked = new HashMap<>();
        links.forEach((ext, l) -> linked.put(ext, l.personId()));
        return new IdentityResolver(ctx.system(), ctx.matchKeys(), linked, byEmployeeId, byEmail, inSystem);
    }

    private Map<String, String> resolveManagers(String system, List<Item<WorkerRecord>> items, Map<String, String> inPage) {
        Set<String> refs = new HashSet<>();
        items.forEach(i -> {
            if (i.record().managerExternalId() != null && !inPage.containsKey(i.record().managerExternalId())) {
                refs.add(i.record().managerExternalId());
            }
        });
        Map<String, String> personByRef = new HashMap<>(inPage);
        Sql.forEachIn(jdbc, "select l.external_id, l.person_id from identity_link l join unnest(?) as k(v) on l.external_id = k.v where l.system = ?",
                system, refs, rs -> personByRef.put(rs.getString(1), rs.getString(2)));
        Map<String, String> managerByWorker = new HashMap<>();
        items.forEach(i -> {
            String ref = i.record().managerExternalId();
            if (ref != null && personByRef.containsKey(ref)) {
                managerByWorker.put(i.record().externalId(), personByRef.get(ref));
            }
        });
        return managerByWorker;
    }

    private Map<String, Link> loadLinks(String system, Collection<String> externalIds) {
        Map<String, Link> links = new HashMap<>();
        Sql.forEachIn(jdbc, "select l.external_id, l.person_id, l.record_hash, l.active from identity_link l"
                        + " join unnest(?) as k(v) on l.external_id = k.v where l.system = ?", system, externalIds,
                rs -> links.put(rs.getString(1), new Link(rs.getString(2), rs.getString(3), rs.getBoolean(4))));
        return links;
    }

    private Map<String, PersonRow> loadPersons(Collection<String> ids) {
        Map<String, PersonRow> rows = new HashMap<>();
        Sql.forEachIn(jdbc, "select p.* from person p join unnest(?) as k(v) on p.id = k.v", null, ids, rs -> rows.put(rs.getString("id"), PersonRow.read(rs)));
        return rows;
    }

    private Map<String, List<Employment>> loadEmployment(Collection<String> persons) {
        Map<String, List<Employment>> rows = new HashMap<>();
        Sql.forEachIn(jdbc, "select e.id, e.person_id, e.role_id, e.org_unit_id, e.manager_id, e.start_date, e.end_date from employment e"
                + " join unnest(?) as k(v) on e.person_id = k.v", null, persons, rs -> rows.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                .add(new Employment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Sql.date(rs, "start_date"), Sql.date(rs, "end_date"))));
        return rows;
    }

    private static String personId(Resolution r) {
        if (r instanceof Linked l) {
            return l.personId();
        }
        if (r instanceof IdentityResolver.Matched m) {
            return m.personId();
        }
        if (r instanceof Created c) {
            return c.personId();
        }
        throw new IllegalStateException("no person for an ambiguous record");
    }

    /** The reference records (roles or org units) that a page's workers name, currently and in their history. */
    private static <R> List<R> referenced(List<Item<WorkerRecord>> items, Function<WorkerRecord, R> current,
                                          Function<WorkerRecord.Span, R> past) {
        List<R> refs = new ArrayList<>();
        for (Item<WorkerRecord> i : items) {
            R now = current.apply(i.record());
            if (now != null) {
                refs.add(now);
            }
            for (WorkerRecord.Span s : i.record().history()) {
                R then = past.apply(s);
                if (then != null) {
                    refs.add(then);
                }
            }
        }
        return refs;
    }
}
