package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * On H2, every identity column hands out {@value #CACHE} values per write of its sequence instead of H2's default 32.
 *
 * <p>H2 stores a sequence's next block of values with a commit of its own, and with {@code WRITE_DELAY=0} (commits
 * that survive a killed process) each such commit writes a chunk of the database file: one every 32 rows inserted into
 * xapi_statement, raw_record, skill_evidence, employment, learning_record or outbox. That was 30 % of what storing
 * xAPI statements cost (docs/adr/0004). A larger block only leaves a larger gap in the numbers when the process is
 * killed; nothing reads them as dense.
 *
 * <p>PostgreSQL is left as it is: its sequences write no commit of their own, and a cache there is per session, which
 * would hand concurrent sessions numbers out of the order they asked for them.
 */
public class V11__h2_identity_cache extends BaseJavaMigration {

    static final int CACHE = 10_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name, column_name from information_schema.columns"
                     + " where table_schema = current_schema and is_identity = 'YES' order by table_name")) {
            while (rs.next()) {
                columns.add("alter table " + rs.getString(1) + " alter column " + rs.getString(2) + " set cache " + CACHE);
            }
        }
        try (Statement s = c.createStatement()) {
            for (String alter : columns) {
                s.execute(alter);
            }
        }
    }
}
