package io.skillbridge.skills.match;

import io.skillbridge.skills.index.PersonFacts;
import io.skillbridge.skills.index.PersonProfile;
import io.skillbridge.skills.index.ProfileIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who has these skills: people who reach every requested minimum level, ranked by how far above the minimums they
 * are (mean level over the requested skills), then by confidence.
 *
 * <p>The walk starts from the requested skill with the fewest qualified people (its posting list, highest level
 * first) and checks the other skills in each candidate's own profile, so a search costs the rarest skill's holders,
 * not the whole company.
 */
public final class TalentSearch {

    /** A requested skill: a taxonomy ordinal and the minimum level. */
    public record Wanted(int skill, double minLevel) {
    }

    /** A person who qualifies, with their level of each requested skill (in request order). */
    public record Hit(int person, double score, double confidence, double[] levels) {
    }

    public record Result(int total, List<Hit> hits) {
    }

    private final ProfileIndex index;

    public TalentSearch(ProfileIndex index) {
        this.index = index;
    }

    /**
     * @param filter     the person facts filter (org unit subtree, location, active only)
     * @param offset     hits to skip, for paging
     * @param limit      hits to return
     */
    public Result search(List<Wanted> wanted, Predicate<PersonFacts> filter, int offset, int limit) {
        Comparator<Hit> rank = Comparator.comparingDouble(Hit::score).thenComparingDouble(Hit::confidence)
                .thenComparing(Hit::person, Comparator.reverseOrder());
        PriorityQueue<Hit> best = new PriorityQueue<>(rank);
        int keep = offset + limit;
        int[] total = {0};
        Wanted rarest = null;
        for (Wanted w : wanted) {
            if (w.minLevel() > 0 && (rarest == null
                    || index.countWithSkill(w.skill(), w.minLevel()) < index.countWithSkill(rarest.skill(), rarest.minLevel()))) {
                rarest = w;
            }
        }
        java.util.function.IntPredicate consider = person -> {
            PersonProfile profile = index.profile(person);
            double[] levels = new double[wanted.size()];
            double sum = 0;
            double confidence = 0;
            for (int i = 0; i < wanted.size(); i++) {
                Wanted w = wanted.get(i);
                levels[i] = profile.level(w.skill());
                if (levels[i] < w.minLevel() - 1e-6) {
                    return true;
                }
                sum += levels[i];
                confidence += profile.confidence(w.skill());
            }
            if (!filter.test(index.facts(person))) {
                return true;
            }
            total[0]++;
            Hit hit = new Hit(person, round(sum / wanted.size()), round(confidence / wanted.size()), levels);
            if (best.size() < keep) {
                best.add(hit);
            } else if (rank.compare(hit, best.peek()) > 0) {
                best.poll();
                best.add(hit);
            }
            return true;
        };
        if (rarest != null) {
            index.withSkill(rarest.skill(), rarest.minLevel(), consider);
        } else {
            for (int p = 0, n = index.size(); p < n; p++) {
                consider.test(p);
            }
        }
        List<Hit> ranked = new ArrayList<>(best);
        ranked.sort(rank.reversed());
        return new Result(total[0], ranked.subList(Math.min(offset, ranked.size()), ranked.size()));
    }

    /** A filter on the facts every search can ask for. */
    public static Predicate<PersonFacts> filter(Set<String> orgUnits, String location, boolean activeOnly) {
        return p -> (!activeOnly || p.active())
                && (orgUnits == null || (p.orgUnitId() != null && orgUnits.contains(p.orgUnitId())))
                && (location == null || location.equalsIgnoreCase(p.location()));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
