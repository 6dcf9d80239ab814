package io.skillbridge.skills.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.canonical.RecordValues;
import io.skillbridge.identity.PersonLookup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A mapped record of the {@code skillEvidence} entity: one source record (an assessment result, a review, a row of a
 * skills report) claiming one or more skills for one person. See docs/mapping-contract.md.
 */
public record EvidenceRecord(String externalId, PersonLookup.Key person, SourceKind kind, String scale,
                             Double confidence, Instant observedAt, List<SkillClaim> skills, boolean deleted) {

    /** One skill claimed by the record, as the source names it and rates it. */
    public record SkillClaim(String skill, String level, String scale) {
    }

    public static EvidenceRecord from(JsonNode n) {
        String externalId = RecordValues.requiredText(n, "externalId");
        if (Boolean.TRUE.equals(RecordValues.bool(n, "deleted"))) {
            return new EvidenceRecord(externalId, null, null, null, null, null, List.of(), true);
        }
        JsonNode p = n.path("person");
        if (!p.isObject()) {
            throw new InvalidRecordException("person: required, an object with externalId, employeeId or workEmail");
        }
        PersonLookup.Key person = new PersonLookup.Key(RecordValues.text(p, "externalId"),
                RecordValues.text(p, "employeeId"), RecordValues.text(p, "workEmail"));
        if (person.isEmpty()) {
            throw new InvalidRecordException("person: needs externalId, employeeId or workEmail");
        }
        String kindText = RecordValues.requiredText(n, "kind");
        SourceKind kind = SourceKind.parse(kindText).orElseThrow(() -> new InvalidRecordException(
                "kind: '" + kindText + "' is not one of " + SourceKind.known()));
        Double confidence = null;
        if (n.hasNonNull("confidence")) {
            if (!n.get("confidence").isNumber() || n.get("confidence").asDouble() < 0 || n.get("confidence").asDouble() > 1) {
                throw new InvalidRecordException("confidence: must be a number from 0 to 1");
            }
            confidence = n.get("confidence").asDouble();
        }
        Instant observedAt = RecordValues.instant(n, "observedAt");
        if (observedAt == null) {
            throw new InvalidRecordException("observedAt: required but missing");
        }
        JsonNode skills = n.path("skills");
        if (!skills.isArray() || skills.isEmpty()) {
            throw new InvalidRecordException("skills: required, a non-empty array of {skill, level, scale}");
        }
        List<SkillClaim> claims = new ArrayList<>();
        for (int i = 0; i < skills.size(); i++) {
            JsonNode s = skills.get(i);
            String skill = RecordValues.text(s, "skill");
            String level = RecordValues.text(s, "level");
            if (skill == null || level == null) {
                throw new InvalidRecordException("skills[" + i + "]: needs skill and level");
            }
            claims.add(new SkillClaim(skill, level, RecordValues.text(s, "scale")));
        }
        return new EvidenceRecord(externalId, person, kind, RecordValues.text(n, "scale"), confidence, observedAt,
                List.copyOf(claims), false);
    }
}
