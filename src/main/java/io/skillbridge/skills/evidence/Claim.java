package io.skillbridge.skills.evidence;

import java.time.Instant;

/** A claim on its way into the ledger: everything of an {@link Evidence} but its id and withdrawal. */
public record Claim(String personId, String skillId, double level, String rawLevel, String scale, SourceKind kind,
                    double confidence, Instant observedAt, Origin origin) {

    /** The same claim about a person, from an origin. */
    public Claim of(String person, Origin from) {
        return new Claim(person, skillId, level, rawLevel, scale, kind, confidence, observedAt, from);
    }

    boolean sameAs(Evidence e) {
        return e.personId().equals(personId) && Double.compare(e.level(), level) == 0
                && java.util.Objects.equals(e.rawLevel(), rawLevel) && java.util.Objects.equals(e.scale(), scale)
                && e.kind() == kind && Double.compare(e.confidence(), confidence) == 0
                && e.observedAt().equals(observedAt) && !e.withdrawn();
    }
}
