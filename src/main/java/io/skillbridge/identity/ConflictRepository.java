package io.skillbridge.identity;

import io.skillbridge.canonical.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

/** The review list of records whose identity could not be decided safely. */
@Repository
public class ConflictRepository {

    private final JdbcTemplate jdbc;

    public ConflictRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a conflict, or refreshes the open one of the same record: a replayed page does not add a second. */
    public void open(String connectorId, String system, String externalId, List<String> candidates, String reason,
                     String payload) {
        int updated = jdbc.update("update identity_conflict set candidates = ?, reason = ?, payload = ?, connector_id = ?"
                        + " where system = ? and external_id = ? and status = 'open'",
                String.join(",", candidates), reason, payload, connectorId, system, externalId);
        if (updated == 0) {
            jdbc.update("insert into identity_conflict (connector_id, system, external_id, candidates, reason, payload,"
                            + " status, created_at) values (?, ?, ?, ?, ?, ?, 'open', ?)",
                    connectorId, system, externalId, String.join(",", candidates), reason, payload, Sql.now());
        }
    }

    public List<Map<String, Object>> listOpen(int offset, int limit) {
        return jdbc.queryForList("select id, connector_id, system, external_id, candidates, reason, payload, created_at"
                + " from identity_conflict where status = 'open' order by id offset ? rows fetch next ? rows only", offset, limit);
    }

    public long countOpen() {
        return jdbc.queryForObject("select count(*) from identity_conflict where status = 'open'", Long.class);
    }
}
