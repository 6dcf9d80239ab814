package io.skillbridge.kpi;

import io.skillbridge.kpi.KpiCalculator.Scope;
import io.skillbridge.skills.match.GapAnalysis;
import io.skillbridge.skills.roles.RoleProfile;
import io.skillbridge.skills.taxonomy.Taxonomy;
import io.skillbridge.skills.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five KPIs on a hand-built org of eight people over 2025, every expected value worked out by hand in the
 * comments. Skills sql, budgeting and negotiation are not related to each other, so no related-skill credit blurs
 * the coverage arithmetic.
 */
class KpiCalculatorTest {

    static final LocalDate FROM = LocalDate.parse("2025-01-01");
    static final LocalDate TO = LocalDate.parse("2025-12-31");

    static Taxonomy taxonomy;
    static KpiSnapshot snapshot;
    static KpiCalculator kpis;

    @BeforeAll
    static void org() {
        taxonomy = TaxonomyLoader.load(Path.of("config/taxonomy"));
        int sql = ordinal("sql");
        int budgeting = ordinal("budgeting");
        int negotiation = ordinal("negotiation");
        KpiSnapshot.Builder b = new KpiSnapshot.Builder(LocalDate.parse("2026-06-30"))
                .orgUnit("t:root", "Acme", null).orgUnit("t:cs", "Customer Service", "t:root")
                .orgUnit("t:an", "Analytics", "t:root")
                // required level (importance-weighted mean): analyst 8/3, senior 11/3, planner 8/3, clerk 2
                .role("t:analyst", "Individual Contributor", role("t:analyst", new int[]{sql, budgeting},
                        new double[]{3, 2}, new double[]{2, 1}))
                .role("t:senior", "Individual Contributor", role("t:senior", new int[]{sql, budgeting, negotiation},
                        new double[]{4, 3, 2}, new double[]{2, 1, 0}))
                .role("t:planner", "Individual Contributor", role("t:planner", new int[]{sql, budgeting},
                        new double[]{2, 3}, new double[]{1, 2}))
                .role("t:clerk", "Individual Contributor", role("t:clerk", new int[]{budgeting},
                        new double[]{2}, new double[]{1}))
                .role("t:manager", "Manager", role("t:manager", new int[]{negotiation}, new double[]{3},
                        new double[]{1}))
                .role("t:intern", null, null);
        for (String p : new String[]{"A", "B", "C"}) {
            b.person(p, true);
        }
        for (String p : new String[]{"D", "E", "F", "G", "H"}) {
            b.person(p, false);
        }
        // A: analyst, promoted to senior on 2025-04-01 after 821 days; meets the senior levels on 2025-06-20
        b.employment("A", "t:analyst", "t:cs", d("2023-01-01"), d("2025-03-31"))
                .employment("A", "t:senior", "t:cs", d("2025-04-01"), null)
                .levelChange("A", budgeting, 2, d("2023-03-01")).levelChange("A", sql, 3, d("2023-06-01"))
                .levelChange("A", sql, 4, d("2025-05-10")).levelChange("A", budgeting, 3, d("2025-06-20"))
                .completion("A", d("2024-02-01"), false).completion("A", d("2024-05-01"), false)
                .completion("A", d("2024-09-01"), false)
                .completion("A", d("2025-05-01"), false).completion("A", d("2025-06-01"), true);
        // B: leaves on 2025-06-30 and rejoins as an analyst on 2025-09-01, already meeting its levels
        b.employment("B", "t:clerk", "t:an", d("2020-01-01"), d("2025-06-30"))
                .employment("B", "t:analyst", "t:an", d("2025-09-01"), null)
                .levelChange("B", sql, 3, d("2021-01-01")).levelChange("B", budgeting, 2, d("2021-01-01"))
                .completion("B", d("2024-03-01"), false);
        // C: leaves on 2025-02-28; half the sql an analyst needs
        b.employment("C", "t:analyst", "t:cs", d("2024-01-01"), d("2025-02-28"))
                .levelChange("C", sql, 1.5, d("2024-02-01")).levelChange("C", budgeting, 2, d("2024-02-01"));
        // D: an intern (a role without requirements), then a clerk from 2025-08-01, proficient on 2025-10-15
        b.employment("D", "t:intern", "t:an", d("2025-02-01"), d("2025-07-31"))
                .employment("D", "t:clerk", "t:an", d("2025-08-01"), null)
                .levelChange("D", budgeting, 1, d("2025-09-01")).levelChange("D", budgeting, 2, d("2025-10-15"))
                .completion("D", d("2025-09-10"), true);
        // E: manager at the root all along, negotiation 1.5 then 3 from 2025-07-01
        b.employment("E", "t:manager", "t:root", d("2015-01-01"), null)
                .levelChange("E", negotiation, 1.5, d("2020-01-01")).levelChange("E", negotiation, 3, d("2025-07-01"));
        // F: moves on the period's first day (after 1,096 days as analyst) to manager, proficient after 59 days
        b.employment("F", "t:analyst", "t:an", d("2022-01-01"), d("2024-12-31"))
                .employment("F", "t:manager", "t:an", d("2025-01-01"), null)
                .levelChange("F", negotiation, 3, d("2025-03-01"));
        // G: no skills; moves the day after the period ends
        b.employment("G", "t:senior", "t:cs", d("2023-01-01"), d("2025-12-31"))
                .employment("G", "t:analyst", "t:cs", d("2026-01-01"), null);
        // H: lateral move analyst -> planner on 2025-06-15 after 379 days; never reaches budgeting 3
        b.employment("H", "t:analyst", "t:cs", d("2024-06-01"), d("2025-06-14"))
                .employment("H", "t:planner", "t:cs", d("2025-06-15"), null)
                .levelChange("H", sql, 3, d("2024-07-01")).levelChange("H", budgeting, 2, d("2024-07-01"));
        b.filledRequisition("t:senior", "t:cs", d("2025-04-01"), true)
                .filledRequisition("t:clerk", "t:an", d("2025-08-01"), true)
                .filledRequisition("t:analyst", "t:an", d("2025-09-01"), false)
                .filledRequisition("t:intern", "t:an", d("2025-02-01"), false)
                .filledRequisition("t:analyst", "t:cs", d("2024-12-31"), true)
                .filledRequisition("t:analyst", "t:cs", d("2026-01-01"), true);
        snapshot = b.build();
        kpis = new KpiCalculator(snapshot, new GapAnalysis(taxonomy, 0.5), taxonomy);
    }

    @Test
    void internalFillRateCountsFillsInsideThePeriodOnly() {
        // 4 fills in 2025 (2024-12-31 and 2026-01-01 are outside), 2 of them internal
        assertThat(kpis.fillRate(year())).isEqualTo(new KpiCalculator.FillRate(4, 2, 2, 50.0));
        assertThat(kpis.fillRate(new Scope(FROM, TO, snapshot.subtree("t:cs"))))
                .isEqualTo(new KpiCalculator.FillRate(1, 1, 0, 100.0));
        // the root's subtree is everyone
        assertThat(kpis.fillRate(new Scope(FROM, TO, snapshot.subtree("t:root"))).filled()).isEqualTo(4);
    }

    @Test
    void noFillsInThePeriodIsNoRateRatherThanZero() {
        assertThat(kpis.fillRate(new Scope(d("2023-01-01"), d("2023-12-31"), null)))
                .isEqualTo(new KpiCalculator.FillRate(0, 0, 0, null));
    }

    @Test
    void timeToProficiencyFollowsEachStintStartedInThePeriod() {
        KpiCalculator.Proficiency p = kpis.timeToProficiency(year());
        // starts: A senior, B analyst (rejoin), D intern, D clerk, F manager, H planner; the intern role requires
        // nothing; H never reaches budgeting 3. Reached: B 0, F 59, D 75, A 80 days.
        assertThat(p.starts()).isEqualTo(6);
        assertThat(p.withoutRequirements()).isEqualTo(1);
        assertThat(p.reached()).isEqualTo(4);
        assertThat(p.notYet()).isEqualTo(1);
        assertThat(p.medianDays()).isEqualTo(59);   // nearest rank: ceil(0.5 x 4) = 2nd of 0, 59, 75, 80
        assertThat(p.p75Days()).isEqualTo(75);      // ceil(0.75 x 4) = 3rd
        assertThat(p.byLearningPath().get("none")).isEqualTo(new KpiCalculator.PathStat(2, 0, 59));
        assertThat(p.byLearningPath().get("assigned")).isEqualTo(new KpiCalculator.PathStat(1, 75, 75));
        assertThat(p.byLearningPath().get("blended")).isEqualTo(new KpiCalculator.PathStat(1, 80, 80));
        assertThat(p.byLearningPath().get("self-directed")).isEqualTo(new KpiCalculator.PathStat(0, null, null));
    }

    @Test
    void retentionCountsTheRejoinerAsStillEmployedAndSplitsByEngagement() {
        KpiCalculator.Retention r = kpis.retention(year());
        // high-potentials employed on 2025-01-01: A, B, C; on 2025-12-31: A and B (rejoined), not C
        assertThat(r.cohort()).isEqualTo(3);
        assertThat(r.retained()).isEqualTo(2);
        assertThat(r.ratePercent()).isEqualTo(66.7);
        // only A completed 3 voluntary items in 2024
        assertThat(r.highEngagement()).isEqualTo(new KpiCalculator.Cohort(1, 1, 100.0));
        assertThat(r.lowEngagement()).isEqualTo(new KpiCalculator.Cohort(2, 1, 50.0));
        // to 2025-07-01: B had left (last day 2025-06-30) and not yet rejoined
        assertThat(kpis.retention(new Scope(FROM, d("2025-07-01"), null)).retained()).isEqualTo(1);
    }

    @Test
    void gapClosureComparesCoverageOfCurrentRolesAtStartAndEnd() {
        KpiCalculator.GapClosure g = kpis.gapClosure(year());
        // start: A 100, B 100, C 66.7, E 50, F 0, G 0, H 100 -> 416.7 / 7
        assertThat(g.start().people()).isEqualTo(7);
        assertThat(g.start().coveragePercent()).isEqualTo(59.5);
        // end: A 100, B 100, D 100, E 100, F 100, G 0, H 77.8 (planner: (2/3 x 2 + 1) / 3) -> 577.8 / 7
        assertThat(g.end().people()).isEqualTo(7);
        assertThat(g.end().coveragePercent()).isEqualTo(82.5);
        assertThat(g.change()).isEqualTo(23.0);
        assertThat(g.byOrgUnit()).filteredOn(u -> u.id().equals("t:cs")).singleElement()
                .isEqualTo(new KpiCalculator.Breakdown("t:cs", "Customer Service", 4, 66.7, 3, 59.3, -7.4));
        // sql at the start: A 100, C 50, G 0, H 100; at the end: A, B, H (planner needs 2) 100, G 0
        assertThat(g.bySkill()).filteredOn(s -> s.id().equals("sql")).singleElement()
                .isEqualTo(new KpiCalculator.Breakdown("sql", "SQL", 4, 62.5, 4, 75.0, 12.5));
        // negotiation counts for managers only: the senior role lists it with importance 0
        assertThat(g.bySkill()).filteredOn(s -> s.id().equals("negotiation")).singleElement()
                .extracting(KpiCalculator.Breakdown::peopleAtStart).isEqualTo(2);
    }

    @Test
    void mobilityCountsMovesOnTheBoundaryAndRanksThem() {
        KpiCalculator.Mobility m = kpis.mobility(year());
        // A up after 821 days, D intern -> clerk (unranked) after 181, F up on 2025-01-01 after 1,096, H lateral after
        // 379; G's move on 2026-01-01 is outside and B's rejoin is no move. Median: 2nd of 181, 379, 821, 1096
        assertThat(m.moves()).isEqualTo(4);
        assertThat(m.medianMonthsInRole()).isEqualTo(12.5);
        assertThat(m).extracting("upward", "lateral", "downward", "unranked").containsExactly(2, 1, 0, 1);
        assertThat(m.upwardSharePercent()).isEqualTo(66.7);
        assertThat(m.lateralSharePercent()).isEqualTo(33.3);
        assertThat(kpis.mobility(new Scope(d("2025-01-02"), TO, null)).moves()).isEqualTo(3);
        assertThat(kpis.mobility(new Scope(FROM, d("2026-01-01"), null)).moves()).isEqualTo(5);
        // moves out of Analytics: D after 181 days and F after 1,096
        KpiCalculator.Mobility analytics = kpis.mobility(new Scope(FROM, TO, snapshot.subtree("t:an")));
        assertThat(analytics.moves()).isEqualTo(2);
        assertThat(analytics.medianMonthsInRole()).isEqualTo(5.9);
    }

    @Test
    void monthlyPeriodsCutTheRangeAtItsEnds() {
        assertThat(KpiService.months(new Scope(d("2025-01-15"), d("2025-03-10"), null)))
                .extracting(Scope::from, Scope::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(d("2025-01-15"), d("2025-01-31")),
                        org.assertj.core.groups.Tuple.tuple(d("2025-02-01"), d("2025-02-28")),
                        org.assertj.core.groups.Tuple.tuple(d("2025-03-01"), d("2025-03-10")));
    }

    private static Scope year() {
        return new Scope(FROM, TO, null);
    }

    private static int ordinal(String id) {
        return taxonomy.byId(id).orElseThrow().ordinal();
    }

    private static RoleProfile role(String id, int[] skills, double[] required, double[] importance) {
        return new RoleProfile(id, id, "test", true, skills, required, importance, "config");
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
