package io.skillbridge.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.xapi.XapiException;
import io.skillbridge.xapi.XapiVersion;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a statement against the xAPI data model (1.0.3 Part Two; IEEE 9274.1.1 for 2.0): required and allowed
 * properties, value types and formats, and the rules between properties. The first problem found is thrown as a
 * 400 naming its JSON path, so a client can see exactly which value to fix.
 */
public final class StatementValidator {

    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
    private static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";

    private static final Set<String> STATEMENT = Set.of("id", "actor", "verb", "object", "result", "context", "timestamp",
            "stored", "authority", "version", "attachments");
    private static final Set<String> SUB_STATEMENT = Set.of("objectType", "actor", "verb", "object", "result", "context",
            "timestamp", "attachments");
    private static final Set<String> AGENT = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member");
    private static final Set<String> ACCOUNT = Set.of("homePage", "name");
    private static final Set<String> VERB = Set.of("id", "display");
    private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION = Set.of("name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    private static final Set<String> STATEMENT_REF = Set.of("objectType", "id");
    private static final Set<String> RESULT = Set.of("score", "success", "completion", "response", "duration", "extensions");
    private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT_1_0 = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions");
    private static final Set<String> CONTEXT_2_0 = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");
    private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> CONTEXT_AGENT = Set.of("objectType", "agent", "relevantTypes");
    private static final Set<String> CONTEXT_GROUP = Set.of("objectType", "group", "relevantTypes");
    private static final Set<String> ATTACHMENT = Set.of("usageType", "display", "description", "contentType", "length",
            "sha2", "fileUrl");
    private static final Set<String> COMPONENT = Set.of("id", "description");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    /** Which interaction component lists each interaction type may carry. */
    private static final Map<String, Set<String>> COMPONENT_LISTS = Map.of(
            "choices", Set.of("choice", "sequencing"), "scale", Set.of("likert"),
            "source", Set.of("matching"), "target", Set.of("matching"), "steps", Set.of("performance"));

    private final XapiVersion version;

    public StatementValidator(XapiVersion version) {
        this.version = version;
    }

    public void validate(JsonNode statement, JsonPath path) {
        object(statement, path, STATEMENT);
        require(statement, path, "actor", "verb", "object");
        JsonNode id = statement.get("id");
        if (id != null) {
            uuid(id, path.with("id"));
        }
        actor(statement.get("actor"), path.with("actor"));
        verb(statement.get("verb"), path.with("verb"));
        JsonNode object = statement.get("object");
        statementObject(object, path.with("object"), false);
        voiding(statement, path);
        optional(statement, path, "result", this::result);
        JsonNode context = statement.get("context");
        if (context != null) {
            context(context, path.with("context"), isActivity(object));
        }
        optional(statement, path, "timestamp", this::timestamp);
        optional(statement, path, "stored", this::timestamp);
        optional(statement, path, "authority", this::actor);
        optional(statement, path, "attachments", this::attachments);
        JsonNode v = statement.get("version");
        if (v != null) {
            String text = text(v, path.with("version"));
            if (XapiVersion.parse(text) == null || version == XapiVersion.V1_0 && XapiVersion.parse(text) != XapiVersion.V1_0) {
                throw fail(path.with("version"), "'" + text + "' is not a version this request may state (1.0.x"
                        + (version == XapiVersion.V2_0 ? " or 2.0.x)" : ")"));
            }
        }
    }

    /** The {@code agent} parameter of a statements query: an Agent or Group, JSON-encoded. */
    public void agentParameter(JsonNode node, JsonPath path) {
        actor(node, path);
    }

    private void voiding(JsonNode statement, JsonPath path) {
        if (VOIDED.equals(statement.get("verb").get("id").asText())
                && !"StatementRef".equals(statement.get("object").path("objectType").asText())) {
            throw fail(path.with("object").with("objectType"), "a voiding statement's object must be a StatementRef");
        }
    }

    private static boolean isActivity(JsonNode object) {
        JsonNode type = object.get("objectType");
        return type == null || "Activity".equals(type.asText());
    }

    // ---- actors

    private void actor(JsonNode node, JsonPath path) {
        JsonNode type = node.isObject() ? node.get("objectType") : null;
        if (type != null && "Group".equals(type.asText())) {
            group(node, path);
        } else {
            agent(node, path);
        }
    }

    private void agent(JsonNode node, JsonPath path) {
        object(node, path, AGENT);
        objectType(node, path, "Agent", false);
        optional(node, path, "name", this::text);
        if (ifis(node, path) != 1) {
            throw fail(path, "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account");
        }
    }

    private void group(JsonNode node, JsonPath path) {
        object(node, path, GROUP);
        optional(node, path, "name", this::text);
        int ifis = ifis(node, path);
        if (ifis > 1) {
            throw fail(path, "a Group may have at most one of mbox, mbox_sha1sum, openid, account");
        }
        JsonNode members = node.get("member");
        if (members == null) {
            if (ifis == 0) {
                throw fail(path.with("member"), "an anonymous Group (no identifier) must list its members");
            }
            return;
        }
        JsonPath membersPath = path.with("member");
        array(members, membersPath);
        if (ifis == 0 && members.isEmpty()) {
            throw fail(membersPath, "an anonymous Group must have at least one member");
        }
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            if (member.isObject() && "Group".equals(member.path("objectType").asText())) {
                throw fail(membersPath.at(i).with("objectType"), "a Group's members must be Agents, not Groups");
            }
            agent(member, membersPath.at(i));
        }
    }

    /** Checks every inverse functional identifier present and counts them. */
    private int ifis(JsonNode node, JsonPath path) {
        int count = 0;
        JsonNode mbox = node.get("mbox");
        if (mbox != null) {
            count++;
            if (!Formats.mailto(text(mbox, path.with("mbox")))) {
                throw fail(path.with("mbox"), "must be a mailto IRI ('mailto:' followed by an email address)");
            }
        }
        JsonNode sha1 = node.get("mbox_sha1sum");
        if (sha1 != null) {
            count++;
            if (!Formats.sha1Hex(text(sha1, path.with("mbox_sha1sum")))) {
                throw fail(path.with("mbox_sha1sum"), "must be the hex SHA-1 of a mailto IRI (40 hex digits)");
            }
        }
        JsonNode openid = node.get("openid");
        if (openid != null) {
            count++;
            iri(openid, path.with("openid"));
        }
        JsonNode account = node.get("account");
        if (account != null) {
            count++;
            JsonPath accountPath = path.with("account");
            object(account, accountPath, ACCOUNT);
            require(account, accountPath, "homePage", "name");
            iri(account.get("homePage"), accountPath.with("homePage"));
            text(account.get("name"), accountPath.with("name"));
        }
        return count;
    }

    // ---- verb, objects

    private void verb(JsonNode node, JsonPath path) {
        object(node, path, VERB);
        require(node, path, "id");
        iri(node.get("id"), path.with("id"));
        optional(node, path, "display", this::languageMap);
    }

    private void statementObject(JsonNode node, JsonPath path, boolean insideSubStatement) {
        if (!node.isObject()) {
            throw fail(path, "must be an object");
        }
        JsonNode type = node.get("objectType");
        String objectType = type == null ? "Activity" : text(type, path.with("objectType"));
        switch (objectType) {
            case "Activity" -> activity(node, path);
            case "Agent" -> agent(node, path);
            case "Group" -> group(node, path);
            case "StatementRef" -> statementRef(node, path);
            case "SubStatement" -> {
                if (insideSubStatement) {
                    throw fail(path.with("objectType"), "a SubStatement must not contain another SubStatement");
                }
                subStatement(node, path);
            }
            default -> throw fail(path.with("objectType"), "'" + objectType
                    + "' is not one of Activity, Agent, Group, StatementRef, SubStatement");
        }
    }

    private void activity(JsonNode node, JsonPath path) {
        object(node, path, ACTIVITY);
        objectType(node, path, "Activity", false);
        require(node, path, "id");
        iri(node.get("id"), path.with("id"));
        JsonNode definition = node.get("definition");
        if (definition != null) {
            definition(definition, path.with("definition"));
        }
    }

    private void definition(JsonNode node, JsonPath path) {
        object(node, path, DEFINITION);
        optional(node, path, "name", this::languageMap);
        optional(node, path, "description", this::languageMap);
        optional(node, path, "type", this::iri);
        optional(node, path, "moreInfo", this::iri);
        optional(node, path, "extensions", this::extensions);
        JsonNode interaction = node.get("interactionType");
        String interactionType = null;
        if (interaction != null) {
            interactionType = text(interaction, path.with("interactionType"));
            if (!INTERACTION_TYPES.contains(interactionType)) {
                throw fail(path.with("interactionType"), "'" + interactionType + "' is not an interaction type the spec defines");
            }
        }
        JsonNode pattern = node.get("correctResponsesPattern");
        if (pattern != null) {
            if (interactionType == null) {
                throw fail(path.with("correctResponsesPattern"), "needs an interactionType");
            }
            array(pattern, path.with("correctResponsesPattern"));
            for (int i = 0; i < pattern.size(); i++) {
                text(pattern.get(i), path.with("correctResponsesPattern").at(i));
            }
        }
        for (Map.Entry<String, Set<String>> list : COMPONENT_LISTS.entrySet()) {
            JsonNode components = node.get(list.getKey());
            if (components == null) {
                continue;
            }
            JsonPath listPath = path.with(list.getKey());
            if (interactionType == null || !list.getValue().contains(interactionType)) {
                throw fail(listPath, "is only allowed with interactionType " + String.join(" or ", list.getValue()));
            }
            array(components, listPath);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < components.size(); i++) {
                JsonNode component = components.get(i);
                object(component, listPath.at(i), COMPONENT);
                require(component, listPath.at(i), "id");
                if (!ids.add(text(component.get("id"), listPath.at(i).with("id")))) {
                    throw fail(listPath.at(i).with("id"), "interaction component ids must be distinct within a list");
                }
                optional(component, listPath.at(i), "description", this::languageMap);
            }
        }
    }

    private void statementRef(JsonNode node, JsonPath path) {
        object(node, path, STATEMENT_REF);
        objectType(node, path, "StatementRef", true);
        require(node, path, "id");
        uuid(node.get("id"), path.with("id"));
    }

    private void subStatement(JsonNode node, JsonPath path) {
        for (String forbidden : new String[]{"id", "stored", "version", "authority"}) {
            if (node.has(forbidden)) {
                throw fail(path.with(forbidden), "a SubStatement must not have '" + forbidden + "'");
            }
        }
        object(node, path, SUB_STATEMENT);
        require(node, path, "actor", "verb", "object");
        actor(node.get("actor"), path.with("actor"));
        verb(node.get("verb"), path.with("verb"));
        JsonNode object = node.get("object");
        statementObject(object, path.with("object"), true);
        voiding(node, path);
        optional(node, path, "result", this::result);
        JsonNode context = node.get("context");
        if (context != null) {
            context(context, path.with("context"), isActivity(object));
        }
        optional(node, path, "timestamp", this::timestamp);
        optional(node, path, "attachments", this::attachments);
    }

    // ---- result, context, attachments

    private void result(JsonNode node, JsonPath path) {
        object(node, path, RESULT);
        JsonNode score = node.get("score");
        if (score != null) {
            score(score, path.with("score"));
        }
        optional(node, path, "success", this::bool);
        optional(node, path, "completion", this::bool);
        optional(node, path, "response", this::text);
        JsonNode duration = node.get("duration");
        if (duration != null && !Formats.duration(text(duration, path.with("duration")))) {
            throw fail(path.with("duration"), "must be an ISO 8601 duration such as PT1H30M");
        }
        optional(node, path, "extensions", this::extensions);
    }

    private void score(JsonNode node, JsonPath path) {
        object(node, path, SCORE);
        BigDecimal scaled = number(node, path, "scaled");
        BigDecimal raw = number(node, path, "raw");
        BigDecimal min = number(node, path, "min");
        BigDecimal max = number(node, path, "max");
        if (scaled != null && (scaled.compareTo(BigDecimal.ONE.negate()) < 0 || scaled.compareTo(BigDecimal.ONE) > 0)) {
            throw fail(path.with("scaled"), "must be between -1 and 1");
        }
        if (min != null && max != null && min.compareTo(max) >= 0) {
            throw fail(path.with("max"), "must be greater than min");
        }
        if (raw != null && min != null && raw.compareTo(min) < 0) {
            throw fail(path.with("raw"), "must not be less than min");
        }
        if (raw != null && max != null && raw.compareTo(max) > 0) {
            throw fail(path.with("raw"), "must not be greater than max");
        }
    }

    private void context(JsonNode node, JsonPath path, boolean objectIsActivity) {
        object(node, path, version == XapiVersion.V2_0 ? CONTEXT_2_0 : CONTEXT_1_0);
        JsonNode registration = node.get("registration");
        if (registration != null) {
            uuid(registration, path.with("registration"));
        }
        optional(node, path, "instructor", this::actor);
        JsonNode team = node.get("team");
        if (team != null) {
            if (!"Group".equals(team.path("objectType").asText())) {
                throw fail(path.with("team").with("objectType"), "the team must be a Group (objectType \"Group\")");
            }
            group(team, path.with("team"));
        }
        JsonNode activities = node.get("contextActivities");
        if (activities != null) {
            JsonPath activitiesPath = path.with("contextActivities");
            object(activities, activitiesPath, CONTEXT_ACTIVITIES);
            for (Iterator<Map.Entry<String, JsonNode>> it = activities.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> kind = it.next();
                JsonPath kindPath = activitiesPath.with(kind.getKey());
                if (kind.getValue().isArray()) {
                    for (int i = 0; i < kind.getValue().size(); i++) {
                        activity(kind.getValue().get(i), kindPath.at(i));
                    }
                } else {
                    activity(kind.getValue(), kindPath);
                }
            }
        }
        for (String property : new String[]{"revision", "platform"}) {
            JsonNode value = node.get(property);
            if (value != null) {
                text(value, path.with(property));
                if (!objectIsActivity) {
                    throw fail(path.with(property), "is only allowed when the statement's object is an Activity");
                }
            }
        }
        JsonNode language = node.get("language");
        if (language != null && !Formats.languageTag(text(language, path.with("language")))) {
            throw fail(path.with("language"), "must be an RFC 5646 language tag");
        }
        JsonNode statement = node.get("statement");
        if (statement != null) {
            if (!statement.isObject() || !"StatementRef".equals(statement.path("objectType").asText())) {
                throw fail(path.with("statement").with("objectType"), "must be a StatementRef (objectType \"StatementRef\")");
            }
            statementRef(statement, path.with("statement"));
        }
        optional(node, path, "extensions", this::extensions);
        contextActors(node.get("contextAgents"), path.with("contextAgents"), "contextAgent", "agent", CONTEXT_AGENT);
        contextActors(node.get("contextGroups"), path.with("contextGroups"), "contextGroup", "group", CONTEXT_GROUP);
    }

    /** xAPI 2.0's contextAgents and contextGroups: typed wrappers of an Agent or a Group with optional relevantTypes. */
    private void contextActors(JsonNode list, JsonPath path, String objectType, String property, Set<String> allowed) {
        if (list == null) {
            return;
        }
        array(list, path);
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            JsonPath entryPath = path.at(i);
            object(entry, entryPath, allowed);
            require(entry, entryPath, "objectType", property);
            objectType(entry, entryPath, objectType, true);
            if (property.equals("agent")) {
                agent(entry.get(property), entryPath.with(property));
            } else {
                if (!"Group".equals(entry.get(property).path("objectType").asText())) {
                    throw fail(entryPath.with(property).with("objectType"), "must be a Group (objectType \"Group\")");
                }
                group(entry.get(property), entryPath.with(property));
            }
            JsonNode types = entry.get("relevantTypes");
            if (types != null) {
                array(types, entryPath.with("relevantTypes"));
                if (types.isEmpty()) {
                    throw fail(entryPath.with("relevantTypes"), "must not be empty when present");
                }
                for (int t = 0; t < types.size(); t++) {
                    iri(types.get(t), entryPath.with("relevantTypes").at(t));
                }
            }
        }
    }

    private void attachments(JsonNode node, JsonPath path) {
        array(node, path);
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            JsonPath p = path.at(i);
            object(a, p, ATTACHMENT);
            require(a, p, "usageType", "display", "contentType", "length", "sha2");
            iri(a.get("usageType"), p.with("usageType"));
            languageMap(a.get("display"), p.with("display"));
            optional(a, p, "description", this::languageMap);
            String contentType = text(a.get("contentType"), p.with("contentType"));
            if (!Formats.mediaType(contentType)) {
                throw fail(p.with("contentType"), "must be an Internet media type");
            }
            JsonNode length = a.get("length");
            if (!length.isIntegralNumber() || length.asLong() < 0) {
                throw fail(p.with("length"), "must be a non-negative integer");
            }
            if (!Formats.sha2Hex(text(a.get("sha2"), p.with("sha2")))) {
                throw fail(p.with("sha2"), "must be a hex SHA-2 hash");
            }
            optional(a, p, "fileUrl", this::iri);
            if (SIGNATURE.equals(a.get("usageType").asText()) && !"application/octet-stream".equals(contentType)) {
                throw fail(p.with("contentType"), "a signature attachment's contentType must be application/octet-stream");
            }
        }
    }

    // ---- value checks

    private void timestamp(JsonNode node, JsonPath path) {
        if (Formats.timestamp(text(node, path)) == null) {
            throw fail(path, "must be an ISO 8601 timestamp with a time zone, such as 2026-11-24T15:06:40.000Z");
        }
    }

    private void languageMap(JsonNode node, JsonPath path) {
        if (!node.isObject()) {
            throw fail(path, "must be a language map (an object of RFC 5646 language tags to strings)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Formats.languageTag(e.getKey())) {
                throw fail(path.with(e.getKey()), "'" + e.getKey() + "' is not an RFC 5646 language tag");
            }
            text(e.getValue(), path.with(e.getKey()));
        }
    }

    private void extensions(JsonNode node, JsonPath path) {
        if (!node.isObject()) {
            throw fail(path, "must be an object whose keys are IRIs");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Formats.iri(key)) {
                throw fail(path.with(key), "extension keys must be IRIs");
            }
        }
    }

    private void iri(JsonNode node, JsonPath path) {
        if (!Formats.iri(text(node, path))) {
            throw fail(path, "'" + node.asText() + "' is not an IRI (a scheme, a colon, no spaces)");
        }
    }

    private void uuid(JsonNode node, JsonPath path) {
        if (!Formats.uuid(text(node, path))) {
            throw fail(path, "'" + node.asText() + "' is not a UUID");
        }
    }

    private void bool(JsonNode node, JsonPath path) {
        if (!node.isBoolean()) {
            throw fail(path, "must be true or false");
        }
    }

    private String text(JsonNode node, JsonPath path) {
        if (!node.isTextual()) {
            throw fail(path, node.isNull() ? "must not be null" : "must be a string");
        }
        return node.textValue();
    }

    private BigDecimal number(JsonNode parent, JsonPath path, String property) {
        JsonNode node = parent.get(property);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw fail(path.with(property), "must be a number");
        }
        return node.decimalValue();
    }

    private void array(JsonNode node, JsonPath path) {
        if (!node.isArray()) {
            throw fail(path, node.isNull() ? "must not be null" : "must be an array");
        }
    }

    private void objectType(JsonNode node, JsonPath path, String expected, boolean required) {
        JsonNode type = node.get("objectType");
        if (type == null) {
            if (required) {
                throw fail(path.with("objectType"), "must be \"" + expected + "\"");
            }
            return;
        }
        if (!expected.equals(text(type, path.with("objectType")))) {
            throw fail(path.with("objectType"), "must be \"" + expected + "\", not \"" + type.asText() + "\"");
        }
    }

    /** An object with only the allowed properties, none of them null. */
    private void object(JsonNode node, JsonPath path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw fail(path, node == null || node.isNull() ? "must not be null" : "must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!allowed.contains(e.getKey())) {
                throw fail(path.with(e.getKey()), "unknown property '" + e.getKey() + "'");
            }
            if (e.getValue().isNull()) {
                throw fail(path.with(e.getKey()), "must not be null");
            }
        }
    }

    private void require(JsonNode node, JsonPath path, String... properties) {
        for (String p : properties) {
            if (!node.has(p)) {
                throw fail(path.with(p), "is required");
            }
        }
    }

    private interface Check {
        void check(JsonNode node, JsonPath path);
    }

    private void optional(JsonNode parent, JsonPath path, String property, Check check) {
        JsonNode value = parent.get(property);
        if (value != null) {
            check.check(value, path.with(property));
        }
    }

    private static XapiException fail(JsonPath path, String message) {
        return XapiException.badRequest(path.toString(), message);
    }
}
