package io.skillbridge.xapi.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** Statements for the spec tests: a valid one to start from, and JSON edits by dotted path. */
public final class Statements {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Statements() {
    }

    /** A complete, valid statement with a fresh id. */
    public static ObjectNode valid() {
        return json("""
                {"id": "%s",
                 "actor": {"objectType": "Agent", "name": "Logan McNeil", "mbox": "mailto:logan.mcneil@example.com"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
                 "object": {"objectType": "Activity", "id": "https://lms.example.com/course/LIB-0042",
                            "definition": {"name": {"en-US": "Advanced Excel"}, "type": "http://adlnet.gov/expapi/activities/course"}},
                 "result": {"completion": true, "success": true, "duration": "PT2H41M", "score": {"scaled": 0.82, "raw": 41, "min": 0, "max": 50}},
                 "context": {"registration": "%s", "platform": "Example LMS", "language": "en-US",
                             "contextActivities": {"parent": [{"id": "https://lms.example.com/program/analyst"}]}},
                 "timestamp": "2026-11-24T15:06:40.000Z"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID()));
    }

    /** The smallest valid statement: actor, verb, object. */
    public static ObjectNode minimal() {
        return json("""
                {"actor": {"mbox": "mailto:ada@example.com"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
                 "object": {"id": "https://content.example.com/a"}}
                """);
    }

    /** A statement voiding the statement {@code target}. */
    public static ObjectNode voiding(String target) {
        return json("""
                {"actor": {"mbox": "mailto:lms-admin@example.com"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
                 "object": {"objectType": "StatementRef", "id": "%s"}}
                """.formatted(target));
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sets {@code path} (dotted, objects created as needed) to a JSON value given as text. */
    public static ObjectNode set(ObjectNode statement, String path, String jsonValue) {
        String[] parts = path.split("\\.");
        ObjectNode at = statement;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.has(parts[i]) ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
        }
        try {
            at.set(parts[parts.length - 1], JSON.readTree(jsonValue));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return statement;
    }

    public static ObjectNode remove(ObjectNode statement, String path) {
        String[] parts = path.split("\\.");
        JsonNode at = statement;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.get(parts[i]);
        }
        ((ObjectNode) at).remove(parts[parts.length - 1]);
        return statement;
    }
}
