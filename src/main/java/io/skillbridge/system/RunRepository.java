package io.skillbridge.system;

import io.skillbridge.canonical.PageOutcome;
import io.skillbridge.canonical.Sql;
import io.skillbridge.connector.RunMode;
import io.skillbridge.connector.RunResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Sync runs and connector checkpoints. */
@Repository
public class RunRepository {

    /** Where a connector stands. {@code runId} is set while a run is under way (or was cut off mid-way). */
    public record Checkpoint(String cursor, Long runId, String pageState) {
        static final Checkpoint NONE = new Checkpoint(null, null, null);
    }

    /** A run as stored. */
    public record Run(long id, String connectorId, RunMode mode, String status, Instant startedAt) {
    }

    private final JdbcTemplate jdbc;

    public RunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long start(String connectorId, RunMode mode, String trigger) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into sync_run (connector_id, mode, trigger_kind, status,"
                    + " started_at) values (?, ?, ?, 'running', ?)", new String[]{"id"});
            ps.setString(1, connectorId);
            ps.setString(2, mode.name().toLowerCase(Locale.ROOT));
            ps.setString(3, trigger);
            ps.setObject(4, Sql.now());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<Run> find(long runId) {
        return jdbc.query("select id, connector_id, mode, status, started_at from sync_run where id = ?",
                (rs, n) -> new Run(rs.getLong(1), rs.getString(2), RunMode.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                        rs.getString(4), Sql.instant(rs, "started_at")), runId).stream().findFirst();
    }

    public void markRunning(long runId) {
        jdbc.update("update sync_run set status = 'running' where id = ?", runId);
    }

    /** What a run's closing phase adds: deactivations and refused references. */
    public void addCounts(long runId, PageOutcome out) {
        jdbc.update("update sync_run set records_deactivated = records_deactivated + ?,"
                + " records_failed = records_failed + ? where id = ?", out.deactivated, out.rejected.size(), runId);
    }

    public void addPage(long runId, int read, PageOutcome out, int failed) {
        jdbc.update("update sync_run set pages = pages + 1, records_read = records_read + ?, records_created = records_created + ?,"
                        + " records_updated = records_updated + ?, records_unchanged = records_unchanged + ?,"
                        + " records_failed = records_failed + ?, records_deactivated = records_deactivated + ? where id = ?",
                read, out.created, out.updated, out.unchanged, failed, out.deactivated, runId);
    }

    /** Closes a run; a run with failed records but no error is partial. */
    public RunResult finish(long runId, String status, String lastError) {
        Instant started = find(runId).map(Run::startedAt).orElse(Instant.now());
        jdbc.update("update sync_run set status = case when ? = 'succeeded' and records_failed > 0 then 'partial' else ? end,"
                        + " finished_at = ?, duration_ms = ?, last_error = ? where id = ?",
                status, status, Sql.now(), Duration.between(started, Instant.now()).toMillis(),
                lastError == null ? null : truncate(lastError), runId);
        return result(runId);
    }

    public RunResult result(long runId) {
        return jdbc.queryForObject("select * from sync_run where id = ?", (rs, n) -> new RunResult(rs.getLong("id"),
                rs.getString("status"), rs.getInt("records_read"), rs.getInt("records_created"), rs.getInt("records_updated"),
                rs.getInt("records_unchanged"), rs.getInt("records_failed"), rs.getInt("records_deactivated"),
                rs.getString("last_error")), runId);
    }

    public List<Map<String, Object>> list(String connectorId, int offset, int limit) {
        return jdbc.queryForList("select id, connector_id, mode, trigger_kind, status, started_at, finished_at, duration_ms,"
                        + " pages, records_read, records_created, records_updated, records_unchanged, records_failed,"
                        + " records_deactivated, last_error from sync_run where connector_id = ? order by id desc"
                        + " offset ? rows fetch next ? rows only", connectorId, offset, limit);
    }

    public long count(String connectorId) {
        return jdbc.queryForObject("select count(*) from sync_run where connector_id = ?", Long.class, connectorId);
    }

    /**
     * Runs left 'running' by a process that stopped: they become 'interrupted', and the next run of their connector
     * resumes them from the checkpoint.
     */
    public int markInterrupted() {
        return jdbc.update("update sync_run set status = 'interrupted' where status = 'running'");
    }

    public Checkpoint checkpoint(String connectorId) {
        RowMapper<Checkpoint> m = (rs, n) -> new Checkpoint(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3));
        return jdbc.query("select cursor_value, run_id, page_state from connector_checkpoint where connector_id = ?", m,
                connectorId).stream().findFirst().orElse(Checkpoint.NONE);
    }

    /** The page after which a crash must resume; written in the transaction of the page it follows. */
    public void saveProgress(String connectorId, long runId, String pageState) {
        upsertCheckpoint(connectorId, "run_id = ?, page_state = ?", runId, pageState);
    }

    /** A run finished: the next one starts from {@code cursor} (kept as it was when {@code null}). */
    public void complete(String connectorId, String cursor) {
        if (cursor == null) {
            upsertCheckpoint(connectorId, "run_id = ?, page_state = ?", null, null);
        } else {
            upsertCheckpoint(connectorId, "run_id = ?, page_state = ?, cursor_value = ?", null, null, cursor);
        }
    }

    private void upsertCheckpoint(String connectorId, String sets, Object... values) {
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = Sql.now();
        args[values.length + 1] = connectorId;
        if (jdbc.update("update connector_checkpoint set " + sets + ", updated_at = ? where connector_id = ?", args) == 0) {
            jdbc.update("insert into connector_checkpoint (connector_id, updated_at) values (?, ?)", connectorId, Sql.now());
            jdbc.update("update connector_checkpoint set " + sets + ", updated_at = ? where connector_id = ?", args);
        }
    }

    private static String truncate(String s) {
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
