package io.skillbridge.xapi.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.xapi.StatementFacts;
import io.skillbridge.xapi.XapiProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link StatementStore#insert} writes, and that a failing write leaves nothing: on H2 in the writer's
 * transaction (JDBC batches), on PostgreSQL ({@link StatementStoreInsertOnPostgresIT}) by itself, one execution
 * that is its own commit.
 */
class StatementStoreInsertIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OffsetDateTime STORED = OffsetDateTime.of(2026, 11, 30, 9, 15, 0, 123_456_000, ZoneOffset.UTC);

    JdbcTemplate jdbc;
    StatementStore store;
    TransactionTemplate transactions;

    /** A new, empty database with the hub's schema. */
    DataSource database() {
        return new DriverManagerDataSource("jdbc:h2:mem:insert-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    @BeforeEach
    void store() {
        DataSource ds = database();
        migrate(ds);
        jdbc = new JdbcTemplate(ds);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(ds));
        store = new StatementStore(jdbc, new XapiProperties(DataSize.ofMegabytes(1), 50, "https://skillbridge.local/xapi/clients", "c.yaml"));
    }

    @Test
    void aGroupIsWrittenToEveryTableWithItsValuesIntact() throws Exception {
        NewStatement target = statement(UUID.randomUUID().toString(), """
                "object": {"id": "https://lms.example.com/course/C-1"}""");
        insert(List.of(target));
        String voidingId = UUID.randomUUID().toString();
        NewStatement voiding = new NewStatement(facts(voidingId, "http://adlnet.gov/expapi/verbs/voided", """
                "object": {"objectType": "StatementRef", "id": "%s"}""".formatted(target.facts().id())),
                "{}", List.of(), STORED, "lms");
        byte[] content = "certificate \u00e9".getBytes(StandardCharsets.UTF_8);
        NewStatement withAll = statement(UUID.randomUUID().toString(), """
                "object": {"id": "https://lms.example.com/course/C-2"},
                "context": {"registration": "6f0ad1a2-8f1d-4b52-9f1a-2a0c8a7d7c11",
                  "instructor": {"mbox": "mailto:coach@example.com"},
                  "contextActivities": {"parent": [{"id": "https://lms.example.com/program/P-1"}]}}""",
                List.of(new AttachmentPart("a1b2", "application/pdf", content)));

        insert(List.of(voiding, withAll));

        assertThat(jdbc.queryForList("select id from xapi_statement order by seq", String.class))
                .as("in the order given").containsExactly(target.facts().id(), voidingId, withAll.facts().id());
        assertThat(jdbc.queryForObject("select voided from xapi_statement where id = ?", Boolean.class, target.facts().id())).isTrue();
        assertThat(jdbc.queryForObject("select registration from xapi_statement where id = ?", String.class, withAll.facts().id()))
                .isEqualTo("6f0ad1a2-8f1d-4b52-9f1a-2a0c8a7d7c11");
        assertThat(jdbc.queryForObject("select stored from xapi_statement where id = ?", OffsetDateTime.class, withAll.facts().id())
                .toInstant()).isEqualTo(STORED.toInstant());
        assertThat(jdbc.queryForObject("select ifi from xapi_statement_agent where statement_id = ?", String.class,
                withAll.facts().id())).isEqualTo("mbox:mailto:coach@example.com");
        assertThat(jdbc.queryForObject("select activity_id from xapi_statement_activity where statement_id = ?", String.class,
                withAll.facts().id())).isEqualTo("https://lms.example.com/program/P-1");
        assertThat(jdbc.queryForObject("select statement_id from xapi_statement_ref where target_id = ? and voiding = true",
                String.class, target.facts().id())).isEqualTo(voidingId);
        assertThat(jdbc.queryForObject("select content from xapi_attachment where statement_id = ? and sha2 = 'a1b2'",
                byte[].class, withAll.facts().id())).isEqualTo(content);
        assertThat(jdbc.queryForObject("select activity_key from xapi_statement where id = ?", Long.class, withAll.facts().id()))
                .isEqualTo(FilterKey.of("https://lms.example.com/course/C-2"));
    }

    @Test
    void aGroupThatFailsOnOneStatementLeavesNoneOfItStored() throws Exception {
        NewStatement stored = statement(UUID.randomUUID().toString(), """
                "object": {"id": "https://lms.example.com/course/C-1"}""");
        insert(List.of(stored));
        NewStatement fresh = statement(UUID.randomUUID().toString(), """
                "object": {"id": "https://lms.example.com/course/C-2"},
                "context": {"contextActivities": {"parent": [{"id": "https://lms.example.com/program/P-1"}]}}""");

        NewStatement voidingIt = new NewStatement(facts(UUID.randomUUID().toString(), "http://adlnet.gov/expapi/verbs/voided", """
                "object": {"objectType": "StatementRef", "id": "%s"}""".formatted(stored.facts().id())), "{}", List.of(), STORED, "lms");

        assertThatThrownBy(() -> insert(List.of(fresh, voidingIt, stored)))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(jdbc.queryForObject("select count(*) from xapi_statement", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from xapi_statement_activity", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from xapi_statement_ref", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select voided from xapi_statement", Boolean.class)).isFalse();
    }

    @Test
    void aStatementStoredAfterItsVoidingStatementIsStoredVoidedWithoutBeingToldSo() throws Exception {
        String targetId = UUID.randomUUID().toString();
        String voidingId = UUID.randomUUID().toString();
        insert(List.of(new NewStatement(facts(voidingId, "http://adlnet.gov/expapi/verbs/voided", """
                "object": {"objectType": "StatementRef", "id": "%s"}""".formatted(targetId)), "{}", List.of(), STORED, "lms")));

        // nothing tells the store that it is voided: it finds the stored StatementRef itself
        insert(List.of(statement(targetId, """
                "object": {"id": "https://lms.example.com/course/C-1"}""")));

        assertThat(jdbc.queryForObject("select voided from xapi_statement where id = ?", Boolean.class, targetId)).isTrue();
        assertThat(jdbc.queryForObject("select voided from xapi_statement where id = ?", Boolean.class, voidingId)).isFalse();
    }

    private void insert(List<NewStatement> statements) {
        CommittedInsert.insert(store, transactions, statements);
    }

    private static NewStatement statement(String id, String rest) throws Exception {
        return statement(id, rest, List.of());
    }

    private static NewStatement statement(String id, String rest, List<AttachmentPart> attachments) throws Exception {
        StatementFacts facts = facts(id, "http://adlnet.gov/expapi/verbs/completed", rest);
        return new NewStatement(facts, "{\"id\":\"" + id + "\"}", attachments, STORED, "lms");
    }

    private static StatementFacts facts(String id, String verb, String rest) throws Exception {
        JsonNode s = JSON.readTree("""
                {"id": "%s", "actor": {"mbox": "mailto:ana@example.com"}, "verb": {"id": "%s"},
                 "timestamp": "2026-11-30T09:00:00.000Z", %s}""".formatted(id, verb, rest));
        return StatementFacts.of(id, s);
    }
}
