package io.skillbridge.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.ApplyContext;
import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.canonical.Item;
import io.skillbridge.canonical.PageOutcome;

import java.util.List;

/**
 * What the sync engine needs to know of one canonical entity (a connector's {@code entity} parameter): how a mapped
 * record is validated, how a page of them is applied to the store, and what a run does after its last page. A new
 * source family (learning records, content items, evidence) adds a handler bean; the engine does not change.
 */
public interface EntityHandler<T> {

    /** The entity's name as connector files write it. */
    String entity();

    /**
     * Validates a mapped record.
     *
     * @throws InvalidRecordException naming the field that is wrong, for the dead letter
     */
    Item<T> toItem(SourceRecord source, JsonNode mapped);

    /** Applies a page inside the page's transaction, counting into {@code out}. */
    void apply(ApplyContext ctx, List<Item<T>> items, PageOutcome out);

    /**
     * Runs after the last page inside the run's final transaction.
     *
     * @param reconcile a full snapshot just ended: what it no longer contains may be deactivated
     */
    default void finish(ApplyContext ctx, boolean reconcile, PageOutcome out) {
    }
}
