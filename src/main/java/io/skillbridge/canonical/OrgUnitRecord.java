package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;

/** An org unit as one source system defines it; the parent is named by the source's own id. */
public record OrgUnitRecord(String externalId, String name, String parentExternalId, boolean active) {

    public static OrgUnitRecord from(JsonNode n) {
        Boolean active = RecordValues.bool(n, "active");
        String id = RecordValues.requiredText(n, "externalId");
        String parent = RecordValues.text(n, "parentExternalId");
        if (id.equals(parent)) {
            throw new InvalidRecordException("parentExternalId: org unit " + id + " names itself as its parent");
        }
        return new OrgUnitRecord(id, RecordValues.text(n, "name"), parent, active == null || active);
    }
}
