package io.skillbridge.xapi.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.canonical.Sql;
import io.skillbridge.catalog.ContentItemRecord;
import io.skillbridge.catalog.ItemSkills;
import io.skillbridge.skills.evidence.Claim;
import io.skillbridge.skills.evidence.EvidenceLedger;
import io.skillbridge.skills.evidence.Origin;
import io.skillbridge.skills.evidence.SourceKind;
import io.skillbridge.skills.profile.ProfileCalculator;
import io.skillbridge.skills.scale.ProficiencyScales;
import io.skillbridge.xapi.store.StatementReader.Row;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns stored statements into learning records and skill evidence, inside the caller's transaction: a statement of
 * an evidence verb (config/xapi/evidence.yaml) by a known person about a catalog item becomes a learning record of
 * that item (source system {@code xapi}, the statement id as its external id) and a claim of each skill the item
 * teaches (origin type {@code statement}); a voiding statement withdraws both. Actors that match nobody are counted
 * for {@code GET /api/v1/xapi/unmatched-actors}. Applying the same statements twice changes nothing.
 */
@Component
public class StatementEvidence {

    public static final String SYSTEM = "xapi";
    public static final String ORIGIN_TYPE = "statement";

    private final JdbcTemplate jdbc;
    private final ActorMatcher actors;
    private final ItemSkills itemSkills;
    private final EvidenceLedger ledger;
    private final ProficiencyScales scales;
    private final ProfileCalculator calculator;
    private final ObjectMapper json;

    public StatementEvidence(JdbcTemplate jdbc, ActorMatcher actors, ItemSkills itemSkills, EvidenceLedger ledger,
                             ProficiencyScales scales, ProfileCalculator calculator, ObjectMapper json) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.itemSkills = itemSkills;
        this.ledger = ledger;
        this.scales = scales;
        this.calculator = calculator;
        this.json = json;
    }

    /** What an evidence statement says, read from its JSON. */
    record Candidate(Row row, EvidenceRules.Rule rule, boolean failed, Double scaled, String title, String language) {
    }

    /** What {@link #apply} did, for logs and tests. */
    public record Outcome(int learningRecords, int unmatched, int withdrawn) {
    }

    public Outcome apply(List<Row> rows, EvidenceRules rules) {
        List<Origin> voided = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Row r : rows) {
            if (r.voiding()) {
                voided.add(origin(r.targetId(), null));
            } else if (!r.voided() && r.activityId() != null && r.actorIfi() != null && rules.verbs().contains(r.verbId())) {
                Candidate c = candidate(r, rules);
                if (c.rule() != null) {
                    candidates.add(c);
                }
            }
        }
        int withdrawn = 0;
        if (!voided.isEmpty()) {
            withdrawn = ledger.withdraw(voided, "voided by a later statement");
            jdbc.batchUpdate("delete from learning_record where source_system = ? and external_id = ?",
                    voided.stream().map(o -> new Object[]{SYSTEM, o.ref()}).toList());
        }
        if (candidates.isEmpty()) {
            return new Outcome(0, 0, withdrawn);
        }
        Map<String, String> persons = actors.resolve(candidates.stream().map(c -> c.row().actorIfi()).toList(), rules);
        Map<String, Integer> unmatched = new LinkedHashMap<>();
        List<Candidate> known = new ArrayList<>();
        for (Candidate c : candidates) {
            if (persons.containsKey(c.row().actorIfi())) {
                known.add(c);
            } else {
                unmatched.merge(c.row().actorIfi(), 1, Integer::sum);
            }
        }
        countUnmatched(unmatched);
        if (known.isEmpty()) {
            return new Outcome(0, unmatched.size(), withdrawn);
        }
        Map<String, String> items = catalogItems(known);
        write(known, persons, items, rules);
        return new Outcome(known.size(), unmatched.size(), withdrawn);
    }

    private Candidate candidate(Row r, EvidenceRules rules) {
        JsonNode s;
        try {
            s = json.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("stored statement " + r.id() + " is not JSON", e);
        }
        JsonNode definition = s.path("object").path("definition");
        EvidenceRules.Rule rule = rules.rule(r.verbId(), definition.path("type").asText(null));
        JsonNode result = s.path("result");
        String title = null;
        String language = null;
        Iterator<Map.Entry<String, JsonNode>> names = definition.path("name").fields();
        if (names.hasNext()) {
            Map.Entry<String, JsonNode> first = names.next();
            language = first.getKey().toLowerCase(Locale.ROOT).split("-")[0];
            // the learning record keeps 500 characters of a title, as for LMS courses
            title = first.getValue().asText();
            title = title.length() > 500 ? title.substring(0, 500) : title;
        }
        return new Candidate(r, rule, result.path("success").isBoolean() && !result.path("success").asBoolean(),
                scaled(result.path("score")), title, language);
    }

    /** The score on the -1..1 scale: {@code scaled}, or raw within min and max. */
    static Double scaled(JsonNode score) {
        if (score.has("scaled")) {
            return score.get("scaled").asDouble();
        }
        if (score.has("raw") && score.has("min") && score.has("max")) {
            double min = score.get("min").asDouble();
            double max = score.get("max").asDouble();
            return max > min ? (score.get("raw").asDouble() - min) / (max - min) : null;
        }
        return null;
    }

    private void countUnmatched(Map<String, Integer> unmatched) {
        if (unmatched.isEmpty()) {
            return;
        }
        OffsetDateTime now = Sql.now();
        Set<String> stored = new HashSet<>();
        Sql.forEachIn(jdbc, "select u.actor_ifi from xapi_unmatched_actor u join unnest(?) as k(v) on u.actor_ifi = k.v",
                null, unmatched.keySet(), rs -> stored.add(rs.getString(1)));
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        unmatched.forEach((ifi, n) -> (stored.contains(ifi) ? updates : inserts).add(stored.contains(ifi)
                ? new Object[]{n, now, ifi} : new Object[]{ifi, n, now, now}));
        jdbc.batchUpdate("update xapi_unmatched_actor set statements = statements + ?, last_seen = ? where actor_ifi = ?", updates);
        jdbc.batchUpdate("insert into xapi_unmatched_actor (actor_ifi, statements, first_seen, last_seen) values (?, ?, ?, ?)", inserts);
    }

    /**
     * The catalog item of each activity: the item a provider lists under the activity id, else the item whose URL is
     * the activity id, else the item of the same title in the same language (a title of one word is too likely to
     * name something else). An id two items claim matches neither.
     */
    private Map<String, String> catalogItems(List<Candidate> candidates) {
        Map<String, String> found = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Sql.forEachIn(jdbc, "select distinct s.external_id, s.item_id from content_source s join unnest(?) as k(v)"
                        + " on s.external_id = k.v", null, candidates.stream().map(c -> c.row().activityId()).distinct().toList(),
                rs -> {
                    if (found.put(rs.getString(1), rs.getString(2)) != null) {
                        ambiguous.add(rs.getString(1));
                    }
                });
        found.keySet().removeAll(ambiguous);
        Map<String, List<String>> keys = new HashMap<>();
        for (Candidate c : candidates) {
            String activity = c.row().activityId();
            if (found.containsKey(activity) || ambiguous.contains(activity)) {
                continue;
            }
            List<String> k = keys.computeIfAbsent(activity, a -> new ArrayList<>(2));
            if (activity.startsWith("http://") || activity.startsWith("https://")) {
                k.add(ContentItemRecord.urlKey(activity));
            }
            if (c.title() != null && c.title().trim().contains(" ")) {
                k.add(ContentItemRecord.titleKey(c.language(), c.title()));
            }
        }
        Map<String, String> owners = new HashMap<>();
        Sql.forEachIn(jdbc, "select c.match_key, c.item_id from content_key c join unnest(?) as k(v) on c.match_key = k.v",
                null, keys.values().stream().flatMap(List::stream).distinct().toList(),
                rs -> owners.put(rs.getString(1), rs.getString(2)));
        keys.forEach((activity, k) -> k.stream().map(owners::get).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(item -> found.put(activity, item)));
        return found;
    }

    private void write(List<Candidate> known, Map<String, String> persons, Map<String, String> items, EvidenceRules rules) {
        Set<String> recorded = new HashSet<>();
        Sql.forEachIn(jdbc, "select r.external_id from learning_record r join unnest(?) as k(v) on r.external_id = k.v"
                        + " where r.source_system = ?", SYSTEM, known.stream().map(c -> c.row().id()).toList(),
                rs -> recorded.add(rs.getString(1)));
        Map<String, List<ItemSkills.Taught>> taught = itemSkills.taught(new HashSet<>(items.values()));
        double confidence = calculator.rules().defaultConfidence().get(SourceKind.XAPI);
        OffsetDateTime now = Sql.now().truncatedTo(ChronoUnit.MICROS);
        List<Object[]> inserts = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (Candidate c : known) {
            Row r = c.row();
            String person = persons.get(r.actorIfi());
            String item = items.get(r.activityId());
            String status = c.failed() ? "failed" : c.rule().status();
            if (!recorded.contains(r.id())) {
                Double percent = c.scaled() == null ? null : Math.max(0, Math.min(100, c.scaled() * 100));
                inserts.add(new Object[]{person, item, SYSTEM, r.id(), r.activityId(), c.title(), status, percent,
                        r.timestamp(), r.clientKey(), now});
            }
            Origin origin = origin(r.id(), r.clientKey());
            origins.add(origin);
            if (c.failed() || item == null) {
                continue;
            }
            for (ItemSkills.Taught t : taught.getOrDefault(item, List.of())) {
                claims.add(claim(c, person, t, confidence, origin, rules));
            }
        }
        jdbc.batchUpdate("insert into learning_record (person_id, content_item_id, source_system, external_id, activity_id,"
                + " activity_title, status, score, completed_at, connector_id, recorded_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        ledger.replace(origins, claims, null);
    }

    /** The level a statement shows of a skill its item teaches, by its rule (see config/xapi/evidence.yaml). */
    private Claim claim(Candidate c, String person, ItemSkills.Taught t, double confidence, Origin origin,
                        EvidenceRules rules) {
        EvidenceRules.Rule rule = c.rule();
        Double scaled = c.scaled();
        ItemSkills.Shown shown = switch (rule.levelFrom()) {
            // the score's level, whatever the item teaches
            case SCORE -> scaled == null ? ItemSkills.Shown.canonical(t.level())
                    : ItemSkills.Shown.score(scaled, rules.scoreScale(), scales);
            case FIXED -> ItemSkills.Shown.canonical(Math.min(rule.fixedLevel(), t.level()));
            case TAUGHT -> t.cappedBy(rule.scoreCaps() ? scaled : null, rules.scoreScale(), scales);
        };
        return t.claim(person, shown, SourceKind.XAPI, confidence, c.row().timestamp().toInstant(), origin);
    }

    private static Origin origin(String statementId, String clientKey) {
        return new Origin(ORIGIN_TYPE, SYSTEM, statementId, clientKey);
    }
}
