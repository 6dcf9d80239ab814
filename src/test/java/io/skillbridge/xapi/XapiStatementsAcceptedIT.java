package io.skillbridge.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillbridge.xapi.spec.Statements;
import io.skillbridge.xapi.spec.XapiSpecIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The event the evidence side listens to: published once per stored batch, after the commit, never for no-ops. */
@Import(XapiStatementsAcceptedIT.Listener.class)
class XapiStatementsAcceptedIT extends XapiSpecIT {

    @TestConfiguration
    static class Listener {
        static final List<StatementsAccepted> events = new CopyOnWriteArrayList<>();
        static final List<Integer> rowsVisibleToListener = new CopyOnWriteArrayList<>();

        @Bean
        Object statementsAcceptedRecorder(JdbcTemplate jdbc) {
            return new Object() {
                @EventListener
                void on(StatementsAccepted e) {
                    rowsVisibleToListener.add(jdbc.queryForObject("select count(*) from xapi_statement", Integer.class));
                    events.add(e);
                }
            };
        }
    }

    @BeforeEach
    void forget() {
        Listener.events.clear();
        Listener.rowsVisibleToListener.clear();
    }

    @Test
    void aStoredBatchIsPublishedWithWhatTheEvidenceSideNeeds() {
        ObjectNode passed = Statements.valid();
        ObjectNode target = Statements.valid();
        post("1.0.3", target);
        forget();
        ObjectNode voiding = Statements.json("""
                {"actor": {"mbox": "mailto:admin@example.com"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(target.get("id").asText()));

        post("2.0.0", Statements.JSON.createArrayNode().add(passed).add(voiding));

        assertThat(Listener.events).hasSize(1);
        StatementsAccepted e = Listener.events.get(0);
        assertThat(e.clientKey()).isEqualTo(LMS);
        assertThat(e.statements()).hasSize(2);
        StatementsAccepted.Accepted first = e.statements().get(0);
        assertThat(first.id()).isEqualTo(passed.get("id").asText());
        assertThat(first.verbId()).isEqualTo("http://adlnet.gov/expapi/verbs/completed");
        assertThat(first.actorIfi()).isEqualTo("mbox:mailto:logan.mcneil@example.com");
        assertThat(first.objectType()).isEqualTo("Activity");
        assertThat(first.objectId()).isEqualTo("https://lms.example.com/course/LIB-0042");
        assertThat(first.result().get("score").get("scaled").asDouble()).isEqualTo(0.82);
        assertThat(first.voidedStatementId()).isNull();
        assertThat(e.statements().get(1).voidedStatementId()).isEqualTo(target.get("id").asText());
        // published after the commit: a listener reading the store sees the rows
        assertThat(Listener.rowsVisibleToListener.get(0)).isEqualTo(3);
    }

    @Test
    void nothingIsPublishedForARejectedBatchOrAStatementSentAgain() {
        ObjectNode s = Statements.valid();
        post("1.0.3", s);
        forget();

        post("1.0.3", s);
        post("1.0.3", Statements.JSON.createArrayNode().add(Statements.valid()).add(Statements.minimal().put("id", "nope")));

        assertThat(Listener.events).isEmpty();
    }
}
