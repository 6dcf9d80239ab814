package io.skillbridge.canonical;

import io.skillbridge.connector.SourceRecord;

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

        /**
         * A record about a person the hub does not know (yet): it waits in dead letters until the HRIS has delivered
         * them, rather than land on the wrong person.
         *
         * @param key how the record names the person
         */
        public static Rejected unknownPerson(SourceRecord source, Object key) {
            return reference(source.ref(), "no single person is known by " + key
                    + " (yet): replay once the HRIS has delivered them", source.payload().toString());
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
