package io.skillbridge.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code format} parameter of statement GETs. {@code exact} returns what was stored; {@code ids} keeps of each
 * Agent, Group, Activity and Verb only what identifies it; {@code canonical} keeps of each language map the one
 * entry that best fits the request's Accept-Language.
 */
public final class StatementFormats {

    private static final Set<String> ACTOR_IDS = Set.of("objectType", "mbox", "mbox_sha1sum", "openid", "account", "member");

    private StatementFormats() {
    }

    /** Reduces a statement in place to identifiers. */
    public static void ids(ObjectNode s) {
        ((ObjectNode) s.get("verb")).retain("id");
        actorIds(s.get("actor"));
        if (s.has("authority")) {
            actorIds(s.get("authority"));
        }
        ObjectNode object = (ObjectNode) s.get("object");
        switch (object.path("objectType").asText("Activity")) {
            case "Activity" -> object.retain("objectType", "id");
            case "Agent", "Group" -> actorIds(object);
            case "SubStatement" -> ids(object);
            default -> {
            }
        }
        JsonNode context = s.get("context");
        if (context instanceof ObjectNode c) {
            if (c.has("instructor")) {
                actorIds(c.get("instructor"));
            }
            if (c.has("team")) {
                actorIds(c.get("team"));
            }
            c.path("contextAgents").forEach(a -> actorIds(a.get("agent")));
            c.path("contextGroups").forEach(g -> actorIds(g.get("group")));
            contextActivities(c).forEach(a -> ((ObjectNode) a).retain("objectType", "id"));
        }
    }

    private static void actorIds(JsonNode actor) {
        ObjectNode a = (ObjectNode) actor;
        a.retain(ACTOR_IDS);
        if (Ifi.of(a) != null) {
            // an identified group is known by its identifier; only an anonymous one needs its members
            a.remove("member");
        }
        a.path("member").forEach(StatementFormats::actorIds);
    }

    /** Keeps, in place, one entry per language map: the best for the given languages, in preference order. */
    public static void canonical(ObjectNode s, List<Locale> languages) {
        languageMap(s.path("verb").get("display"), languages);
        ObjectNode object = (ObjectNode) s.get("object");
        if (object.path("objectType").asText("Activity").equals("Activity")) {
            definition(object.get("definition"), languages);
        } else if (object.path("objectType").asText().equals("SubStatement")) {
            canonical(object, languages);
        }
        if (s.get("context") instanceof ObjectNode c) {
            contextActivities(c).forEach(a -> definition(a.get("definition"), languages));
        }
        for (JsonNode attachment : s.path("attachments")) {
            languageMap(attachment.get("display"), languages);
            languageMap(attachment.get("description"), languages);
        }
    }

    private static void definition(JsonNode definition, List<Locale> languages) {
        if (definition == null) {
            return;
        }
        languageMap(definition.get("name"), languages);
        languageMap(definition.get("description"), languages);
        for (String list : List.of("choices", "scale", "source", "target", "steps")) {
            definition.path(list).forEach(component -> languageMap(component.get("description"), languages));
        }
    }

    private static List<JsonNode> contextActivities(ObjectNode context) {
        JsonNode activities = context.get("contextActivities");
        if (activities == null) {
            return List.of();
        }
        List<JsonNode> all = new ArrayList<>();
        activities.forEach(kind -> {
            if (kind.isArray()) {
                kind.forEach(all::add);
            } else {
                all.add(kind);
            }
        });
        return all;
    }

    private static void languageMap(JsonNode map, List<Locale> languages) {
        if (!(map instanceof ObjectNode m) || m.size() <= 1) {
            return;
        }
        String best = null;
        for (Locale wanted : languages) {
            String tag = wanted.toLanguageTag();
            for (Iterator<String> it = m.fieldNames(); it.hasNext() && best == null; ) {
                String key = it.next();
                if (key.equalsIgnoreCase(tag)) {
                    best = key;
                }
            }
            for (Iterator<String> it = m.fieldNames(); it.hasNext() && best == null; ) {
                String key = it.next();
                if (key.toLowerCase(Locale.ROOT).startsWith(wanted.getLanguage() + "-") || key.equalsIgnoreCase(wanted.getLanguage())) {
                    best = key;
                }
            }
            if (best != null) {
                break;
            }
        }
        if (best == null) {
            best = m.fieldNames().next();
        }
        Map.Entry<String, JsonNode> keep = Map.entry(best, m.get(best));
        m.removeAll();
        m.set(keep.getKey(), keep.getValue());
    }
}
