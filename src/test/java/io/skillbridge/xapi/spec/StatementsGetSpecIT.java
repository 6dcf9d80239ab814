package io.skillbridge.xapi.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements resource, GET: single statements, filters, formats, ordering, limit and more (1.0.3 Part Three 2.1.3). */
class StatementsGetSpecIT extends XapiSpecIT {

    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";

    private List<String> ids(Response r) {
        List<String> ids = new ArrayList<>();
        r.json().get("statements").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private String postOne(String version, ObjectNode s) {
        Response r = post(version, s);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(0).asText();
    }

    @BothVersions
    void anUnknownStatementIdIs404(String version) {
        Response r = get(version, "statementId=" + UUID.randomUUID());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("X-Experience-API-Version")).isEqualTo(version);
    }

    @BothVersions
    void statementIdWithAFilterParameterIs400(String version) {
        String id = postOne(version, Statements.minimal());
        assertThat(get(version, "statementId=" + id + "&verb=" + enc(COMPLETED)).status()).isEqualTo(400);
        assertThat(get(version, "statementId=" + id + "&voidedStatementId=" + id).status()).isEqualTo(400);
        assertThat(get(version, "statementId=" + id + "&format=ids&attachments=false").status()).isEqualTo(200);
    }

    @BothVersions
    void anUnknownParameterIs400(String version) {
        Response r = get(version, "verb=" + enc(COMPLETED) + "&colour=blue");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("colour");
    }

    @BothVersions
    void malformedParameterValuesAre400(String version) {
        assertThat(get(version, "since=yesterday").status()).isEqualTo(400);
        assertThat(get(version, "limit=-1").status()).isEqualTo(400);
        assertThat(get(version, "format=full").status()).isEqualTo(400);
        assertThat(get(version, "registration=nope").status()).isEqualTo(400);
        assertThat(get(version, "agent=" + enc("{\"mbox\": \"ada@example.com\"}")).status()).isEqualTo(400);
        assertThat(get(version, "ascending=yes").status()).isEqualTo(400);
        assertThat(get(version, "more=garbage!").status()).isEqualTo(400);
    }

    @BothVersions
    void theResultCarriesConsistentThroughAndLastModified(String version) {
        postOne(version, Statements.minimal());
        Response r = get(version, "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Experience-API-Consistent-Through")).isNotBlank();
        assertThat(r.header("Last-Modified")).isNotBlank();
        assertThat(r.json().get("more").asText()).isEmpty();
    }

    @BothVersions
    void filtersByVerbActivityRegistrationAndAgent(String version) {
        ObjectNode a = Statements.valid();
        ObjectNode b = Statements.minimal();
        ObjectNode c = Statements.valid();
        Statements.set(c, "actor", "{\"account\": {\"homePage\": \"https://sso.example.com\", \"name\": \"21077\"}}");
        String ia = postOne(version, a);
        String ib = postOne(version, b);
        String ic = postOne(version, c);

        assertThat(ids(get(version, "verb=" + enc(COMPLETED)))).containsExactlyInAnyOrder(ia, ic);
        assertThat(ids(get(version, "verb=" + enc(EXPERIENCED)))).containsExactly(ib);
        assertThat(ids(get(version, "activity=" + enc("https://content.example.com/a")))).containsExactly(ib);
        assertThat(ids(get(version, "registration=" + a.get("context").get("registration").asText()))).containsExactly(ia);
        assertThat(ids(get(version, "agent=" + enc("{\"account\": {\"homePage\": \"https://sso.example.com\", \"name\": \"21077\"}}"))))
                .containsExactly(ic);
        assertThat(ids(get(version, "agent=" + enc("{\"mbox\": \"mailto:logan.mcneil@example.com\"}") + "&verb=" + enc(COMPLETED))))
                .containsExactly(ia);
    }

    @BothVersions
    void relatedActivitiesAndRelatedAgentsWidenTheFilters(String version) {
        ObjectNode s = Statements.valid();
        Statements.set(s, "context.instructor", "{\"mbox\": \"mailto:teacher@example.com\"}");
        String id = postOne(version, s);
        String parent = enc("https://lms.example.com/program/analyst");
        String teacher = enc("{\"mbox\": \"mailto:teacher@example.com\"}");

        assertThat(ids(get(version, "activity=" + parent))).isEmpty();
        assertThat(ids(get(version, "activity=" + parent + "&related_activities=true"))).containsExactly(id);
        assertThat(ids(get(version, "agent=" + teacher))).isEmpty();
        assertThat(ids(get(version, "agent=" + teacher + "&related_agents=true"))).containsExactly(id);
        // the authority (the authenticated client) is a related agent too
        String authority = enc("{\"account\": {\"homePage\": \"https://skillbridge.local/xapi/clients\", \"name\": \"lms\"}}");
        assertThat(ids(get(version, "agent=" + authority + "&related_agents=true"))).containsExactly(id);
    }

    @BothVersions
    void aStatementRefMeetsEveryFilterThroughTheStatementItTargets(String version) {
        ObjectNode target = Statements.valid();
        Statements.set(target, "context.instructor", "{\"mbox\": \"mailto:teacher@example.com\"}");
        String targetId = postOne(version, target);
        ObjectNode ref = Statements.minimal();
        Statements.set(ref, "object", "{\"objectType\": \"StatementRef\", \"id\": \"" + targetId + "\"}");
        String refId = postOne(version, ref);
        String other = postOne(version, Statements.valid());

        String registration = target.get("context").get("registration").asText();
        assertThat(ids(get(version, "registration=" + registration))).containsExactly(refId, targetId);
        // every filter on the same statement: the StatementRef's own verb and its target's registration are not a match
        assertThat(ids(get(version, "registration=" + registration + "&verb=" + enc(COMPLETED)))).containsExactly(refId, targetId);
        assertThat(ids(get(version, "registration=" + registration + "&verb=" + enc(EXPERIENCED)))).isEmpty();
        assertThat(ids(get(version, "agent=" + enc("{\"mbox\": \"mailto:teacher@example.com\"}") + "&related_agents=true"
                + "&registration=" + registration))).containsExactly(refId, targetId);
        assertThat(ids(get(version, "agent=" + enc("{\"mbox\": \"mailto:teacher@example.com\"}") + "&related_agents=true")))
                .containsExactly(refId, targetId);
        assertThat(ids(get(version, "activity=" + enc("https://lms.example.com/program/analyst") + "&related_activities=true"
                + "&agent=" + enc("{\"mbox\": \"mailto:ada@example.com\"}")))).isEmpty();
        // its own actor matches the StatementRef, and so does its target's
        assertThat(ids(get(version, "agent=" + enc("{\"mbox\": \"mailto:ada@example.com\"}")))).containsExactly(refId);
        assertThat(ids(get(version, "agent=" + enc("{\"mbox\": \"mailto:logan.mcneil@example.com\"}"))))
                .containsExactly(other, refId, targetId);
        assertThat(ids(get(version, "activity=" + enc("https://lms.example.com/course/LIB-0042")))).containsExactly(other, refId, targetId);
    }

    @BothVersions
    void anAgentAsObjectMatchesTheAgentFilter(String version) {
        ObjectNode s = Statements.minimal();
        Statements.set(s, "object", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:mentee@example.com\"}");
        String id = postOne(version, s);
        assertThat(ids(get(version, "agent=" + enc("{\"mbox\": \"mailto:mentee@example.com\"}")))).containsExactly(id);
    }

    @BothVersions
    void sinceAndUntilSelectByStoredTime(String version) throws Exception {
        String first = postOne(version, Statements.minimal());
        String stored = get(version, "statementId=" + first).json().get("stored").asText();
        Thread.sleep(5);
        String second = postOne(version, Statements.minimal());

        assertThat(ids(get(version, "since=" + enc(stored)))).containsExactly(second);
        assertThat(ids(get(version, "until=" + enc(stored)))).containsExactly(first);
    }

    @BothVersions
    void newestFirstUnlessAscending(String version) {
        String first = postOne(version, Statements.minimal());
        String second = postOne(version, Statements.minimal());
        assertThat(ids(get(version, ""))).containsExactly(second, first);
        assertThat(ids(get(version, "ascending=true"))).containsExactly(first, second);
    }

    @BothVersions
    void limitAndMorePageThroughEveryStatementOnce(String version) {
        ArrayNode batch = Statements.JSON.createArrayNode();
        for (int i = 0; i < 7; i++) {
            batch.add(Statements.minimal());
        }
        post(version, batch);

        List<String> seen = new ArrayList<>();
        Response page = get(version, "limit=3&verb=" + enc(EXPERIENCED));
        int pages = 1;
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(ids(page));
            String more = page.json().get("more").asText();
            if (more.isEmpty()) {
                break;
            }
            assertThat(more).startsWith("/xapi/statements?more=");
            // a statement stored meanwhile does not shift the pages of a newest-first listing
            post(version, Statements.minimal());
            page = send(request(more, version).GET().build());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(get(version, "more=" + "x&verb=a").status()).isEqualTo(400);
    }

    @BothVersions
    void limitZeroAndLimitsAboveTheServerMaximumGetTheServerPageSize(String version) {
        ArrayNode batch = Statements.JSON.createArrayNode();
        for (int i = 0; i < 60; i++) {
            batch.add(Statements.minimal());
        }
        post(version, batch);
        assertThat(ids(get(version, "limit=0"))).hasSize(50);
        assertThat(ids(get(version, "limit=1000"))).hasSize(50);
        assertThat(get(version, "limit=0").json().get("more").asText()).isNotEmpty();
    }

    @BothVersions
    void formatIdsKeepsOnlyIdentifiers(String version) {
        String id = postOne(version, Statements.valid());
        JsonNode s = get(version, "statementId=" + id + "&format=ids").json();
        assertThat(s.get("actor").has("name")).isFalse();
        assertThat(s.get("actor").get("mbox").asText()).isEqualTo("mailto:logan.mcneil@example.com");
        assertThat(s.get("verb").has("display")).isFalse();
        assertThat(s.get("object").has("definition")).isFalse();
        assertThat(s.get("object").get("id").asText()).isEqualTo("https://lms.example.com/course/LIB-0042");
        assertThat(s.get("result")).isNotNull();
    }

    @BothVersions
    void formatCanonicalKeepsOneLanguagePerMapByAcceptLanguage(String version) {
        ObjectNode s = Statements.valid();
        Statements.set(s, "verb.display", "{\"en-US\": \"completed\", \"de-DE\": \"abgeschlossen\", \"fr\": \"terminé\"}");
        String id = postOne(version, s);

        JsonNode german = send(request("/xapi/statements?format=canonical&statementId=" + id, version)
                .header("Accept-Language", "de-DE, en;q=0.5").GET().build()).json();
        assertThat(german.get("verb").get("display").size()).isEqualTo(1);
        assertThat(german.get("verb").get("display").get("de-DE").asText()).isEqualTo("abgeschlossen");
        JsonNode exact = get(version, "statementId=" + id + "&format=exact").json();
        assertThat(exact.get("verb").get("display").size()).isEqualTo(3);
    }

    @BothVersions
    void headAnswersLikeGetWithoutABody(String version) {
        String id = postOne(version, Statements.minimal());
        Response r = send(request("/xapi/statements?statementId=" + id, version)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().body()).isEmpty();
        assertThat(r.header("Last-Modified")).isNotBlank();
    }
}
