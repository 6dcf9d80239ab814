package io.skillbridge.xapi.store;

import java.time.OffsetDateTime;

/** A statement as the store holds it: its storage sequence, stored time and JSON text. */
public record StoredStatement(long seq, String id, OffsetDateTime stored, String body) {
}
