package io.skillbridge.xapi.store;

import io.skillbridge.xapi.StatementFacts;

import java.util.List;

/**
 * A statement ready to insert: its indexed facts, the JSON text to keep, whether a stored voiding statement already
 * names it, and the attachment parts that came with it.
 */
public record NewStatement(StatementFacts facts, String body, boolean voided,
                           List<AttachmentPart> attachments) {
}
