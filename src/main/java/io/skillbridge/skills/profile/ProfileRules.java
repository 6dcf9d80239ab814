package io.skillbridge.skills.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skillbridge.skills.evidence.SourceKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documented, configurable rules that turn evidence into a profile ({@code config/skills/profile-rules.yaml}).
 *
 * @param tiers            source kinds in order of precedence: the first tier with evidence for a skill decides it
 * @param relatedCreditCap the most a related skill can cover of a required one, in gap analysis
 */
public record ProfileRules(double halfLifeYears, double minConfidence, List<Set<SourceKind>> tiers,
                           Map<SourceKind, Double> sourceWeights, Map<SourceKind, Double> defaultConfidence,
                           double relatedCreditCap) {

    public static ProfileRules defaults() {
        Map<SourceKind, Double> weights = new EnumMap<>(SourceKind.class);
        Map<SourceKind, Double> confidence = new EnumMap<>(SourceKind.class);
        for (SourceKind k : SourceKind.values()) {
            weights.put(k, k == SourceKind.SELF ? 0.4 : 0.8);
            confidence.put(k, k == SourceKind.SELF ? 0.5 : 0.8);
        }
        return new ProfileRules(5, 0.2, List.of(EnumSet.complementOf(EnumSet.of(SourceKind.SELF)),
                EnumSet.of(SourceKind.SELF)), weights, confidence, 0.5);
    }

    /**
     * Reads the rules file; every source kind must belong to exactly one tier and have a weight.
     *
     * @throws IllegalStateException naming the file and the rule that is wrong
     */
    public static ProfileRules load(Path file) {
        JsonNode n;
        try {
            n = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        String where = file.getFileName() + ": ";
        double halfLife = n.path("halfLifeYears").asDouble(5);
        if (!(halfLife > 0)) {
            throw new IllegalStateException(where + "halfLifeYears must be above 0");
        }
        List<Set<SourceKind>> tiers = new ArrayList<>();
        Set<SourceKind> seen = EnumSet.noneOf(SourceKind.class);
        for (JsonNode tier : n.path("tiers")) {
            Set<SourceKind> kinds = EnumSet.noneOf(SourceKind.class);
            tier.forEach(k -> {
                SourceKind kind = kind(where + "tiers", k.asText());
                if (!seen.add(kind)) {
                    throw new IllegalStateException(where + "tiers name '" + kind.wire() + "' twice");
                }
                kinds.add(kind);
            });
            tiers.add(kinds);
        }
        if (!seen.equals(EnumSet.allOf(SourceKind.class))) {
            throw new IllegalStateException(where + "tiers must place every source kind (" + SourceKind.known() + ")");
        }
        return new ProfileRules(halfLife, n.path("minConfidence").asDouble(0.2), List.copyOf(tiers),
                perKind(where + "sourceWeights", n.path("sourceWeights")),
                perKind(where + "defaultConfidence", n.path("defaultConfidence")),
                n.path("relatedCreditCap").asDouble(0.5));
    }

    private static Map<SourceKind, Double> perKind(String where, JsonNode n) {
        Map<SourceKind, Double> values = new EnumMap<>(SourceKind.class);
        n.fields().forEachRemaining(e -> {
            double v = e.getValue().asDouble(-1);
            if (v < 0 || v > 1) {
                throw new IllegalStateException(where + "." + e.getKey() + " must be between 0 and 1");
            }
            values.put(kind(where, e.getKey()), v);
        });
        if (values.size() != SourceKind.values().length) {
            throw new IllegalStateException(where + " must give a value for every source kind (" + SourceKind.known() + ")");
        }
        return values;
    }

    private static SourceKind kind(String where, String value) {
        return SourceKind.parse(value).orElseThrow(() -> new IllegalStateException(where + ": unknown source kind '"
                + value + "'; known: " + SourceKind.known()));
    }

    /** The tier of a kind: 0 is the highest. */
    public int tierOf(SourceKind kind) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).contains(kind)) {
                return i;
            }
        }
        throw new IllegalStateException("no tier for " + kind);
    }
}
