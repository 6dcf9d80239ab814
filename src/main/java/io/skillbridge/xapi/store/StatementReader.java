package io.skillbridge.xapi.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Reads the statement store in the order statements became visible, for the hub's own readers (evidence,
 * forwarding). A reader's position is (stored, seq): one write shares one stored time, and a reader only reads up to
 * the Consistent-Through time, so no write still in flight can later appear behind a position already passed.
 */
@Repository
public class StatementReader {

    private static final String COLUMNS = "seq, stored, id, verb_id, actor_ifi, object_activity_id, object_statement_id,"
            + " voiding, voided, ts, client_key, body";

    /** Where a reader stands: after the statement of this stored time and sequence. */
    public record Position(OffsetDateTime stored, long seq) {
        public static final Position START = new Position(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), 0);
    }

    /** A stored statement with the columns its readers decide by, and its JSON text. */
    public record Row(long seq, OffsetDateTime stored, String id, String verbId, String actorIfi, String activityId,
                      String targetId, boolean voiding, boolean voided, OffsetDateTime timestamp, String clientKey,
                      String body) {

        public Position position() {
            return new Position(stored, seq);
        }
    }

    private final JdbcTemplate jdbc;

    public StatementReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next statements after {@code from}, stored no later than {@code through}, in (stored, seq) order. */
    public List<Row> after(Position from, OffsetDateTime through, int limit) {
        return jdbc.query("select " + COLUMNS + " from xapi_statement where stored >= ? and stored <= ?"
                        + " and (stored > ? or seq > ?) order by stored, seq fetch first " + limit + " rows only",
                StatementReader::row, from.stored(), through, from.stored(), from.seq());
    }

    /** The statements of these actors that are not voided, in storage order. */
    public List<Row> ofActors(Collection<String> actorIfis) {
        Set<String> wanted = Set.copyOf(actorIfis);
        Long[] keys = wanted.stream().map(FilterKey::of).distinct().toArray(Long[]::new);
        return jdbc.query("select " + COLUMNS + " from xapi_statement s join unnest(?) as k(v) on s.actor_key = k.v"
                        + " where s.voided = false order by s.seq", StatementReader::row, (Object) keys).stream()
                .filter(r -> wanted.contains(r.actorIfi())).toList();
    }

    public Position position(String reader) {
        List<Position> p = jdbc.query("select stored, seq from xapi_reader where name = ?",
                (rs, n) -> new Position(rs.getObject(1, OffsetDateTime.class), rs.getLong(2)), reader);
        return p.isEmpty() ? Position.START : p.get(0);
    }

    /** Saves a reader's position; call in the transaction that did what the reader does with the statements. */
    public void save(String reader, Position p) {
        if (jdbc.update("update xapi_reader set stored = ?, seq = ? where name = ?", p.stored(), p.seq(), reader) == 0) {
            jdbc.update("insert into xapi_reader (name, stored, seq) values (?, ?, ?)", reader, p.stored(), p.seq());
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("seq"), rs.getObject("stored", OffsetDateTime.class), rs.getString("id"),
                rs.getString("verb_id"), rs.getString("actor_ifi"), rs.getString("object_activity_id"),
                rs.getString("object_statement_id"), rs.getBoolean("voiding"), rs.getBoolean("voided"),
                rs.getObject("ts", OffsetDateTime.class), rs.getString("client_key"), rs.getString("body"));
    }

}
