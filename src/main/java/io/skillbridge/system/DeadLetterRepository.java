package io.skillbridge.system;

import io.skillbridge.canonical.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records that could not be applied, with the reason and the payload, until they are replayed. */
@Repository
public class DeadLetterRepository {

    /** One stored dead letter. */
    public record DeadLetter(long id, String connectorId, Long runId, String recordRef, String stage, String reason,
                             String payload, String status) {
    }

    private final JdbcTemplate jdbc;

    public DeadLetterRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a dead letter unless the same record already waits with the same reason: replaying a page or a file
     * must not pile up copies.
     */
    public void add(String connectorId, Long runId, String ref, String stage, String reason, String payload) {
        String r = reason.length() > 4000 ? reason.substring(0, 4000) : reason;
        int refreshed = jdbc.update("update dead_letter set payload = ?, run_id = ? where connector_id = ? and record_ref = ?"
                + " and reason = ? and status = 'open'", payload, runId, connectorId, ref, r);
        if (refreshed == 0) {
            jdbc.update("insert into dead_letter (connector_id, run_id, record_ref, stage, reason, payload, status, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, 'open', ?)", connectorId, runId, ref, stage, r, payload, Sql.now());
        }
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query("select * from dead_letter where id = ?", (rs, n) -> new DeadLetter(rs.getLong("id"),
                rs.getString("connector_id"), (Long) rs.getObject("run_id", Long.class), rs.getString("record_ref"),
                rs.getString("stage"), rs.getString("reason"), rs.getString("payload"), rs.getString("status")), id)
                .stream().findFirst();
    }

    public void markReplayed(long id) {
        jdbc.update("update dead_letter set status = 'replayed', replayed_at = ? where id = ?", Sql.now(), id);
    }

    /** A replay failed again: the letter stays open with the new reason. */
    public void refreshReason(long id, String reason) {
        jdbc.update("update dead_letter set reason = ? where id = ?", reason, id);
    }

    public List<Map<String, Object>> list(String connectorId, String status, int offset, int limit) {
        return jdbc.queryForList("select id, connector_id, run_id, record_ref, stage, reason, payload, status, created_at,"
                        + " replayed_at from dead_letter where (cast(? as varchar) is null or connector_id = ?) and (cast(? as varchar) is null or status = ?)"
                        + " order by id offset ? rows fetch next ? rows only",
                connectorId, connectorId, status, status, offset, limit);
    }

    public long count(String connectorId, String status) {
        return jdbc.queryForObject("select count(*) from dead_letter where (cast(? as varchar) is null or connector_id = ?)"
                + " and (cast(? as varchar) is null or status = ?)", Long.class, connectorId, connectorId, status, status);
    }
}
