package io.skillbridge.canonical;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small JDBC helpers the repositories share: IN lists in chunks, and portable date/time columns. */
public final class Sql {

    private static final int CHUNK = 1000;

    private Sql() {
    }

    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} (which names {@code :ids}, and may name {@code :system}) for every chunk of {@code ids}. */
    public static void forEachIn(NamedParameterJdbcTemplate jdbc, String sql, String system, Collection<String> ids,
                                 RowConsumer rows) {
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            MapSqlParameterSource p = new MapSqlParameterSource("ids", all.subList(i, Math.min(all.size(), i + CHUNK)));
            p.addValue("system", system);
            jdbc.query(sql, p, rs -> {
                rows.accept(rs);
            });
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
