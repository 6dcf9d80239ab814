package io.skillbridge.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillbridge.xapi.validation.Formats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a statement sent again under a stored id is the same statement. Per the spec's immutability rules the
 * comparison ignores what an LRS assigns (id, stored, authority, version, a missing timestamp), activity definitions
 * and verb displays (not part of the statement), the time zone a timestamp is written in, member order in groups, a
 * single context activity written without its array, and the case of language tags and UUIDs. Everything else must
 * be equal; property order never matters because JSON objects compare as maps.
 */
public final class StatementEquivalence {

    private StatementEquivalence() {
    }

    /**
     * @param sent          the statement sent again, possibly completed already with what the LRS assigns
     * @param sentTimestamp whether its sender stated the timestamp (an assigned one is not compared)
     */
    public static boolean same(JsonNode sent, boolean sentTimestamp, JsonNode stored) {
        if (sentTimestamp && stored.has("timestamp")
                && !instant(sent.get("timestamp")).equals(instant(stored.get("timestamp")))) {
            return false;
        }
        return comparable(sent).equals(comparable(stored));
    }

    private static ObjectNode comparable(JsonNode statement) {
        ObjectNode s = statement.deepCopy();
        s.remove(List.of("id", "stored", "authority", "version", "timestamp"));
        normalize(s);
        return s;
    }

    /** Normalizes a statement or SubStatement in place. */
    private static void normalize(ObjectNode s) {
        ObjectNode verb = (ObjectNode) s.get("verb");
        verb.remove("display");
        actor(s.get("actor"));
        ObjectNode object = (ObjectNode) s.get("object");
        switch (object.path("objectType").asText("Activity")) {
            case "Activity" -> object.remove("definition");
            case "Group", "Agent" -> actor(object);
            case "StatementRef" -> lowerCase(object, "id");
            case "SubStatement" -> {
                if (object.has("timestamp")) {
                    object.put("timestamp", instant(object.get("timestamp")).toString());
                }
                normalize(object);
            }
            default -> {
            }
        }
        JsonNode context = s.get("context");
        if (context instanceof ObjectNode c) {
            lowerCase(c, "registration");
            if (c.get("statement") instanceof ObjectNode ref) {
                lowerCase(ref, "id");
            }
            if (c.has("instructor")) {
                actor(c.get("instructor"));
            }
            if (c.has("team")) {
                actor(c.get("team"));
            }
            if (c.get("contextActivities") instanceof ObjectNode activities) {
                for (Iterator<Map.Entry<String, JsonNode>> it = activities.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> kind = it.next();
                    ArrayNode list = kind.getValue().isArray() ? (ArrayNode) kind.getValue()
                            : JsonNodeFactory.instance.arrayNode().add(kind.getValue());
                    list.forEach(a -> ((ObjectNode) a).remove("definition"));
                    kind.setValue(list);
                }
            }
            c.path("contextGroups").forEach(g -> actor(g.get("group")));
        }
        for (JsonNode attachment : s.path("attachments")) {
            lowerCaseKeys(attachment.get("display"));
            lowerCaseKeys(attachment.get("description"));
        }
    }

    private static void actor(JsonNode actor) {
        if (actor instanceof ObjectNode a && a.get("member") instanceof ArrayNode members) {
            List<JsonNode> sorted = new ArrayList<>();
            members.forEach(sorted::add);
            sorted.sort(Comparator.comparing(JsonNode::toString));
            members.removeAll();
            members.addAll(sorted);
        }
    }

    private static void lowerCase(ObjectNode node, String property) {
        JsonNode v = node.get(property);
        if (v != null && v.isTextual()) {
            node.put(property, v.textValue().toLowerCase(Locale.ROOT));
        }
    }

    private static void lowerCaseKeys(JsonNode map) {
        if (map instanceof ObjectNode m) {
            ObjectNode copy = m.deepCopy();
            m.removeAll();
            copy.fields().forEachRemaining(e -> m.set(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        }
    }

    private static Instant instant(JsonNode timestamp) {
        return Formats.timestamp(timestamp.asText()).toInstant();
    }
}
