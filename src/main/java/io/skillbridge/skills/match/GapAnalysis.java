package io.skillbridge.skills.match;

import io.skillbridge.skills.index.PersonProfile;
import io.skillbridge.skills.roles.RoleProfile;
import io.skillbridge.skills.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How far a person is from a role.
 *
 * <p>Each requirement earns a credit between 0 and 1: the person's level over the required level, capped at 1
 * (a level above the requirement earns no more than meeting it; a requirement of level 0 is always met). A related
 * skill can stand in for a missing one, at most {@code relatedCreditCap} of the requirement, scaled by the relation's
 * weight: {@code min(cap, weight x min(1, level(related) / required))}; the requirement takes the better of its own
 * and its best related credit. Coverage is the importance-weighted mean of the credits, 0-100; requirements of
 * importance 0 are listed but do not count. A role that requires nothing with importance is 100% covered.
 */
public final class GapAnalysis {

    /** A requirement the person does not meet yet. */
    public record Missing(int skill, double current, double required, double importance, double credit,
                          int relatedSkill, double relatedLevel) {

        public double delta() {
            return Math.max(0, required - current);
        }
    }

    /** A requirement the person meets. */
    public record Met(int skill, double current, double required, double importance) {
    }

    public record Result(double coverage, double totalImportance, List<Met> met, List<Missing> missing) {

        /** The size of the gap: importance-weighted level still to gain. */
        public double gapSize() {
            return missing.stream().mapToDouble(m -> m.delta() * m.importance()).sum();
        }
    }

    private final Taxonomy taxonomy;
    private final double relatedCreditCap;

    public GapAnalysis(Taxonomy taxonomy, double relatedCreditCap) {
        this.taxonomy = taxonomy;
        this.relatedCreditCap = relatedCreditCap;
    }

    public Result analyse(PersonProfile person, RoleProfile role) {
        List<Met> met = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < role.size(); i++) {
            int skill = role.skills()[i];
            double required = role.required()[i];
            double importance = role.importance()[i];
            double current = person.level(skill);
            double credit = credit(current, required);
            if (credit >= 1) {
                met.add(new Met(skill, current, required, importance));
            } else {
                int bestRelated = -1;
                double bestRelatedLevel = 0;
                double relatedCredit = 0;
                int[] related = taxonomy.relatedOrdinals(skill);
                double[] weights = taxonomy.relatedWeights(skill);
                for (int r = 0; r < related.length; r++) {
                    double level = person.level(related[r]);
                    double c = Math.min(relatedCreditCap, weights[r] * credit(level, required));
                    if (c > relatedCredit) {
                        relatedCredit = c;
                        bestRelated = related[r];
                        bestRelatedLevel = level;
                    }
                }
                if (relatedCredit > credit) {
                    credit = relatedCredit;
                } else {
                    bestRelated = -1;
                }
                missing.add(new Missing(skill, current, required, importance, credit, bestRelated, bestRelatedLevel));
            }
            weighted += importance * credit;
            total += importance;
        }
        missing.sort(Comparator.comparingDouble((Missing m) -> m.importance() * (1 - m.credit())).reversed());
        double coverage = total == 0 ? 100 : Math.round(weighted / total * 1000) / 10.0;
        return new Result(coverage, total, met, missing);
    }

    private static double credit(double level, double required) {
        return required <= 0 ? 1 : Math.min(1, level / required);
    }
}
