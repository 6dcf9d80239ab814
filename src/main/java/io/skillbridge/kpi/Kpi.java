package io.skillbridge.kpi;

import io.skillbridge.kpi.KpiCalculator.Scope;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The KPIs as a deck shows them: a name for the URL, the figures of one period as CSV columns, and the headline figure
 * a chart draws.
 */
public enum Kpi {

    INTERNAL_FILL_RATE("internal-fill-rate", "Internal fill rate", "ratePercent", "% of filled roles", (c, s) -> {
        KpiCalculator.FillRate f = c.fillRate(s);
        return row("filled", f.filled(), "internal", f.internal(), "external", f.external(), "ratePercent", f.ratePercent());
    }),
    TIME_TO_PROFICIENCY("time-to-proficiency", "Time to proficiency (median)", "medianDays", "days", (c, s) -> {
        KpiCalculator.Proficiency p = c.timeToProficiency(s);
        return row("starts", p.starts(), "reached", p.reached(), "notYet", p.notYet(), "withoutRequirements",
                p.withoutRequirements(), "medianDays", p.medianDays(), "p75Days", p.p75Days());
    }),
    HIGH_POTENTIAL_RETENTION("high-potential-retention", "Retention of high-potentials", "ratePercent", "% retained",
            (c, s) -> {
                KpiCalculator.Retention r = c.retention(s);
                return row("cohort", r.cohort(), "retained", r.retained(), "ratePercent", r.ratePercent(),
                        "highEngagementRatePercent", r.highEngagement().ratePercent(), "lowEngagementRatePercent",
                        r.lowEngagement().ratePercent());
            }),
    SKILLS_GAP_CLOSURE("skills-gap-closure", "Skills coverage of current roles", "coverageAtEnd", "% coverage",
            (c, s) -> {
                KpiCalculator.GapClosure g = c.gapClosure(s);
                return row("peopleAtStart", g.start().people(), "coverageAtStart", g.start().coveragePercent(),
                        "peopleAtEnd", g.end().people(), "coverageAtEnd", g.end().coveragePercent(), "change", g.change());
            }),
    MOBILITY_VELOCITY("mobility-velocity", "Months in role before a move (median)", "medianMonthsInRole", "months",
            (c, s) -> {
                KpiCalculator.Mobility m = c.mobility(s);
                return row("moves", m.moves(), "medianMonthsInRole", m.medianMonthsInRole(), "upwardSharePercent",
                        m.upwardSharePercent(), "lateralSharePercent", m.lateralSharePercent(), "downwardSharePercent",
                        m.downwardSharePercent());
            });

    private final String slug;
    private final String title;
    private final String headline;
    private final String unit;
    private final BiFunction<KpiCalculator, Scope, Map<String, Object>> figures;

    Kpi(String slug, String title, String headline, String unit,
        BiFunction<KpiCalculator, Scope, Map<String, Object>> figures) {
        this.slug = slug;
        this.title = title;
        this.headline = headline;
        this.unit = unit;
        this.figures = figures;
    }

    public static Optional<Kpi> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The figure a chart draws, one of the {@link #figures} columns. */
    public String headline() {
        return headline;
    }

    public String unit() {
        return unit;
    }

    /** The period's figures, in CSV column order. */
    public Map<String, Object> figures(KpiCalculator calculator, Scope scope) {
        return figures.apply(calculator, scope);
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
