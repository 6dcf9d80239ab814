package io.skillbridge.canonical;

import java.util.ArrayList;
import java.util.List;

/** What applying a page (or finishing a run) did, and what it refused. */
public final class PageOutcome {

    /** A record the store refused, with the reason, for dead letters. */
    public record Rejected(String ref, String reason, String payload) {
    }

    public int created;
    public int updated;
    public int unchanged;
    public int deactivated;
    public final List<Rejected> rejected = new ArrayList<>();
    /** Records parked in the identity review list: counted as failed, but not dead letters. */
    public int ambiguous;
}
