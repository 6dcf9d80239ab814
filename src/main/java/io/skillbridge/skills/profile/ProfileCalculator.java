package io.skillbridge.skills.profile;

import io.skillbridge.skills.evidence.Evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives a person's skill levels from their evidence by the {@link ProfileRules}, keeping for every level the
 * evidence behind it and the part each piece played.
 *
 * <p>Per skill: each piece decays with its age ({@code 0.5^(age / half-life)}), both its level and its weight.
 * Evidence below the minimum confidence is not counted. Of the rest, only the highest tier that has any counts
 * (verified sources outrank self-declared ones); the level is the highest decayed level in that tier, and the
 * confidence combines the tier's pieces as independent signals: {@code 1 - product(1 - weight x confidence x decay)}.
 */
public final class ProfileCalculator {

    private static final double DAYS_PER_YEAR = 365.25;

    /** The part a piece of evidence played in its skill's level. */
    public enum Part {
        /** the piece whose decayed level is the skill's level */
        DECIDES,
        /** counted: it adds to the confidence */
        SUPPORTS,
        /** a higher tier has evidence for the skill, so this piece does not count */
        OUTRANKED,
        /** its confidence is below the rules' minimum */
        BELOW_MIN_CONFIDENCE
    }

    public record Contribution(Evidence evidence, double decay, double effectiveLevel, double weight, Part part) {
    }

    public record SkillLevel(String skillId, double level, double confidence, int evidenceCount,
                             List<Contribution> contributions) {
    }

    private final ProfileRules rules;

    public ProfileCalculator(ProfileRules rules) {
        this.rules = rules;
    }

    public ProfileRules rules() {
        return rules;
    }

    /**
     * The profile as of {@code now}: one entry per skill with at least one counted piece, in descending level.
     * Withdrawn evidence is ignored.
     */
    public Map<String, SkillLevel> compute(Collection<Evidence> evidence, Instant now) {
        Map<String, List<Evidence>> bySkill = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            if (!e.withdrawn()) {
                bySkill.computeIfAbsent(e.skillId(), k -> new ArrayList<>(4)).add(e);
            }
        }
        List<SkillLevel> levels = new ArrayList<>(bySkill.size());
        for (Map.Entry<String, List<Evidence>> skill : bySkill.entrySet()) {
            SkillLevel level = skill(skill.getKey(), skill.getValue(), now);
            if (level != null) {
                levels.add(level);
            }
        }
        levels.sort(Comparator.comparingDouble(SkillLevel::level).reversed().thenComparing(SkillLevel::skillId));
        Map<String, SkillLevel> profile = new LinkedHashMap<>();
        levels.forEach(l -> profile.put(l.skillId(), l));
        return profile;
    }

    /** The decay factor of evidence observed at {@code observedAt}: 1 for evidence from the future. */
    public double decay(Instant observedAt, Instant now) {
        double years = Math.max(0, Duration.between(observedAt, now).toMinutes() / (60.0 * 24 * DAYS_PER_YEAR));
        return Math.pow(0.5, years / rules.halfLifeYears());
    }

    private SkillLevel skill(String skillId, List<Evidence> pieces, Instant now) {
        int best = Integer.MAX_VALUE;
        for (Evidence e : pieces) {
            if (e.confidence() >= rules.minConfidence()) {
                best = Math.min(best, rules.tierOf(e.kind()));
            }
        }
        if (best == Integer.MAX_VALUE) {
            return null;
        }
        double level = -1;
        int decider = -1;
        double doubt = 1;
        int counted = 0;
        List<Contribution> parts = new ArrayList<>(pieces.size());
        for (Evidence e : pieces) {
            double d = decay(e.observedAt(), now);
            double effective = e.level() * d;
            double weight = rules.sourceWeights().get(e.kind()) * e.confidence() * d;
            Part part;
            if (e.confidence() < rules.minConfidence()) {
                part = Part.BELOW_MIN_CONFIDENCE;
            } else if (rules.tierOf(e.kind()) != best) {
                part = Part.OUTRANKED;
            } else {
                part = Part.SUPPORTS;
                counted++;
                doubt *= 1 - weight;
                if (effective > level) {
                    level = effective;
                    decider = parts.size();
                }
            }
            parts.add(new Contribution(e, d, effective, weight, part));
        }
        Contribution deciding = parts.get(decider);
        parts.set(decider, new Contribution(deciding.evidence(), deciding.decay(), deciding.effectiveLevel(),
                deciding.weight(), Part.DECIDES));
        parts.sort(Comparator.comparing(Contribution::part).thenComparing(c -> c.evidence().observedAt(),
                Comparator.reverseOrder()));
        return new SkillLevel(skillId, round(level), round(1 - doubt), counted, List.copyOf(parts));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
