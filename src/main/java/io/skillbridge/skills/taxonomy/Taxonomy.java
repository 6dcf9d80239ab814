package io.skillbridge.skills.taxonomy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded skills taxonomy: skills by id and by any of their names, with the related-skill graph as arrays the
 * gap arithmetic can walk without allocating.
 */
public final class Taxonomy {

    private final String version;
    private final String checksum;
    private final List<Skill> skills;
    private final Map<String, Skill> byId = new HashMap<>();
    private final Map<String, Skill> byName = new HashMap<>();
    private final int[][] relatedOrdinals;
    private final double[][] relatedWeights;

    Taxonomy(String version, String checksum, List<Skill> skills) {
        this.version = version;
        this.checksum = checksum;
        this.skills = List.copyOf(skills);
        for (Skill s : skills) {
            byId.put(s.id(), s);
        }
        for (Skill s : skills) {
            byName.putIfAbsent(normalize(s.id()), s);
            byName.putIfAbsent(normalize(s.label()), s);
            s.aliases().forEach(a -> byName.putIfAbsent(normalize(a), s));
        }
        relatedOrdinals = new int[skills.size()][];
        relatedWeights = new double[skills.size()][];
        for (Skill s : skills) {
            int[] ords = new int[s.related().size()];
            double[] weights = new double[ords.length];
            int i = 0;
            for (Map.Entry<String, Double> r : s.related().entrySet()) {
                ords[i] = byId.get(r.getKey()).ordinal();
                weights[i++] = r.getValue();
            }
            relatedOrdinals[s.ordinal()] = ords;
            relatedWeights[s.ordinal()] = weights;
        }
    }

    /**
     * A name as provider tags and users write it, reduced to what identifies it: case, spacing and punctuation do
     * not count, but the signs that tell languages apart do (C++, C#, F#).
     */
    public static String normalize(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("++", "plusplus").replace("#", "sharp");
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    public String version() {
        return version;
    }

    public String checksum() {
        return checksum;
    }

    public int size() {
        return skills.size();
    }

    public List<Skill> skills() {
        return skills;
    }

    public Skill skill(int ordinal) {
        return skills.get(ordinal);
    }

    public Optional<Skill> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** A skill by its id, label or one of its aliases, however spaced, cased and punctuated. */
    public Optional<Skill> resolve(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        Skill exact = byId.get(idOrName);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(byName.get(normalize(idOrName)));
    }

    /** The skills related to the one at {@code ordinal}, as ordinals; weights at the same index of {@link #relatedWeights}. */
    public int[] relatedOrdinals(int ordinal) {
        return relatedOrdinals[ordinal];
    }

    public double[] relatedWeights(int ordinal) {
        return relatedWeights[ordinal];
    }

    public Collection<Skill> children(String broaderId) {
        return skills.stream().filter(s -> broaderId.equals(s.broaderId())).toList();
    }
}
