package io.skillbridge.xapi.store;

import io.skillbridge.xapi.StatementFacts;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A statement ready to insert: its indexed facts, the JSON text to keep, the attachment parts that came with it, and
 * what the LRS sets: its stored time and the client that sent it (the authority).
 */
public record NewStatement(StatementFacts facts, String body, List<AttachmentPart> attachments, OffsetDateTime stored,
                           String clientKey) {
}
