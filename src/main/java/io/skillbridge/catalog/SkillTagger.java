package io.skillbridge.catalog;

import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the taxonomy skills a piece of content teaches: first its provider's tags, by id, label or alias (case,
 * spacing and punctuation do not count), then the skills its title and description name.
 *
 * <p>Text matching favours precision over recall, because a wrong tag sends people to the wrong course: the longest
 * name wins (a title naming "Sales Management" is not also about "Sales"); a description only counts names of two or
 * more words and acronyms written in capitals; one- and two-letter names (R, Go) and aliases that are ordinary words
 * ("Strategy" for business strategy, "Windows", "Spring") are only taken from tags.
 */
public final class SkillTagger {

    public static final String BY_ID = "id";
    public static final String BY_LABEL = "label";
    public static final String BY_ALIAS = "alias";
    public static final String BY_TEXT = "text";

    /** A skill the content teaches, how sure the match is (0-1) and how it was made. */
    public record Match(String skillId, double confidence, String matchedBy) {
    }

    /** The matches, and the provider tags that named no skill. */
    public record Tagging(List<Match> matches, List<String> unmatchedTags) {
    }

    private static final Pattern SEGMENTS = Pattern.compile("[,;:()\\[\\]!?|\"\u2014\u2013]|\\s-\\s|\\.\\s");
    private static final Pattern WORDS = Pattern.compile("\\s+");
    private static final Set<String> ORDINARY_WORDS = Set.of(
            "strategy", "operations", "compliance", "messaging", "reporting", "documentation", "monitoring",
            "logging", "containers", "windows", "express", "node", "spring", "spark", "influence", "judgment",
            "accuracy", "flexibility", "resilience", "agility", "collaboration", "listening", "productivity",
            "pricing", "partnerships", "rewards", "orientation", "audit", "typing", "scheduling", "prompting",
            "presenting", "empathy", "thoroughness", "selling", "hiring", "coding", "experimentation", "analytics",
            "networking", "purchasing", "distribution", "renewals", "torch", "mongo", "helm", "lever", "greenhouse",
            "keynote", "zoom", "slack", "onboarding", "accounting", "security", "planning", "mediation",
            "persuasion", "payroll", "recruitment");

    /** A name of the taxonomy as text can contain it. */
    private record Name(Skill skill, String spelling, boolean label, int words) {
    }

    private final Taxonomy taxonomy;
    private final Map<String, List<Name>> names = new HashMap<>();
    private final int longest;

    public SkillTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        int max = 1;
        for (Skill s : taxonomy.skills()) {
            List<String> spellings = new ArrayList<>();
            spellings.add(s.label());
            spellings.addAll(s.aliases());
            for (int i = 0; i < spellings.size(); i++) {
                String spelling = spellings.get(i);
                int words = WORDS.split(spelling.trim()).length;
                max = Math.max(max, words);
                names.computeIfAbsent(Taxonomy.normalize(spelling), k -> new ArrayList<>())
                        .add(new Name(s, spelling, i == 0, words));
            }
        }
        this.longest = max;
    }

    public Tagging tag(List<String> tags, String title, String description) {
        Map<String, Match> found = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (String tag : tags) {
            Skill skill = taxonomy.resolve(tag).orElse(null);
            if (skill == null) {
                unmatched.add(tag.trim());
                continue;
            }
            String key = Taxonomy.normalize(tag);
            String how = tag.equals(skill.id()) || key.equals(Taxonomy.normalize(skill.id())) ? BY_ID
                    : key.equals(Taxonomy.normalize(skill.label())) ? BY_LABEL : BY_ALIAS;
            found.putIfAbsent(skill.id(), new Match(skill.id(), how.equals(BY_ALIAS) ? 0.9 : 1.0, how));
        }
        text(title, true, found);
        text(description, false, found);
        return new Tagging(List.copyOf(found.values()), unmatched);
    }

    private void text(String text, boolean title, Map<String, Match> found) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String segment : SEGMENTS.split(text)) {
            String[] words = WORDS.split(segment.trim());
            for (int i = 0; i < words.length; ) {
                int taken = 0;
                for (int n = Math.min(longest, words.length - i); n >= 1 && taken == 0; n--) {
                    Name name = accept(words, i, n, title);
                    if (name != null) {
                        taken = n;
                        found.putIfAbsent(name.skill().id(), new Match(name.skill().id(),
                                title ? (n > 1 ? 0.85 : 0.8) : 0.6, BY_TEXT));
                    }
                }
                i += Math.max(1, taken);
            }
        }
    }

    /** The name that words[i, i+n) spell, if text may claim it there. */
    private Name accept(String[] words, int i, int n, boolean title) {
        StringBuilder key = new StringBuilder();
        for (int k = i; k < i + n; k++) {
            key.append(Taxonomy.normalize(words[k]));
        }
        List<Name> candidates = names.get(key.toString());
        if (candidates == null) {
            return null;
        }
        String written = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n)).replaceAll("[.,]+$", "");
        Set<String> skills = new HashSet<>();
        Name chosen = null;
        for (Name name : candidates) {
            skills.add(name.skill().id());
            if (allowed(name, written, key.length(), title) && (chosen == null || name.label() && !chosen.label())) {
                chosen = name;
            }
        }
        // a name that two skills answer to says nothing about which one the content teaches
        return skills.size() == 1 ? chosen : null;
    }

    private static boolean allowed(Name name, String written, int length, boolean title) {
        if (name.words() > 1) {
            return true;
        }
        boolean acronym = length >= 3 && written.equals(name.spelling()) && written.chars().filter(Character::isLetter)
                .allMatch(Character::isUpperCase);
        if (!title) {
            return acronym;
        }
        if (length <= 2) {
            return false;
        }
        if (length == 3) {
            return written.equals(name.spelling());
        }
        return name.label() || !ORDINARY_WORDS.contains(Taxonomy.normalize(name.spelling()));
    }
}
