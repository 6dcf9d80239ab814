package io.skillbridge.connector;

import java.util.List;

/**
 * One page of records from a source, applied to the store in one transaction.
 *
 * @param records   the records of the page, in source order
 * @param nextState where the next page starts (an opaque string the same {@link PageSource} understands:
 *                  an offset, a page number, a URL, a cursor token), or {@code null} when this was the last page.
 *                  It is stored as the checkpoint in the same transaction as the page, so a crash resumes here.
 * @param cursor    an incremental cursor the response itself announced (BambooHR's {@code latest}), or {@code null}
 * @param raw       the response body as received, archived for audit and replay
 */
public record Page(List<SourceRecord> records, String nextState, String cursor, byte[] raw) {
}
