package io.skillbridge.canonical;

import java.util.ArrayList;
import java.util.List;

/** What applying a page (or finishing a run) did, and what it refused. */
public final class PageOutcome {

    /**
     * A record refused on the way in, for dead letters.
     *
     * @param stage where: {@code read}, {@code mapping}, {@code validation}, or {@code reference} (a manager or parent
     *              that never arrived, or a cycle)
     */
    public record Rejected(String ref, String stage, String reason, String payload) {

        public static Rejected reference(String ref, String reason, String payload) {
            return new Rejected(ref, "reference", reason, payload);
        }
    }

    public int created;
    public int updated;
    public int unchanged;
    public int deactivated;
    public final List<Rejected> rejected = new ArrayList<>();
    /** Records parked in the identity review list: counted as failed, but not dead letters. */
    public int ambiguous;
}
