package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A job profile as one source system defines it.
 *
 * @param requirements the skills the profile requires, where the vendor keeps them on the job profile; null when
 *                     the record says nothing about them (a worker feed naming the role), empty when it says none
 */
public record RoleRecord(String externalId, String title, String family, String level, boolean active,
                         List<Requirement> requirements) {

    /** A required skill as the source names and rates it; the skills engine resolves it against the taxonomy. */
    public record Requirement(String skill, String level, String scale, String importance) {
    }

    public static RoleRecord from(JsonNode n) {
        Boolean active = RecordValues.bool(n, "active");
        return new RoleRecord(RecordValues.requiredText(n, "externalId"), RecordValues.text(n, "title"),
                RecordValues.text(n, "family"), RecordValues.text(n, "level"), active == null || active,
                requirements(n));
    }

    private static List<Requirement> requirements(JsonNode n) {
        JsonNode list = n.get("requirements");
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw new InvalidRecordException("requirements: expected an array of {skill, level, scale, importance}");
        }
        List<Requirement> requirements = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String skill = RecordValues.text(r, "skill");
            String level = RecordValues.text(r, "level");
            if (skill == null || level == null) {
                throw new InvalidRecordException("requirements[" + i + "]: needs skill and level");
            }
            requirements.add(new Requirement(skill, level, RecordValues.text(r, "scale"), RecordValues.text(r, "importance")));
        }
        return List.copyOf(requirements);
    }

    public static String canonicalId(String system, String externalId) {
        return system + ":" + externalId;
    }
}
