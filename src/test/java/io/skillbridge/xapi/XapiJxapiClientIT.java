package io.skillbridge.xapi;

import gov.adlnet.xapi.client.StatementClient;
import gov.adlnet.xapi.model.Activity;
import gov.adlnet.xapi.model.Agent;
import gov.adlnet.xapi.model.Statement;
import gov.adlnet.xapi.model.StatementResult;
import gov.adlnet.xapi.model.Verb;
import io.skillbridge.xapi.spec.XapiSpecIT;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADL's own Java client (jxapi, which speaks 1.0.3) against the hub's Statements resource: what a learning tool
 * built on it sends is stored, and what it reads back, filters and pages with {@code more} is what it wrote.
 */
class XapiJxapiClientIT extends XapiSpecIT {

    private StatementClient client() throws Exception {
        return new StatementClient("http://127.0.0.1:" + port + "/xapi/", LMS, LMS_SECRET);
    }

    private static Statement completed(String who, String course) {
        HashMap<String, String> display = new HashMap<>();
        display.put("en-US", "completed");
        return new Statement(new Agent(who, "mailto:" + who + "@example.com"),
                new Verb("http://adlnet.gov/expapi/verbs/completed", display), new Activity("https://lms.example.com/course/" + course));
    }

    @Test
    void postsPutsAndReadsStatementsThroughJxapi() throws Exception {
        String posted = client().postStatement(completed("ada", "excel"));
        assertThat(posted).matches("[0-9a-f-]{36}");

        String putId = UUID.randomUUID().toString();
        Statement put = completed("bob", "sql");
        // jxapi gives every new Statement an id of its own, which the LRS refuses beside a different statementId
        put.setId(putId);
        assertThat(client().putStatement(put, putId)).isTrue();

        ArrayList<Statement> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(completed("cy", "course-" + i));
        }
        assertThat(client().postStatements(batch)).hasSize(5);

        Statement read = client().getStatement(putId);
        assertThat(read.getId()).isEqualTo(putId);
        assertThat(read.getAuthority()).isNotNull();
        assertThat(stored()).isEqualTo(7);
    }

    @Test
    void filtersAndPagesThroughJxapi() throws Exception {
        ArrayList<Statement> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(completed("dee", "course-" + i));
        }
        batch.add(completed("eve", "course-x"));
        client().postStatements(batch);

        StatementResult first = client().filterByVerb("http://adlnet.gov/expapi/verbs/completed")
                .filterByActivity("https://lms.example.com/course/course-x").getStatements();
        assertThat(first.getStatements()).hasSize(1);

        Set<String> seen = new HashSet<>();
        StatementResult page = client().limitResults(3).getStatements();
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            sizes.add(page.getStatements().size());
            page.getStatements().forEach(s -> seen.add(s.getId()));
            if (!page.hasMore()) {
                break;
            }
            page = client().getStatements(page.getMore());
        }
        assertThat(sizes).containsExactly(3, 3, 2);
        assertThat(seen).hasSize(8);
    }
}
