package io.skillbridge.connector;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record as a source delivered it, before mapping.
 *
 * @param ref        where it came from, for people reading dead letters: the record's id if the source
 *                   names one, or {@code "line 12"} for a file row
 * @param payload    the record as JSON (a CSV row becomes an object keyed by header); for a record that
 *                   could not be parsed, the raw text as a JSON string
 * @param parseError why the record could not be read at all, or {@code null}; such a record goes to dead
 *                   letters without mapping
 */
public record SourceRecord(String ref, JsonNode payload, String parseError) {

    public static SourceRecord of(String ref, JsonNode payload) {
        return new SourceRecord(ref, payload, null);
    }

    public static SourceRecord unreadable(String ref, JsonNode raw, String error) {
        return new SourceRecord(ref, raw, error);
    }
}
