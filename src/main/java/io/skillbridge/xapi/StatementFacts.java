package io.skillbridge.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.xapi.validation.Formats;
import io.skillbridge.xapi.validation.StatementValidator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * What the store indexes of a valid statement: the columns its filters read, and the agents and activities it names
 * elsewhere, with where (the side tables behind related_agents and related_activities). The actor and an Activity
 * object have their own columns and the authority is the client column, so the side tables get only the rest: for a
 * typical statement one row, not four.
 */
public record StatementFacts(String id, String verbId, String actorIfi, String objectActivityId,
                             String objectStatementId, String registration, OffsetDateTime timestamp,
                             boolean voiding, List<Usage> agents, List<Usage> activities) {

    /**
     * Adds the statement's id and, for a voiding statement, its target's: the ids whose stored state decides how the
     * statement is written (stored already, a voiding statement, voided).
     */
    public void addVoidingIds(Collection<String> ids) {
        ids.add(id);
        if (voiding) {
            ids.add(objectStatementId);
        }
    }

    /** An identifier (agent IFI or activity id) and where in the statement it appears. */
    public record Usage(String key, String usage) {
    }

    public static StatementFacts of(String id, JsonNode statement) {
        List<Usage> agents = new ArrayList<>(4);
        List<Usage> activities = new ArrayList<>(4);
        collect(statement, "", agents, activities);
        JsonNode object = statement.get("object");
        String objectType = object.path("objectType").asText("Activity");
        JsonNode timestamp = statement.get("timestamp");
        JsonNode registration = statement.path("context").get("registration");
        String verbId = statement.get("verb").get("id").asText();
        return new StatementFacts(id, verbId, Ifi.of(statement.get("actor")),
                objectType.equals("Activity") ? object.get("id").asText() : null,
                objectType.equals("StatementRef") ? object.get("id").asText().toLowerCase(Locale.ROOT) : null,
                registration == null ? null : registration.asText().toLowerCase(Locale.ROOT),
                timestamp == null ? null : Formats.timestamp(timestamp.asText()),
                verbId.equals(StatementValidator.VOIDED), agents, activities);
    }

    /** The agents and activities of a statement or, with prefix "sub_", of a SubStatement. */
    private static void collect(JsonNode s, String prefix, List<Usage> agents, List<Usage> activities) {
        boolean sub = !prefix.isEmpty();
        if (sub) {
            agent(s.get("actor"), prefix + "actor", agents);
        }
        JsonNode object = s.get("object");
        switch (object.path("objectType").asText("Activity")) {
            case "Activity" -> {
                if (sub) {
                    activities.add(new Usage(object.get("id").asText(), prefix + "object"));
                }
            }
            case "Agent", "Group" -> agent(object, prefix + "object", agents);
            case "SubStatement" -> collect(object, "sub_", agents, activities);
            default -> {
            }
        }
        JsonNode context = s.get("context");
        if (context == null) {
            return;
        }
        JsonNode instructor = context.get("instructor");
        if (instructor != null) {
            agent(instructor, prefix + "instructor", agents);
        }
        JsonNode team = context.get("team");
        if (team != null) {
            agent(team, prefix + "team", agents);
        }
        for (JsonNode c : context.path("contextAgents")) {
            agent(c.get("agent"), prefix + "context_agent", agents);
        }
        for (JsonNode c : context.path("contextGroups")) {
            agent(c.get("group"), prefix + "context_group", agents);
        }
        JsonNode contextActivities = context.get("contextActivities");
        if (contextActivities != null) {
            for (Iterator<String> it = contextActivities.fieldNames(); it.hasNext(); ) {
                String kind = it.next();
                JsonNode list = contextActivities.get(kind);
                for (JsonNode a : list.isArray() ? list : List.of(list)) {
                    activities.add(new Usage(a.get("id").asText(), prefix + kind));
                }
            }
        }
    }

    /** Agents and identified groups match by identifier alone, as the spec's agent filter says; members do not. */
    private static void agent(JsonNode actor, String usage, List<Usage> agents) {
        String ifi = Ifi.of(actor);
        if (ifi != null) {
            agents.add(new Usage(ifi, usage));
        }
    }
}
