package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;

/** A job profile as one source system defines it. */
public record RoleRecord(String externalId, String title, String family, String level, boolean active) {

    public static RoleRecord from(JsonNode n) {
        Boolean active = RecordValues.bool(n, "active");
        return new RoleRecord(RecordValues.requiredText(n, "externalId"), RecordValues.text(n, "title"),
                RecordValues.text(n, "family"), RecordValues.text(n, "level"), active == null || active);
    }

    public static String canonicalId(String system, String externalId) {
        return system + ":" + externalId;
    }
}
