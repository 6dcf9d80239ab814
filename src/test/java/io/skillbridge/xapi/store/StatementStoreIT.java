package io.skillbridge.xapi.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.xapi.StatementFacts;
import io.skillbridge.xapi.StatementQuery;
import io.skillbridge.xapi.XapiProperties;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filtered reads of the statement store use the filter keys' indexes (docs/adr/0006): H2 reads the rows that the
 * most selective filter's index finds, by statement id, and not every stored statement in storage order.
 */
class StatementStoreIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COURSE = "https://lms.example.com/course/C-1";
    static final String PROGRAM = "https://lms.example.com/program/P-1";
    static final String VERB = "http://adlnet.gov/expapi/verbs/completed";
    static final String MASTERED = "http://adlnet.gov/expapi/verbs/mastered";
    /** How H2's plan reads the statements table: by the ids of the candidates it is joined to. */
    static final String BY_CANDIDATE_IDS = "UQ_XAPI_STATEMENT_ID\\w*: ID = C\\.ID";

    JdbcTemplate jdbc;
    StatementStore store;
    String registration = UUID.randomUUID().toString();

    @BeforeEach
    void store() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        store = new StatementStore(jdbc, new XapiProperties(DataSize.ofMegabytes(1), 50, "https://skillbridge.local/xapi/clients", "c.yaml"));
        List<NewStatement> statements = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statements.add(statement(i % 4 == 0 ? "1" : "other-" + i, i == 7 ? registration : UUID.randomUUID().toString()));
        }
        store.insert(statements);
    }

    @Test
    void registrationAgentAndActivityFiltersReadOnlyTheRowsTheirIndexFinds() {
        StatementQuery registrationQuery = query(null, null, registration, false);
        StatementQuery agentQuery = query(agent("1"), null, null, false);
        StatementQuery relatedQuery = query(null, PROGRAM, null, true);

        assertThat(plan(registrationQuery)).containsPattern(BY_CANDIDATE_IDS).contains("IX_XAPI_STATEMENT_REGISTRATION_KEY");
        assertThat(plan(agentQuery)).containsPattern(BY_CANDIDATE_IDS).contains("IX_XAPI_STATEMENT_ACTOR_KEY", "IX_XAPI_AGENT_IFI_KEY");
        assertThat(plan(relatedQuery)).containsPattern(BY_CANDIDATE_IDS).contains("IX_XAPI_STATEMENT_ACTIVITY_KEY", "IX_XAPI_ACTIVITY_KEY");

        assertThat(store.find(registrationQuery, 50)).hasSize(1);
        assertThat(store.find(agentQuery, 50)).hasSize(10);
        assertThat(store.find(relatedQuery, 50)).hasSize(40);
    }

    @Test
    void aVerbAloneReadsItsIndexInOrderUntilThePageIsFull() {
        StatementQuery verbQuery = verbQuery(VERB, false, null);

        assertThat(plan(verbQuery)).containsPattern(BY_CANDIDATE_IDS).contains("IX_XAPI_STATEMENT_VERB_KEY", "/* index sorted */");
        assertThat(store.find(verbQuery, 5)).hasSize(6);
    }

    @Test
    void aRareVerbIsPagedThroughWithTheStatementRefsToItsStatements() throws Exception {
        NewStatement first = statement("m", registration, MASTERED);
        NewStatement second = statement("m", registration, MASTERED);
        NewStatement third = statement("m", registration, MASTERED);
        String refId = UUID.randomUUID().toString();
        JsonNode ref = JSON.readTree("""
                {"id": "%s", "actor": {"mbox": "mailto:coach@example.com"}, "verb": {"id": "http://id.tincanapi.com/verb/endorsed"},
                 "object": {"objectType": "StatementRef", "id": "%s"}, "timestamp": "2026-11-24T15:07:00.000Z"}"""
                .formatted(refId, first.facts().id()));
        List<NewStatement> more = new ArrayList<>(List.of(first));
        for (int i = 0; i < 10; i++) {
            more.add(statement("other", UUID.randomUUID().toString(), VERB));
        }
        more.add(second);
        more.add(new NewStatement(StatementFacts.of(refId, ref), ref.toString(), List.of(), OffsetDateTime.now(), "lms"));
        more.add(statement("other", UUID.randomUUID().toString(), VERB));
        more.add(third);
        store.insert(more);

        List<StoredStatement> page = store.find(verbQuery(MASTERED, true, null), 2);
        List<StoredStatement> next = store.find(verbQuery(MASTERED, true, page.get(1).seq()), 2);

        // a page of 2 reads 3, so that the caller knows there is more; the StatementRef matches through its target
        assertThat(page).extracting(StoredStatement::id).containsExactly(first.facts().id(), second.facts().id(), refId);
        assertThat(next).extracting(StoredStatement::id).containsExactly(refId, third.facts().id());
        assertThat(store.find(verbQuery(MASTERED, false, null), 50)).extracting(StoredStatement::id)
                .containsExactly(third.facts().id(), refId, second.facts().id(), first.facts().id());
    }

    private static StatementQuery verbQuery(String verb, boolean ascending, Long afterSeq) {
        return new StatementQuery(null, verb, null, null, false, false, null, null, 50, StatementQuery.Format.EXACT, false,
                ascending, afterSeq);
    }

    private String plan(StatementQuery q) {
        StatementStore.Select select = store.select(q, 50);
        return jdbc.queryForObject("explain " + select.sql(), String.class, select.args());
    }

    private static StatementQuery query(String agentIfi, String activity, String registration, boolean related) {
        return new StatementQuery(agentIfi, null, activity, registration, related, related, null, null, 50,
                StatementQuery.Format.EXACT, false, false, null);
    }

    private static String agent(String name) {
        return "account:https://sso.example.com " + name;
    }

    private static NewStatement statement(String actor, String registration) throws Exception {
        return statement(actor, registration, VERB);
    }

    private static NewStatement statement(String actor, String registration, String verb) throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode s = JSON.readTree("""
                {"id": "%s", "actor": {"account": {"homePage": "https://sso.example.com", "name": "%s"}},
                 "verb": {"id": "%s"}, "object": {"id": "%s"}, "timestamp": "2026-11-24T15:06:40.000Z",
                 "context": {"registration": "%s", "contextActivities": {"parent": [{"id": "%s"}]}}}
                """.formatted(id, actor, verb, COURSE, registration, PROGRAM));
        return new NewStatement(StatementFacts.of(id, s), s.toString(), List.of(), OffsetDateTime.now(), "lms");
    }
}
