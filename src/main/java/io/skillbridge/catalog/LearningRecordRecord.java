package io.skillbridge.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.canonical.RecordValues;
import io.skillbridge.identity.PersonLookup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mapped record of the {@code learningRecord} entity: either one learning record (an enrolment, a registration,
 * a transcript row), or a person's whole transcript from the source ({@code records}), after which the person's
 * records that the transcript no longer lists are deleted. See docs/mapping-contract.md.
 *
 * @param transcriptRef the transcript's id (the LMS user), or {@code null} for a single record
 * @param deleted       the source deleted the record (or the whole transcript)
 */
public record LearningRecordRecord(String externalId, String transcriptRef, PersonLookup.Key person,
                                   List<Entry> entries, boolean deleted) {

    /** What the person did with one activity. */
    public record Entry(String externalId, Activity activity, String status, Double score, Instant completedAt,
                        boolean assigned) {

        /** Whether the record says the person learnt what the activity teaches. */
        boolean achieved() {
            return status.equals("completed") || status.equals("passed");
        }
    }

    /** The course or activity, with the keys that find it in the catalog. */
    public record Activity(String externalId, String title, String url, String sharedId) {
    }

    public static final List<String> STATUSES = List.of("completed", "passed", "failed", "in_progress", "enrolled");
    private static final Map<String, String> STATUS_WORDS = Map.ofEntries(
            Map.entry("complete", "completed"), Map.entry("completed", "completed"), Map.entry("passed", "passed"),
            Map.entry("pass", "passed"), Map.entry("failed", "failed"), Map.entry("fail", "failed"),
            Map.entry("inprogress", "in_progress"), Map.entry("incomplete", "in_progress"),
            Map.entry("started", "in_progress"), Map.entry("attempted", "in_progress"),
            Map.entry("enrolled", "enrolled"), Map.entry("registered", "enrolled"), Map.entry("notstarted", "enrolled"),
            Map.entry("notattempted", "enrolled"), Map.entry("assigned", "enrolled"));

    public static LearningRecordRecord from(JsonNode n) {
        String externalId = RecordValues.requiredText(n, "externalId");
        boolean transcript = n.has("records");
        if (Boolean.TRUE.equals(RecordValues.bool(n, "deleted"))) {
            return new LearningRecordRecord(externalId, transcript ? externalId : null, null, List.of(), true);
        }
        JsonNode p = n.path("person");
        PersonLookup.Key person = p.isObject() ? new PersonLookup.Key(RecordValues.text(p, "externalId"),
                RecordValues.text(p, "employeeId"), RecordValues.text(p, "workEmail")) : null;
        if (person == null || person.isEmpty()) {
            throw new InvalidRecordException("person: required, an object with externalId, employeeId or workEmail");
        }
        if (!transcript) {
            return new LearningRecordRecord(externalId, null, person, List.of(entry(n, "")), false);
        }
        JsonNode records = n.get("records");
        if (!records.isArray()) {
            throw new InvalidRecordException("records: must be an array of learning records");
        }
        List<Entry> entries = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            entries.add(entry(records.get(i), "records[" + i + "]."));
        }
        return new LearningRecordRecord(externalId, externalId, person, List.copyOf(entries), false);
    }

    private static Entry entry(JsonNode n, String where) {
        String id;
        String statusText;
        try {
            id = RecordValues.requiredText(n, "externalId");
            statusText = RecordValues.requiredText(n, "status");
        } catch (InvalidRecordException e) {
            throw new InvalidRecordException(where + e.getMessage());
        }
        String status = STATUS_WORDS.get(statusText.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        if (status == null) {
            throw new InvalidRecordException(where + "status: '" + statusText + "' is not one of " + STATUSES);
        }
        JsonNode a = n.path("activity");
        String activityId = a.isObject() ? RecordValues.text(a, "externalId") : null;
        if (activityId == null) {
            throw new InvalidRecordException(where + "activity.externalId: required but missing");
        }
        Double score = null;
        JsonNode s = n.get("score");
        if (s != null && !s.isNull()) {
            if (!s.isNumber() || s.asDouble() < 0 || s.asDouble() > 100) {
                throw new InvalidRecordException(where + "score: must be a number from 0 to 100");
            }
            score = s.asDouble();
        }
        Boolean assigned = RecordValues.bool(n, "assigned");
        return new Entry(id, new Activity(activityId, RecordValues.text(a, "title"), RecordValues.text(a, "url"),
                RecordValues.text(a, "sharedId")), status, score, RecordValues.instant(n, "completedAt"),
                Boolean.TRUE.equals(assigned));
    }
}
