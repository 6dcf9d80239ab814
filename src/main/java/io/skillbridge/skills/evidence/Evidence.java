package io.skillbridge.skills.evidence;

import java.time.Instant;

/**
 * One claim of the ledger: a person has a skill at a canonical level, according to a source, observed at a time.
 *
 * @param rawLevel the level as the source stated it, before its scale map
 * @param origin   the record the claim came from
 */
public record Evidence(long id, String personId, String skillId, double level, String rawLevel, String scale,
                       SourceKind kind, double confidence, Instant observedAt, Origin origin, Instant withdrawnAt,
                       String withdrawnReason) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
