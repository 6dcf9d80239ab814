package db.migration;

import io.skillbridge.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store with statements from before V12 names every StatementRef object in xapi_statement_ref, voiding ones marked,
 * and xapi_voiding, which it replaces, is gone.
 */
class V12XapiStatementRefsIT {

    @Test
    void statementRefsStoredBeforeTheMigrationAreNamedOnH2() {
        migrateStoredStatements(MigrationStores.h2());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
    void statementRefsStoredBeforeTheMigrationAreNamedOnPostgres() {
        migrateStoredStatements(MigrationStores.postgres("v12_test"));
    }

    private static void migrateStoredStatements(MigrationStores store) {
        JdbcTemplate jdbc = store.migrate("11");
        String target = insert(jdbc, "http://adlnet.gov/expapi/verbs/completed", null);
        String voiding = insert(jdbc, "http://adlnet.gov/expapi/verbs/voided", target);
        String mention = insert(jdbc, "http://adlnet.gov/expapi/verbs/experienced", target);
        insert(jdbc, "http://adlnet.gov/expapi/verbs/experienced", null);
        jdbc.update("insert into xapi_voiding (target_id, voiding_id) values (?, ?)", target, voiding);

        store.migrate("12");

        List<Ref> refs = jdbc.query("select target_id, statement_id, voiding from xapi_statement_ref order by voiding",
                (rs, n) -> new Ref(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
        assertThat(refs).containsExactly(new Ref(target, mention, false), new Ref(target, voiding, true));
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = current_schema"
                + " and lower(table_name) = 'xapi_voiding'", Integer.class)).isZero();
    }

    private record Ref(String target, String statement, boolean voiding) {
    }

    private static String insert(JdbcTemplate jdbc, String verb, String objectStatementId) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into xapi_statement (id, verb_id, actor_ifi, object_statement_id, stored, ts, voiding, voided,"
                        + " client_key, body) values (?, ?, 'mbox:mailto:admin@example.com', ?, current_timestamp,"
                        + " current_timestamp, ?, false, 'lms', '{}')", id, verb, objectStatementId,
                verb.endsWith("/voided"));
        return id;
    }
}
