package io.skillbridge.canonical;

import io.skillbridge.connector.SourceRecord;

/** A record that passed mapping and validation, with the source record it came from. */
public record Item<T>(SourceRecord source, T record, String hash) {
}
