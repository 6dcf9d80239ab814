package io.skillbridge.kpi.requisition;

import io.skillbridge.canonical.ApplyContext;
import io.skillbridge.canonical.Item;
import io.skillbridge.canonical.PageOutcome;
import io.skillbridge.canonical.RoleRecord;
import io.skillbridge.canonical.Sql;
import io.skillbridge.identity.PersonLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The requisition table: upserts keyed by (system, external id), unchanged records (same hash) not written. */
@Repository
public class RequisitionStore {

    private final JdbcTemplate jdbc;

    public RequisitionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param hired the person each hired-person key names, where exactly one does */
    void apply(ApplyContext ctx, List<Item<RequisitionRecord>> items, Map<PersonLookup.Key, String> hired,
               PageOutcome out) {
        Map<String, Item<RequisitionRecord>> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(RoleRecord.canonicalId(ctx.system(), i.record().externalId()), i));
        Map<String, String> existing = new HashMap<>();
        Sql.forEachIn(jdbc, "select r.id, r.record_hash, r.active from requisition r join unnest(?) as k(v) on r.id = k.v",
                null, byId.keySet(), rs -> existing.put(rs.getString(1), rs.getBoolean(3) ? rs.getString(2) : "inactive"));
        Object now = Sql.now();
        Long seen = ctx.fullSnapshot() ? ctx.runId() : null;
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> touches = new ArrayList<>();
        byId.forEach((id, item) -> {
            RequisitionRecord r = item.record();
            boolean known = existing.containsKey(id);
            if (r.deleted()) {
                if (known && !"inactive".equals(existing.get(id))) {
                    deletes.add(new Object[]{now, id});
                    out.deactivated++;
                } else {
                    out.unchanged++;
                }
                return;
            }
            String person = r.hiredPerson() == null ? null : hired.get(r.hiredPerson());
            // no hash while the hired person is unknown: the next run sees a change and links them once they arrive
            String hash = r.hiredPerson() != null && person == null ? null : item.hash();
            if (known && hash != null && hash.equals(existing.get(id))) {
                out.unchanged++;
            } else {
                List<Object> values = new ArrayList<>(Arrays.asList(r.title(), ref(ctx, r.roleExternalId()),
                        ref(ctx, r.orgUnitExternalId()), r.status(), r.openedDate(), r.filledDate(), r.fillSource(),
                        person, r.hiredPerson() == null ? null : r.hiredPerson().toString(), hash, now, id));
                if (known) {
                    updates.add(values.toArray());
                    out.updated++;
                } else {
                    values.add(ctx.system());
                    values.add(r.externalId());
                    inserts.add(values.toArray());
                    out.created++;
                }
            }
            if (seen != null) {
                touches.add(new Object[]{seen, id});
            }
        });
        jdbc.batchUpdate("insert into requisition (title, role_id, org_unit_id, status, opened_date, filled_date,"
                + " fill_source, hired_person_id, hired_person_ref, record_hash, updated_at, id, system, external_id,"
                + " active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)", inserts);
        jdbc.batchUpdate("update requisition set title = ?, role_id = ?, org_unit_id = ?, status = ?, opened_date = ?,"
                + " filled_date = ?, fill_source = ?, hired_person_id = ?, hired_person_ref = ?, record_hash = ?,"
                + " updated_at = ?, active = true where id = ?", updates);
        jdbc.batchUpdate("update requisition set active = false, record_hash = null, updated_at = ? where id = ?", deletes);
        jdbc.batchUpdate("update requisition set last_seen_run = ? where id = ?", touches);
    }

    /** After a full snapshot: requisitions it no longer contains were withdrawn in the source. */
    int reconcile(ApplyContext ctx) {
        return jdbc.update("update requisition set active = false, updated_at = ? where system = ? and active = true"
                + " and (last_seen_run is null or last_seen_run <> ?)", Sql.now(), ctx.system(), ctx.runId());
    }

    private static String ref(ApplyContext ctx, String externalId) {
        return externalId == null ? null : RoleRecord.canonicalId(ctx.system(), externalId);
    }
}
