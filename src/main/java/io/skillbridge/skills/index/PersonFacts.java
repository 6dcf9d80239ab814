package io.skillbridge.skills.index;

/** What a search filters and shows of a person, besides skills. */
public record PersonFacts(String id, String displayName, String status, String orgUnitId, String roleId,
                          String location) {

    public boolean active() {
        return "active".equals(status);
    }
}
