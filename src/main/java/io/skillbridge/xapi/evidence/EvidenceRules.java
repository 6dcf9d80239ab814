package io.skillbridge.xapi.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skillbridge.skills.scale.ProficiencyScales;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code config/xapi/evidence.yaml}: which verbs (and activity types) make statements evidence and at what level,
 * and which account home pages name which system. Read once at start; a wrong file stops the start naming the
 * rule and the field.
 */
public record EvidenceRules(String scoreScale, Map<String, Rule> byVerb, Map<String, Rule> byVerbAndType,
                            Map<String, Account> accounts) {

    /** How the level of a matched statement is found: from the item taught, from the score, or fixed. */
    public enum LevelFrom { TAUGHT, SCORE, FIXED }

    public record Rule(String verb, String activityType, String status, LevelFrom levelFrom, double fixedLevel,
                       boolean scoreCaps) {
    }

    /** An account home page: its names are external ids of {@code system}, or employee ids when system is null. */
    public record Account(String homePage, String system) {
    }

    static final Set<String> STATUSES = Set.of("completed", "passed");

    public static EvidenceRules none() {
        return new EvidenceRules(null, Map.of(), Map.of(), Map.of());
    }

    /** The rule for a statement's verb and object activity type, or null when the statement is no evidence. */
    public Rule rule(String verb, String activityType) {
        Rule specific = activityType == null ? null : byVerbAndType.get(verb + " " + activityType);
        return specific != null ? specific : byVerb.get(verb);
    }

    public Set<String> verbs() {
        return byVerb.keySet();
    }

    public static EvidenceRules load(Path file, ProficiencyScales scales) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not readable YAML: " + e.getMessage(), e);
        }
        String scoreScale = root.path("scoreScale").asText("scaled-score");
        if (scales.scale(scoreScale).isEmpty()) {
            throw new IllegalStateException(file + ": scoreScale '" + scoreScale + "' is not a scale of scales.yaml");
        }
        Map<String, Rule> byVerb = new HashMap<>();
        Map<String, Rule> byVerbAndType = new HashMap<>();
        List<Rule> typed = new ArrayList<>();
        JsonNode rules = root.path("rules");
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rule(rules.get(i), file + ": rules[" + i + "]");
            if (r.activityType() == null) {
                if (byVerb.put(r.verb(), r) != null) {
                    throw new IllegalStateException(file + ": rules[" + i + "]: verb " + r.verb() + " has two rules");
                }
            } else {
                typed.add(r);
                byVerbAndType.put(r.verb() + " " + r.activityType(), r);
            }
        }
        for (Rule r : typed) {
            // a statement of this verb and another type must still find a rule: the verb's own
            byVerb.putIfAbsent(r.verb(), new Rule(r.verb(), null, r.status(), LevelFrom.TAUGHT, 0, true));
        }
        Map<String, Account> accounts = new HashMap<>();
        for (JsonNode a : root.path("accounts")) {
            String homePage = a.path("homePage").asText("");
            String matchBy = a.path("matchBy").asText("externalId");
            String system = a.path("system").asText(null);
            if (homePage.isBlank() || !matchBy.equals("employeeId") && (system == null || !matchBy.equals("externalId"))) {
                throw new IllegalStateException(file + ": accounts: '" + homePage + "' needs a homePage and either"
                        + " matchBy: employeeId, or matchBy: externalId with the system whose ids the names are");
            }
            accounts.put(homePage, new Account(homePage, matchBy.equals("employeeId") ? null : system));
        }
        return new EvidenceRules(scoreScale, Map.copyOf(byVerb), Map.copyOf(byVerbAndType), Map.copyOf(accounts));
    }

    private static Rule rule(JsonNode n, String where) {
        String verb = n.path("verb").asText("");
        if (verb.isBlank()) {
            throw new IllegalStateException(where + ": verb is required");
        }
        String status = n.path("status").asText("completed");
        if (!STATUSES.contains(status)) {
            throw new IllegalStateException(where + ": status '" + status + "' is not one of " + STATUSES);
        }
        String level = n.path("level").asText("taught");
        LevelFrom from;
        double fixed = 0;
        switch (level) {
            case "taught" -> from = LevelFrom.TAUGHT;
            case "score" -> from = LevelFrom.SCORE;
            default -> {
                from = LevelFrom.FIXED;
                try {
                    fixed = Double.parseDouble(level);
                } catch (NumberFormatException e) {
                    fixed = -1;
                }
                if (fixed < 0 || fixed > ProficiencyScales.MAX_LEVEL) {
                    throw new IllegalStateException(where + ": level '" + level + "' is not taught, score or a level 0-5");
                }
            }
        }
        return new Rule(verb, n.path("activityType").asText(null), status, from, fixed, n.path("scoreCaps").asBoolean(true));
    }
}
