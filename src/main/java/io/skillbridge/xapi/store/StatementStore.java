package io.skillbridge.xapi.store;

import io.skillbridge.canonical.Sql;
import io.skillbridge.xapi.StatementFacts;
import io.skillbridge.xapi.StatementQuery;
import io.skillbridge.xapi.XapiProperties;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statements table and its side tables. A group of statements is written in one call (see {@link #insert}); the
 * checks it needs before it is written are one query.
 */
@Repository
public class StatementStore {

    private final JdbcTemplate jdbc;
    private final String authorityPrefix;
    private final boolean postgres;

    public StatementStore(JdbcTemplate jdbc, XapiProperties properties) {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL".equals(
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
        this.authorityPrefix = "account:" + properties.authorityHomePage() + " ";
    }

    /**
     * What the store already knows about a batch about to be written: the stored statements, and those of them that
     * are voiding statements.
     */
    public record Known(Map<String, StoredStatement> statements, Set<String> voidingIds) {

        public static final Known NOTHING = new Known(Map.of(), Set.of());
    }

    /**
     * One query: the stored statements among {@code ids} (a batch's own ids and the ids its voiding statements
     * target) with whether each is itself a voiding statement.
     */
    public Known known(Collection<String> ids) {
        Map<String, StoredStatement> statements = new HashMap<>();
        Set<String> voiding = new HashSet<>();
        Sql.forEachIn(jdbc, "select s.id, s.seq, s.body, s.voiding from xapi_statement s join unnest(?) as k(v) on s.id = k.v",
                null, ids, rs -> {
                    String id = rs.getString("id");
                    statements.put(id, new StoredStatement(rs.getLong("seq"), id, null, rs.getString("body")));
                    if (rs.getBoolean("voiding")) {
                        voiding.add(id);
                    }
                });
        return new Known(statements, voiding);
    }

    /**
     * Inserts {@code statements} with their side-table rows, then marks voided every statement that a stored voiding
     * statement names among them and their voiding statements' targets (a statement can arrive after the statement
     * that voids it; a voiding statement itself is never voided). On H2, a JDBC batch per table, in the caller's
     * transaction. On PostgreSQL, one multi-statement execution with each table's rows as arrays: one round trip,
     * and outside a transaction also its own commit, atomic (PostgreSQL commits what came before the protocol's one
     * Sync, or none of it). A group of single statements spent most of its time waiting on round trips: four of them
     * (one per table written, and the commit) became one.
     */
    public void insert(List<NewStatement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        List<Rows> tables = List.of(statementRows(statements),
                sideRows(statements, STATEMENT_AGENT, s -> s.facts().agents()),
                sideRows(statements, STATEMENT_ACTIVITY, s -> s.facts().activities()),
                refRows(statements), attachmentRows(statements));
        Set<String> named = new HashSet<>();
        statements.forEach(s -> s.facts().addVoidingIds(named));
        if (postgres) {
            String sql = tables.stream().map(t -> t.table().arraySql() + ";\n").collect(Collectors.joining()) + MARK_VOIDED;
            jdbc.execute((ConnectionCallback<Void>) c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int p = 1;
                    for (Rows t : tables) {
                        for (int column = 0; column < t.table().types().length; column++) {
                            ps.setArray(p++, t.column(c, column));
                        }
                    }
                    ps.setArray(p, c.createArrayOf("varchar", named.toArray(new String[0])));
                    ps.execute();
                }
                return null;
            });
        } else {
            for (Rows t : tables) {
                if (!t.rows().isEmpty()) {
                    jdbc.batchUpdate(t.table().batchSql(), t.rows(), t.table().types());
                }
            }
            jdbc.update(MARK_VOIDED, (Object) named.toArray(new String[0]));
        }
    }

    /**
     * Marks voided the statements among the ids of the array parameter that a stored voiding statement names (the
     * group's own voiding statements are stored by then), reading the few StatementRefs for them: what is voided is
     * decided where it is stored, whatever the writer knew.
     */
    private static final String MARK_VOIDED = "update xapi_statement set voided = true where voiding = false and id in"
            + " (select r.target_id from unnest(?) as k(v) join xapi_statement_ref r on r.target_id = k.v where r.voiding)";

    /** Whether {@link #insert} commits by itself when called outside a transaction. */
    public boolean insertsAtomically() {
        return postgres;
    }

    /**
     * An insert into one table: one {@code ?} per column. Its values go in as {@code values (?, ...)} per JDBC batch
     * row, or as {@code select * from unnest(?, ...)} of one array per column.
     */
    private record Table(String batchSql, String arraySql, int... types) {

        static Table insert(String table, String columns, int... types) {
            String marks = String.join(", ", Collections.nCopies(types.length, "?"));
            String into = "insert into " + table + " (" + columns + ")";
            return new Table(into + " values (" + marks + ")", into + " select * from unnest(" + marks + ")", types);
        }
    }

    private static final Table STATEMENT = Table.insert("xapi_statement", "id, verb_id, actor_ifi, object_activity_id,"
                    + " object_statement_id, registration, stored, ts, voiding, client_key, body, verb_key, actor_key,"
                    + " activity_key, registration_key",
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.BOOLEAN, Types.VARCHAR,
            Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT);
    private static final Table STATEMENT_AGENT = Table.insert("xapi_statement_agent", "statement_id, ifi, usage, ifi_key",
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT);
    private static final Table STATEMENT_ACTIVITY = Table.insert("xapi_statement_activity", "statement_id, activity_id, usage, activity_key",
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT);
    private static final Table STATEMENT_REF = Table.insert("xapi_statement_ref", "target_id, statement_id, voiding",
            Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN);
    private static final Table ATTACHMENT = Table.insert("xapi_attachment", "statement_id, sha2, content_type, content",
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARBINARY);

    /** A table's rows to write. */
    private record Rows(Table table, List<Object[]> rows) {

        /** One column of the rows as a PostgreSQL array of the column's type (timestamps as ISO-8601 text). */
        Array column(Connection c, int column) throws SQLException {
            int type = table.types()[column];
            Object[] values = switch (type) {
                case Types.BIGINT -> new Long[rows.size()];
                case Types.BOOLEAN -> new Boolean[rows.size()];
                case Types.VARBINARY -> new byte[rows.size()][];
                default -> new String[rows.size()];
            };
            for (int i = 0; i < rows.size(); i++) {
                Object v = rows.get(i)[column];
                values[i] = v instanceof OffsetDateTime t ? t.toString() : v;
            }
            return c.createArrayOf(switch (type) {
                case Types.VARCHAR -> "varchar";
                case Types.BIGINT -> "int8";
                case Types.BOOLEAN -> "bool";
                case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
                case Types.VARBINARY -> "bytea";
                default -> throw new IllegalArgumentException("no array type for SQL type " + type);
            }, values);
        }
    }

    private static Rows statementRows(List<NewStatement> statements) {
        List<Object[]> rows = new ArrayList<>(statements.size());
        for (NewStatement s : statements) {
            StatementFacts f = s.facts();
            rows.add(new Object[]{f.id(), f.verbId(), f.actorIfi(), f.objectActivityId(), f.objectStatementId(),
                    f.registration(), s.stored(), f.timestamp(), f.voiding(), s.clientKey(), s.body(),
                    FilterKey.of(f.verbId()), FilterKey.of(f.actorIfi()), FilterKey.of(f.objectActivityId()),
                    FilterKey.of(f.registration())});
        }
        return new Rows(STATEMENT, rows);
    }

    /** The agents or activities each statement names beyond its actor and object, one row per usage. */
    private static Rows sideRows(List<NewStatement> statements, Table table,
                                 Function<NewStatement, List<StatementFacts.Usage>> usages) {
        List<Object[]> rows = new ArrayList<>();
        for (NewStatement s : statements) {
            for (StatementFacts.Usage u : usages.apply(s)) {
                rows.add(new Object[]{s.facts().id(), u.key(), u.usage(), FilterKey.of(u.key())});
            }
        }
        return new Rows(table, rows);
    }

    private static Rows refRows(List<NewStatement> statements) {
        List<Object[]> rows = new ArrayList<>();
        for (NewStatement s : statements) {
            if (s.facts().objectStatementId() != null) {
                rows.add(new Object[]{s.facts().objectStatementId(), s.facts().id(), s.facts().voiding()});
            }
        }
        return new Rows(STATEMENT_REF, rows);
    }

    private static Rows attachmentRows(List<NewStatement> statements) {
        List<Object[]> rows = new ArrayList<>();
        for (NewStatement s : statements) {
            for (AttachmentPart a : s.attachments()) {
                rows.add(new Object[]{s.facts().id(), a.sha2(), a.contentType(), a.content()});
            }
        }
        return new Rows(ATTACHMENT, rows);
    }

    /** A statement by id: voided ones only when {@code voided} is asked for, the others only when it is not. */
    public StoredStatement byId(String id, boolean voided) {
        List<StoredStatement> found = jdbc.query("select seq, id, stored, body from xapi_statement where id = ? and voided = ?",
                StatementStore::row, id, voided);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * One page of statements matching the query, in storage order, at most {@code limit + 1} so that the caller
     * knows whether there is more. Voided statements never match; a statement whose object is a StatementRef also
     * matches when the statement it targets meets the content filters (the spec's rule for StatementRefs). The rows
     * read are those the most selective filter's index finds, and the statements targeting them (docs/adr/0006).
     */
    public List<StoredStatement> find(StatementQuery q, int limit) {
        Select select = select(q, limit);
        return jdbc.query(select.sql(), StatementStore::row, select.args());
    }

    /** A query's SQL and its arguments. */
    record Select(String sql, Object... args) {
    }

    /** The query {@link #find} runs. */
    Select select(StatementQuery q, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select s.seq, s.id, s.stored, s.body from ");
        List<Object> candidateArgs = new ArrayList<>();
        String candidates = candidates(q, candidateArgs);
        if (candidates != null) {
            // the candidates as a table the statements are joined to by id. Tested as "s.id in (... union ...)" instead,
            // 300 candidates among 240,000 took H2 30 ms, 25 more than without the union's StatementRef half: it seems
            // to run the union again for each row it tests. Joined: 4 ms (docs/adr/0006)
            sql.append("(").append(candidates)
                    .append(" union select r.statement_id from xapi_statement_ref r where r.target_id in (")
                    .append(candidates).append(")) c join xapi_statement s on s.id = c.id");
            args.addAll(candidateArgs);
            args.addAll(candidateArgs);
        } else if (q.verb() != null) {
            // a verb and no narrower filter: the page's own matches read from the verb's index in storage order, as
            // far as the page needs, plus the few statements whose StatementRef targets a match (docs/adr/0006)
            sql.append("((select x.id from xapi_statement x where x.voided = false and ").append(contentFilter("x", q, args));
            bounds("x", q, sql, args);
            // by the index's columns, the first of them fixed: H2 then reads the index in order instead of sorting
            String order = q.ascending() ? " asc" : " desc";
            sql.append(" order by x.verb_key").append(order).append(", x.seq").append(order).append(" limit ?)");
            args.add(limit + 1);
            sql.append(" union select r.statement_id from xapi_statement_ref r where exists (select 1 from xapi_statement t")
                    .append(" where t.id = r.target_id and ").append(contentFilter("t", q, args))
                    .append(")) c join xapi_statement s on s.id = c.id");
        } else {
            sql.append("xapi_statement s");
        }
        sql.append(" where s.voided = false");
        if (q.filtersContent()) {
            List<Object> targetArgs = new ArrayList<>();
            String own = contentFilter("s", q, args);
            String target = contentFilter("t", q, targetArgs);
            // the few statements whose StatementRef targets a match, as a set read from the StatementRefs: asked per row,
            // PostgreSQL hashed every statement that met the filters; as a join, H2 began with those statements
            sql.append(" and (").append(own).append(" or s.object_statement_id is not null and s.id in (select r.statement_id")
                    .append(" from xapi_statement_ref r where exists (select 1 from xapi_statement t where t.id = r.target_id and ")
                    .append(target).append(")))");
            args.addAll(targetArgs);
        }
        bounds("s", q, sql, args);
        sql.append(" order by s.seq ").append(q.ascending() ? "asc" : "desc").append(" limit ?");
        args.add(limit + 1);
        return new Select(sql.toString(), args.toArray());
    }

    /** The query's window of storage: since, until, and where the page before stopped. */
    private static void bounds(String t, StatementQuery q, StringBuilder sql, List<Object> args) {
        if (q.since() != null) {
            sql.append(" and ").append(t).append(".stored > ?");
            args.add(q.since());
        }
        if (q.until() != null) {
            sql.append(" and ").append(t).append(".stored <= ?");
            args.add(q.until());
        }
        if (q.afterSeq() != null) {
            sql.append(" and ").append(t).append(q.ascending() ? ".seq > ?" : ".seq < ?");
            args.add(q.afterSeq());
        }
    }

    private static StoredStatement row(ResultSet rs, int n) throws SQLException {
        return new StoredStatement(rs.getLong("seq"), rs.getString("id"), rs.getObject("stored", OffsetDateTime.class),
                rs.getString("body"));
    }

    /**
     * The ids of every statement that can meet the registration, agent or activity filter, in that order of
     * preference (the likeliest to be selective), from their keys' indexes; the values are compared by
     * {@link #contentFilter}. Null when none of them narrows: a verb's statements can be a sixth of the store, so a
     * verb alone reads its index only as far as the page needs (see select); the authority of related_agents is the
     * sending client, which no index holds.
     */
    private String candidates(StatementQuery q, List<Object> args) {
        if (q.registration() != null) {
            args.add(FilterKey.of(q.registration()));
            return "select id from xapi_statement where registration_key = ?";
        }
        if (q.agentIfi() != null && !(q.relatedAgents() && q.agentIfi().startsWith(authorityPrefix))) {
            Long key = FilterKey.of(q.agentIfi());
            args.addAll(List.of(key, key));
            return "select id from xapi_statement where actor_key = ? union all select statement_id from xapi_statement_agent"
                    + " where ifi_key = ?" + (q.relatedAgents() ? "" : " and usage = 'object'");
        }
        if (q.activity() != null) {
            Long key = FilterKey.of(q.activity());
            args.add(key);
            String own = "select id from xapi_statement where activity_key = ?";
            if (!q.relatedActivities()) {
                return own;
            }
            args.add(key);
            return own + " union all select statement_id from xapi_statement_activity where activity_key = ?";
        }
        return null;
    }

    private String contentFilter(String t, StatementQuery q, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (q.verb() != null) {
            clauses.add(t + ".verb_key = ? and " + t + ".verb_id = ?");
            args.add(FilterKey.of(q.verb()));
            args.add(q.verb());
        }
        if (q.registration() != null) {
            clauses.add(t + ".registration_key = ? and " + t + ".registration = ?");
            args.add(FilterKey.of(q.registration()));
            args.add(q.registration());
        }
        if (q.agentIfi() != null) {
            Long key = FilterKey.of(q.agentIfi());
            String clause = "(" + t + ".actor_key = ? and " + t + ".actor_ifi = ? or exists (select 1 from xapi_statement_agent a"
                    + " where a.statement_id = " + t + ".id and a.ifi_key = ? and a.ifi = ?" + (q.relatedAgents() ? ")" : " and a.usage = 'object')");
            args.addAll(List.of(key, q.agentIfi(), key, q.agentIfi()));
            if (q.relatedAgents() && q.agentIfi().startsWith(authorityPrefix)) {
                // the authority of a stored statement is the client that sent it
                clause += " or " + t + ".client_key = ?";
                args.add(q.agentIfi().substring(authorityPrefix.length()));
            }
            clauses.add(clause + ")");
        }
        if (q.activity() != null) {
            Long key = FilterKey.of(q.activity());
            String own = t + ".activity_key = ? and " + t + ".object_activity_id = ?";
            args.addAll(List.of(key, q.activity()));
            if (q.relatedActivities()) {
                clauses.add("(" + own + " or exists (select 1 from xapi_statement_activity a"
                        + " where a.statement_id = " + t + ".id and a.activity_key = ? and a.activity_id = ?))");
                args.addAll(List.of(key, q.activity()));
            } else {
                clauses.add("(" + own + ")");
            }
        }
        return "(" + String.join(" and ", clauses) + ")";
    }

    /** Attachment content of the given statements, by statement id and sha2. */
    public Map<String, List<AttachmentPart>> attachments(Collection<String> statementIds) {
        Map<String, List<AttachmentPart>> byStatement = new LinkedHashMap<>();
        if (statementIds.isEmpty()) {
            return byStatement;
        }
        jdbc.query("select a.statement_id, a.sha2, a.content_type, a.content from xapi_attachment a"
                + " join unnest(?) as k(v) on a.statement_id = k.v", rs -> {
            byStatement.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new AttachmentPart(rs.getString(2), rs.getString(3), rs.getBytes(4)));
        }, (Object) statementIds.toArray(new String[0]));
        return byStatement;
    }
}
