package db.migration;

import io.skillbridge.TestPostgres;
import io.skillbridge.xapi.store.FilterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A store with statements from before V9 gets the filter keys of every stored statement, and only the new indexes. */
class V9XapiFilterKeysIT {

    @Test
    void statementsStoredBeforeTheMigrationAreFoundByTheirKeysOnH2() {
        migrateStoredStatements(MigrationStores.h2());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = "jdbc:postgresql:.+")
    void statementsStoredBeforeTheMigrationAreFoundByTheirKeysOnPostgres() {
        migrateStoredStatements(MigrationStores.postgres("v9_test"));
    }

    private static void migrateStoredStatements(MigrationStores store) {
        JdbcTemplate jdbc = store.migrate("8");
        String verb = "http://adlnet.gov/expapi/verbs/completed";
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            jdbc.update("insert into xapi_statement (id, verb_id, actor_ifi, object_activity_id, registration, stored, ts,"
                            + " voiding, voided, client_key, body) values (?, ?, ?, ?, ?, current_timestamp, current_timestamp,"
                            + " false, false, 'lms', '{}')", id, verb, "mbox:mailto:learner" + i + "@example.com",
                    i == 2 ? null : "https://lms.example.com/course/" + i, UUID.randomUUID().toString());
            jdbc.update("insert into xapi_statement_agent (statement_id, ifi, usage) values (?, ?, 'instructor')",
                    id, "mbox:mailto:coach@example.com");
            jdbc.update("insert into xapi_statement_activity (statement_id, activity_id, usage) values (?, ?, 'parent')",
                    id, "https://lms.example.com/program/analyst");
        }

        store.migrate("9");

        jdbc.query("select verb_id, verb_key, actor_ifi, actor_key, object_activity_id, activity_key, registration,"
                + " registration_key from xapi_statement", rs -> {
            for (int c = 1; c <= 7; c += 2) {
                assertThat(rs.getObject(c + 1)).as(rs.getMetaData().getColumnName(c + 1)).isEqualTo(FilterKey.of(rs.getString(c)));
            }
        });
        assertThat(jdbc.queryForObject("select count(*) from xapi_statement where verb_key = ?", Integer.class,
                FilterKey.of(verb))).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from xapi_statement where activity_key is null", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from xapi_statement_agent where ifi_key = ?", Integer.class,
                FilterKey.of("mbox:mailto:coach@example.com"))).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from xapi_statement_activity where activity_key = ?", Integer.class,
                FilterKey.of("https://lms.example.com/program/analyst"))).isEqualTo(3);
        assertThat(jdbc.queryForList(store.indexNames(), String.class)).map(String::toLowerCase)
                .contains("ix_xapi_statement_verb_key", "ix_xapi_agent_ifi_key", "ix_xapi_activity_key")
                .doesNotContain("ix_xapi_statement_verb", "ix_xapi_statement_actor", "ix_xapi_agent_ifi", "ix_xapi_activity_id");
    }
}
