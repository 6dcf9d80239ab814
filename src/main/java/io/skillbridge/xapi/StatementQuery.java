package io.skillbridge.xapi;

import java.time.OffsetDateTime;

/**
 * A GET on the Statements resource, as parsed from its parameters or from a {@code more} link. {@code afterSeq} is
 * where the previous page stopped (exclusive), in the direction of {@code ascending}.
 */
public record StatementQuery(String agentIfi, String verb, String activity, String registration,
                             boolean relatedActivities, boolean relatedAgents, OffsetDateTime since,
                             OffsetDateTime until, int limit, Format format, boolean attachments,
                             boolean ascending, Long afterSeq) {

    public enum Format { IDS, EXACT, CANONICAL }

    public StatementQuery continuingAfter(long seq) {
        return new StatementQuery(agentIfi, verb, activity, registration, relatedActivities, relatedAgents, since, until,
                limit, format, attachments, ascending, seq);
    }

    /** Filters that select statements by what they say (not by time or count): a StatementRef can meet these through its target. */
    public boolean filtersContent() {
        return agentIfi != null || verb != null || activity != null || registration != null;
    }
}
