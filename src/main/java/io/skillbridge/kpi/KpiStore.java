package io.skillbridge.kpi;

import io.skillbridge.canonical.Sql;
import io.skillbridge.skills.roles.RoleCatalog;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Reads the store into a {@link KpiSnapshot}: one sequential scan per table, no joins (the snapshot indexes by person
 * itself). {@link #stamp()} says cheaply whether anything a KPI reads may have changed since the last read.
 */
@Repository
public class KpiStore {

    /** Learning record statuses that count as completed learning. */
    static final List<String> COMPLETED = List.of("completed", "passed");

    private final JdbcTemplate jdbc;
    private final Taxonomy taxonomy;
    private final RoleCatalog roles;

    public KpiStore(JdbcTemplate jdbc, Taxonomy taxonomy, RoleCatalog roles) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
        this.roles = roles;
    }

    /**
     * Row counts of the append-mostly tables and the last finished sync run: every change a connector makes ends a
     * run, and level history, requisitions and learning only grow. With the date, since "today" bounds some KPIs.
     */
    public String stamp() {
        String sql = "select (select count(*) from person), (select count(*) from employment),"
                + " (select count(*) from skill_level_history), (select count(*) from requisition),"
                + " (select max(finished_at) from sync_run), (select max(id) from sync_run)"
                + (learningTable() ? ", (select count(*) from learning_record)" : "");
        return LocalDate.now(ZoneOffset.UTC) + jdbc.query(sql, rs -> {
            rs.next();
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                sb.append('|').append(rs.getString(i));
            }
            return sb.toString();
        });
    }

    public KpiSnapshot load(LocalDate asOf) {
        roles.refresh();
        KpiSnapshot.Builder b = new KpiSnapshot.Builder(asOf);
        jdbc.query("select id, high_potential from person", rs -> {
            b.person(rs.getString(1), rs.getBoolean(2));
        });
        jdbc.query("select id, level from job_role", rs -> {
            String id = rs.getString(1);
            b.role(id, rs.getString(2), roles.role(id).filter(r -> r.size() > 0).orElse(null));
        });
        jdbc.query("select id, name, parent_id from org_unit", rs -> {
            b.orgUnit(rs.getString(1), rs.getString(2), rs.getString(3));
        });
        jdbc.query("select person_id, role_id, org_unit_id, start_date, end_date from employment", rs -> {
            b.employment(rs.getString(1), rs.getString(2), rs.getString(3), Sql.date(rs, "start_date"),
                    Sql.date(rs, "end_date"));
        });
        int[] ordinal = {-1};
        String[] lastSkill = {null};
        // in the order the rows were written, which for this append-only table is the order the changes happened (an
        // "order by changed_at" costs the database a sort of the whole history): of two changes on one day the later
        // one is the day's level
        jdbc.query("select person_id, skill_id, level, changed_at from skill_level_history", rs -> {
            String skill = rs.getString(2);
            if (!skill.equals(lastSkill[0])) {
                lastSkill[0] = skill;
                ordinal[0] = taxonomy.byId(skill).map(Skill::ordinal).orElse(-1);
            }
            if (ordinal[0] >= 0) {
                b.levelChange(rs.getString(1), ordinal[0], rs.getDouble(3), utcDate(rs, "changed_at"));
            }
        });
        if (learningTable()) {
            jdbc.query("select person_id, completed_at, assigned from learning_record where completed_at is not null"
                    + " and lower(status) in ('" + String.join("', '", COMPLETED) + "')", rs -> {
                b.completion(rs.getString(1), utcDate(rs, "completed_at"), rs.getBoolean(3));
            });
        }
        jdbc.query("select role_id, org_unit_id, filled_date, fill_source from requisition where active = true"
                + " and status = 'filled' and filled_date is not null", rs -> {
            b.filledRequisition(rs.getString(1), rs.getString(2), Sql.date(rs, "filled_date"),
                    "internal".equals(rs.getString(4)));
        });
        return b.build();
    }

    /**
     * Whether the learning records table exists: the catalog's migration creates it, and until a store has it the
     * learning parts of the KPIs (learning paths, engagement) are simply empty.
     */
    private boolean learningTable() {
        Boolean found = jdbc.execute((Connection c) -> {
            for (String name : new String[]{"learning_record", "LEARNING_RECORD"}) {
                try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        });
        return Boolean.TRUE.equals(found);
    }

    private static LocalDate utcDate(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(Sql.instant(rs, column)).atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
