package io.skillbridge.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.ApplyContext;
import io.skillbridge.canonical.Item;
import io.skillbridge.canonical.PageOutcome;
import io.skillbridge.canonical.Sql;
import io.skillbridge.canonical.WorkerRecord;
import io.skillbridge.catalog.ItemSkills.Taught;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.identity.PersonLookup;
import io.skillbridge.skills.evidence.Claim;
import io.skillbridge.skills.evidence.EvidenceLedger;
import io.skillbridge.skills.evidence.Origin;
import io.skillbridge.skills.evidence.SourceKind;
import io.skillbridge.skills.profile.ProfileCalculator;
import io.skillbridge.skills.scale.ProficiencyScales;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * LMS completions (Moodle, SCORM Cloud, a transcript file): each becomes a learning record of the person the LMS
 * user is (by external id, employee id or work email), linked to the catalog item of its course. Completing or
 * passing skill-tagged content is evidence of the skills it teaches, at the level it teaches (capped by the score's
 * level where there is a score); a record that is deleted, reset or failed withdraws that evidence.
 */
@Component
public class LearningRecordEntity implements EntityHandler<LearningRecordRecord> {

    static final String ORIGIN_TYPE = "learningRecord";
    static final String SCORE_SCALE = "percent";

    private final JdbcTemplate jdbc;
    private final PersonLookup people;
    private final EvidenceLedger ledger;
    private final ProficiencyScales scales;
    private final ProfileCalculator calculator;
    private final ItemSkills itemSkills;

    public LearningRecordEntity(JdbcTemplate jdbc, PersonLookup people, EvidenceLedger ledger,
                                ProficiencyScales scales, ProfileCalculator calculator, ItemSkills itemSkills) {
        this.jdbc = jdbc;
        this.people = people;
        this.ledger = ledger;
        this.scales = scales;
        this.calculator = calculator;
        this.itemSkills = itemSkills;
    }

    @Override
    public String entity() {
        return "learningRecord";
    }

    @Override
    public Item<LearningRecordRecord> toItem(SourceRecord source, JsonNode mapped) {
        LearningRecordRecord r = LearningRecordRecord.from(mapped);
        return new Item<>(source, r, WorkerRecord.sha256(r.toString()));
    }

    /** A learning record as stored. */
    private record Stored(String personId, String itemId, String hash, Instant recordedAt) {
    }

    /** A record of the page that names a known person. */
    private record Live(LearningRecordRecord.Entry entry, String personId, String transcriptRef) {
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<LearningRecordRecord>> items, PageOutcome out) {
        String system = ctx.system();
        Map<PersonLookup.Key, String> persons = people.resolve(system, items.stream()
                .filter(i -> !i.record().deleted()).map(i -> i.record().person()).toList());
        List<Live> live = new ArrayList<>();
        Set<String> deletedIds = new LinkedHashSet<>();
        Set<String> transcripts = new LinkedHashSet<>();
        Set<String> deletedTranscripts = new LinkedHashSet<>();
        for (Item<LearningRecordRecord> item : items) {
            LearningRecordRecord r = item.record();
            if (r.deleted()) {
                if (r.transcriptRef() != null) {
                    deletedTranscripts.add(r.transcriptRef());
                } else {
                    deletedIds.add(r.externalId());
                }
                continue;
            }
            String person = persons.get(r.person());
            if (person == null) {
                out.rejected.add(PageOutcome.Rejected.unknownPerson(item.source(), r.person()));
                continue;
            }
            if (r.transcriptRef() != null) {
                transcripts.add(r.transcriptRef());
            }
            r.entries().forEach(e -> live.add(new Live(e, person, r.transcriptRef())));
        }
        // what each transcript listed before and no longer lists is gone from the LMS
        Set<String> listed = new HashSet<>();
        live.forEach(l -> listed.add(l.entry().externalId()));
        transcripts.addAll(deletedTranscripts);
        Sql.forEachIn(jdbc, "select r.external_id from learning_record r join unnest(?) as k(v) on r.transcript_ref = k.v"
                + " where r.source_system = ?", system, transcripts, rs -> {
                    if (!listed.contains(rs.getString(1))) {
                        deletedIds.add(rs.getString(1));
                    }
                });

        Map<String, Stored> stored = new HashMap<>();
        Sql.forEachIn(jdbc, "select r.external_id, r.person_id, r.content_item_id, r.record_hash, r.recorded_at"
                        + " from learning_record r join unnest(?) as k(v) on r.external_id = k.v where r.source_system = ?",
                system, live.stream().map(l -> l.entry().externalId()).toList(), rs -> stored.put(rs.getString(1),
                        new Stored(rs.getString(2), rs.getString(3), rs.getString(4), Sql.instant(rs, "recorded_at"))));
        Map<String, String> itemOf = catalogItems(ctx, live.stream().map(l -> l.entry().activity()).toList());

        // the store keeps microseconds: a record's time must read back equal, or its evidence would change each sync
        OffsetDateTime now = Sql.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        Map<Origin, Live> byOrigin = new HashMap<>();
        Map<Origin, Instant> observed = new HashMap<>();
        for (Live l : live) {
            LearningRecordRecord.Entry e = l.entry();
            String itemId = itemOf.get(e.activity().externalId());
            String hash = WorkerRecord.sha256(e + "|" + l.personId() + "|" + itemId + "|" + l.transcriptRef());
            Stored s = stored.get(e.externalId());
            Object[] values = {l.personId(), itemId, e.activity().externalId(), e.activity().title(), e.status(),
                    e.score(), Sql.ts(e.completedAt()), e.assigned(), l.transcriptRef(), ctx.connectorId(), hash};
            if (s == null) {
                inserts.add(concat(values, system, e.externalId(), now));
                out.created++;
            } else if (!s.hash().equals(hash)) {
                updates.add(concat(values, system, e.externalId()));
                out.updated++;
            } else {
                out.unchanged++;
            }
            Origin origin = new Origin(ORIGIN_TYPE, system, e.externalId(), ctx.connectorId());
            origins.add(origin);
            byOrigin.put(origin, l);
            observed.put(origin, e.completedAt() != null ? e.completedAt()
                    : s != null ? s.recordedAt() : now.toInstant());
        }
        jdbc.batchUpdate("insert into learning_record (person_id, content_item_id, activity_id, activity_title, status,"
                + " score, completed_at, assigned, transcript_ref, connector_id, record_hash, source_system, external_id,"
                + " recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batchUpdate("update learning_record set person_id = ?, content_item_id = ?, activity_id = ?,"
                + " activity_title = ?, status = ?, score = ?, completed_at = ?, assigned = ?, transcript_ref = ?,"
                + " connector_id = ?, record_hash = ? where source_system = ? and external_id = ?", updates);
        int removed = deletedIds.isEmpty() ? 0 : jdbc.batchUpdate("delete from learning_record where source_system = ?"
                + " and external_id = ?", deletedIds.stream().map(id -> new Object[]{system, id}).toList()).length;
        out.deactivated += removed;

        Map<String, List<Taught>> taught = itemSkills.taught(new HashSet<>(itemOf.values()));
        List<Claim> claims = new ArrayList<>();
        double confidence = calculator.rules().defaultConfidence().get(SourceKind.COMPLETION);
        for (Origin origin : origins) {
            Live l = byOrigin.get(origin);
            String itemId = itemOf.get(l.entry().activity().externalId());
            if (!l.entry().achieved() || itemId == null) {
                continue;
            }
            for (Taught t : taught.getOrDefault(itemId, List.of())) {
                // the level taught, no higher than the score's level when there is a score
                claims.add(t.claim(l.personId(), t.cappedBy(l.entry().score(), SCORE_SCALE, scales), SourceKind.COMPLETION,
                        confidence, observed.get(origin), origin));
            }
        }
        ledger.replace(origins, claims, null);
        ledger.withdraw(deletedIds.stream().map(id -> new Origin(ORIGIN_TYPE, system, id, ctx.connectorId())).toList(),
                "the LMS deleted or reset the record");
    }

    /**
     * The catalog item of each activity: the item this LMS's course id is a source of, else the item with the
     * activity's shared id or URL, which then gains the LMS's course as a further source. That source does not keep
     * the item in the catalog by itself (it is stored inactive): the hub does not read the LMS's course list.
     */
    private Map<String, String> catalogItems(ApplyContext ctx, List<LearningRecordRecord.Activity> activities) {
        Map<String, String> found = new HashMap<>();
        Sql.forEachIn(jdbc, "select s.external_id, s.item_id from content_source s join unnest(?) as k(v)"
                        + " on s.external_id = k.v where s.system = ?", ctx.system(),
                activities.stream().map(LearningRecordRecord.Activity::externalId).toList(),
                rs -> found.put(rs.getString(1), rs.getString(2)));
        Map<String, List<String>> keys = new HashMap<>();
        for (LearningRecordRecord.Activity a : activities) {
            if (!found.containsKey(a.externalId())) {
                List<String> k = new ArrayList<>(2);
                if (a.sharedId() != null) {
                    k.add(ContentItemRecord.refKey(a.sharedId()));
                }
                if (a.url() != null) {
                    k.add(ContentItemRecord.urlKey(a.url()));
                }
                keys.put(a.externalId(), k);
            }
        }
        Map<String, String> owners = new HashMap<>();
        Sql.forEachIn(jdbc, "select c.match_key, c.item_id from content_key c join unnest(?) as k(v) on c.match_key = k.v",
                null, keys.values().stream().flatMap(List::stream).toList(), rs -> owners.put(rs.getString(1), rs.getString(2)));
        List<Object[]> sources = new ArrayList<>();
        OffsetDateTime now = Sql.now();
        keys.forEach((activity, k) -> k.stream().map(owners::get).filter(Objects::nonNull).findFirst().ifPresent(item -> {
            found.put(activity, item);
            sources.add(new Object[]{ctx.system(), activity, item, ctx.system(), ctx.connectorId(), now});
        }));
        jdbc.batchUpdate("insert into content_source (system, external_id, item_id, provider, connector_id, active,"
                + " updated_at) values (?, ?, ?, ?, ?, false, ?)", sources);
        return found;
    }

    private static Object[] concat(Object[] values, Object... more) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }
}
