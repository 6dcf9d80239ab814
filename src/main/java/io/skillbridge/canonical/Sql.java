package io.skillbridge.canonical;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Small JDBC helpers the repositories share: IN lists in chunks, and portable date/time columns. */
public final class Sql {

    private static final int CHUNK = 1000;

    private Sql() {
    }

    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} for every chunk of {@code ids}. The ids go in as one array parameter, the first {@code ?}, which
     * the query joins as a table: {@code join unnest(?) as k(v) on t.column = k.v}. One statement text whatever the
     * count, and both H2 and PostgreSQL then look each id up in the column's index (H2 scans the whole table for
     * {@code column = any(?)} and re-parses a long {@code in (?, ?, ...)} list every time). A non-null {@code system}
     * fills the second {@code ?}.
     */
    public static void forEachIn(JdbcTemplate jdbc, String sql, String system, Collection<String> ids, RowConsumer rows) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int i = 0; i < all.size(); i += CHUNK) {
            String[] chunk = all.subList(i, Math.min(all.size(), i + CHUNK)).toArray(new String[0]);
            Object[] args = system == null ? new Object[]{chunk} : new Object[]{chunk, system};
            jdbc.query(sql, rs -> {
                rows.accept(rs);
            }, args);
        }
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
