package io.skillbridge.xapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Published after statements are committed to the store (never for a statement sent again unchanged), for the
 * evidence side to read. Listeners run after the write's transaction, so they see the stored rows.
 *
 * @param clientKey  the xAPI client that sent them
 * @param statements the newly stored statements, in request order
 */
public record StatementsAccepted(String clientKey, List<Accepted> statements) {

    /**
     * @param actorIfi          the actor's identifier as {@link Ifi} writes it; null for an anonymous group
     * @param objectType        Activity, Agent, Group, StatementRef or SubStatement
     * @param objectId          the activity id, the referenced statement id, or the agent's identifier
     * @param result            the statement's result, or null
     * @param voidedStatementId for a voiding statement, the statement it voids; otherwise null
     */
    public record Accepted(String id, String verbId, String actorIfi, String objectType, String objectId,
                           JsonNode result, String voidedStatementId) {
    }
}
