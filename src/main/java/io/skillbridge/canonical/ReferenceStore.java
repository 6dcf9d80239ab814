package io.skillbridge.canonical;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Job roles and org units: reference data keyed by (system, external id), delivered either by their own
 * connectors (authoritative: every field, reconciled) or embedded in worker records (only fills in what is
 * missing, so a worker feed that names a role by title never erases the family that the job-profile feed set).
 */
@Repository
public class ReferenceStore {

    /** The two reference tables differ only in their descriptive columns. */
    private enum Table {
        ROLE("job_role", "title", "family", "level"),
        ORG_UNIT("org_unit", "name", "parent_ref");

        final String name;
        final List<String> columns;

        Table(String name, String... columns) {
            this.name = name;
            this.columns = List.of(columns);
        }
    }

    private record Row(String id, String externalId, List<String> values, boolean active, String hash) {
    }

    private final JdbcTemplate jdbc;

    public ReferenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ensures the roles and org units that worker records name. A run sees the same few hundred of them on every
     * page: each distinct value is written once per run.
     */
    public void upsertEmbedded(ApplyContext ctx, Collection<RoleRecord> roles, Collection<OrgUnitRecord> orgUnits) {
        String system = ctx.system();
        upsert(Table.ROLE, system, roles.stream().filter(ctx.embeddedReferences()::add)
                .map(r -> roleRow(system, r, null)).toList(), false, null, null);
        upsert(Table.ORG_UNIT, system, orgUnits.stream().filter(ctx.embeddedReferences()::add)
                .map(o -> orgRow(system, o, null)).toList(), false, null, null);
    }

    public void applyRoles(ApplyContext ctx, List<Item<RoleRecord>> items, PageOutcome out) {
        upsert(Table.ROLE, ctx.system(), items.stream().map(i -> roleRow(ctx.system(), i.record(), i.hash())).toList(),
                true, ctx, out);
    }

    public void applyOrgUnits(ApplyContext ctx, List<Item<OrgUnitRecord>> items, PageOutcome out) {
        upsert(Table.ORG_UNIT, ctx.system(), items.stream().map(i -> orgRow(ctx.system(), i.record(), i.hash())).toList(),
                true, ctx, out);
    }

    /** After a full snapshot of roles: those it no longer contains become inactive. */
    public void reconcileRoles(ApplyContext ctx, PageOutcome out) {
        out.deactivated += reconcile(Table.ROLE, ctx);
    }

    /**
     * After a run of org units: links every unit to its parent, rejecting parents that never arrived and links
     * that would close a cycle (the unit stays, without a parent); then reconciles a full snapshot.
     */
    public void finishOrgUnits(ApplyContext ctx, boolean reconcile, PageOutcome out) {
        Map<String, String> parentOf = new HashMap<>();
        Set<String> known = new HashSet<>();
        Map<String, String> refs = new LinkedHashMap<>();
        jdbc.query("select id, parent_id, parent_ref from org_unit where system = ?", rs -> {
            known.add(rs.getString("id"));
            if (rs.getString("parent_ref") != null) {
                refs.put(rs.getString("id"), rs.getString("parent_ref"));
            }
            if (rs.getString("parent_id") != null) {
                parentOf.put(rs.getString("id"), rs.getString("parent_id"));
            }
        }, ctx.system());
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<String, String> e : refs.entrySet()) {
            String parent = RoleRecord.canonicalId(ctx.system(), e.getValue());
            if (!known.contains(parent)) {
                out.rejected.add(PageOutcome.Rejected.reference(externalId(e.getKey()), "org unit " + externalId(e.getKey())
                        + " names parent " + e.getValue() + ", which is not a known " + ctx.system() + " org unit", e.getKey()));
                parent = null;
            } else if (Cycles.wouldClose(parentOf, e.getKey(), parent)) {
                out.rejected.add(PageOutcome.Rejected.reference(externalId(e.getKey()), "org unit " + externalId(e.getKey())
                        + " under " + e.getValue() + " would close a cycle: " + Cycles.describe(parentOf, parent, e.getKey()),
                        e.getKey()));
                parent = null;
            }
            if (!Objects.equals(parent, parentOf.get(e.getKey()))) {
                if (parent == null) {
                    parentOf.remove(e.getKey());
                } else {
                    parentOf.put(e.getKey(), parent);
                }
                updates.add(new Object[]{parent, e.getKey()});
            }
        }
        jdbc.batchUpdate("update org_unit set parent_id = ? where id = ?", updates);
        if (reconcile) {
            out.deactivated += reconcile(Table.ORG_UNIT, ctx);
        }
    }

    private static String externalId(String canonicalId) {
        return canonicalId.substring(canonicalId.indexOf(':') + 1);
    }

    private static Row roleRow(String system, RoleRecord r, String hash) {
        return new Row(RoleRecord.canonicalId(system, r.externalId()), r.externalId(),
                Arrays.asList(r.title(), r.family(), r.level()), r.active(), hash);
    }

    private static Row orgRow(String system, OrgUnitRecord o, String hash) {
        return new Row(RoleRecord.canonicalId(system, o.externalId()), o.externalId(),
                Arrays.asList(o.name(), o.parentExternalId()), o.active(), hash);
    }

    private void upsert(Table t, String system, List<Row> rows, boolean authoritative, ApplyContext ctx, PageOutcome out) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Row> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        Map<String, List<String>> existing = new HashMap<>();
        Map<String, String> existingHash = new HashMap<>();
        String cols = String.join(", ", t.columns);
        Sql.forEachIn(jdbc, "select t.id, t.record_hash, " + cols + " from " + t.name + " t join unnest(?) as k(v) on t.id = k.v", null,
                byId.keySet(), rs -> {
                    List<String> v = new ArrayList<>();
                    for (String c : t.columns) {
                        v.add(rs.getString(c));
                    }
                    existing.put(rs.getString("id"), v);
                    existingHash.put(rs.getString("id"), rs.getString("record_hash"));
                });
        Object now = Sql.now();
        Long seen = ctx != null && ctx.fullSnapshot() ? ctx.runId() : null;
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> touches = new ArrayList<>();
        for (Row r : byId.values()) {
            List<String> old = existing.get(r.id());
            if (old == null) {
                List<Object> args = new ArrayList<>(List.of(r.id(), system, r.externalId()));
                args.addAll(r.values());
                args.addAll(Arrays.asList(r.hash(), seen, r.active(), now));
                inserts.add(args.toArray());
                if (out != null) {
                    out.created++;
                }
                continue;
            }
            List<String> merged = new ArrayList<>();
            for (int i = 0; i < old.size(); i++) {
                merged.add(authoritative || r.values().get(i) != null ? r.values().get(i) : old.get(i));
            }
            boolean changed = authoritative ? !Objects.equals(existingHash.get(r.id()), r.hash()) : !merged.equals(old);
            if (changed) {
                List<Object> args = new ArrayList<>(merged);
                args.addAll(Arrays.asList(authoritative ? r.hash() : existingHash.get(r.id()), r.active() || !authoritative, now));
                args.add(r.id());
                updates.add(args.toArray());
                if (out != null) {
                    out.updated++;
                }
            } else if (out != null) {
                out.unchanged++;
            }
            if (seen != null) {
                touches.add(new Object[]{seen, r.id()});
            }
        }
        String placeholders = String.join(", ", t.columns.stream().map(c -> "?").toList());
        jdbc.batchUpdate("insert into " + t.name + " (id, system, external_id, " + cols
                + ", record_hash, last_seen_run, active, updated_at) values (?, ?, ?, " + placeholders + ", ?, ?, ?, ?)", inserts);
        String sets = String.join(", ", t.columns.stream().map(c -> c + " = ?").toList());
        jdbc.batchUpdate("update " + t.name + " set " + sets + ", record_hash = ?, active = ?, updated_at = ? where id = ?", updates);
        jdbc.batchUpdate("update " + t.name + " set last_seen_run = ? where id = ?", touches);
    }

    private int reconcile(Table t, ApplyContext ctx) {
        return jdbc.update("update " + t.name + " set active = false, updated_at = ? where system = ? and active = true"
                + " and (last_seen_run is null or last_seen_run <> ?)", Sql.now(), ctx.system(), ctx.runId());
    }
}
