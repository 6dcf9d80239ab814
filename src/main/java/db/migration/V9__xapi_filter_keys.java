package db.migration;

import io.skillbridge.xapi.store.FilterKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement store's filter indexes move from the values (IRIs of up to 2,048 characters) to their 64-bit
 * {@link FilterKey}s: the speed of the Statements resource (docs/adr/0004). A Java migration because the keys of
 * the statements already stored are computed by the hub's own hash, which neither database has as a function.
 * Portable JDBC: runs on H2 and PostgreSQL.
 */
public class V9__xapi_filter_keys extends BaseJavaMigration {

    /** Table, value column, key column, the old index on the value and the new index's columns. */
    private record Filter(String table, String value, String key, String oldIndex, String newIndex, String indexColumns) {
    }

    private static final List<Filter> FILTERS = List.of(
            new Filter("xapi_statement", "verb_id", "verb_key", "ix_xapi_statement_verb", "ix_xapi_statement_verb_key", "verb_key, seq"),
            new Filter("xapi_statement", "actor_ifi", "actor_key", "ix_xapi_statement_actor", "ix_xapi_statement_actor_key", "actor_key, seq"),
            new Filter("xapi_statement", "object_activity_id", "activity_key", "ix_xapi_statement_activity", "ix_xapi_statement_activity_key", "activity_key, seq"),
            new Filter("xapi_statement", "registration", "registration_key", "ix_xapi_statement_registration", "ix_xapi_statement_registration_key", "registration_key, seq"),
            new Filter("xapi_statement_agent", "ifi", "ifi_key", "ix_xapi_agent_ifi", "ix_xapi_agent_ifi_key", "ifi_key, statement_id"),
            new Filter("xapi_statement_activity", "activity_id", "activity_key", "ix_xapi_activity_id", "ix_xapi_activity_key", "activity_key, statement_id"));

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            for (Filter f : FILTERS) {
                s.execute("alter table " + f.table() + " add column " + f.key() + " bigint");
                // by distinct value, through the old index: a store has few verbs and far fewer activities than statements
                fill(c, f);
                s.execute("create index " + f.newIndex() + " on " + f.table() + " (" + f.indexColumns() + ")");
                s.execute("drop index " + f.oldIndex());
            }
        }
    }

    private static void fill(Connection c, Filter f) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select distinct " + f.value() + " from " + f.table() + " where " + f.value() + " is not null")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update " + f.table() + " set " + f.key() + " = ? where " + f.value() + " = ?")) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(1, FilterKey.of(values.get(i)), Types.BIGINT);
                ps.setString(2, values.get(i));
                ps.addBatch();
                if (i % 1000 == 999 || i == values.size() - 1) {
                    ps.executeBatch();
                }
            }
        }
    }
}
