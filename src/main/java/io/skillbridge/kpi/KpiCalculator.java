package io.skillbridge.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.skillbridge.skills.match.GapAnalysis;
import io.skillbridge.skills.roles.RoleProfile;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The five outcome KPIs over one snapshot, each one pass over its arrays. The definitions, with their edge cases, are
 * the README's "KPIs" section; the comments here only say why the code follows them the way it does.
 */
public final class KpiCalculator {

    /** Voluntary completions in the year before the period that make a high-potential "highly engaged". */
    public static final int HIGH_ENGAGEMENT_COMPLETIONS = 3;
    /** A move whose required level (importance-weighted mean) changes by less than this is lateral. */
    static final double LATERAL_BAND = 0.25;
    private static final double DAYS_PER_MONTH = 365.2425 / 12;
    private static final double EPSILON = 1e-9;

    /** Which days and which org units a computation covers; {@code orgs} null means all (and unplaced facts). */
    public record Scope(LocalDate from, LocalDate to, BitSet orgs) {

        boolean covers(int org) {
            return orgs == null || org >= 0 && orgs.get(org);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FillRate(int filled, int internal, int external, Double ratePercent) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Proficiency(int starts, int withoutRequirements, int reached, int notYet, Integer medianDays,
                              Integer p75Days, Map<String, PathStat> byLearningPath) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PathStat(int reached, Integer medianDays, Integer p75Days) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Retention(int cohort, int retained, Double ratePercent, Cohort highEngagement, Cohort lowEngagement) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Cohort(int cohort, int retained, Double ratePercent) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GapClosure(Coverage start, Coverage end, Double change, List<Breakdown> byOrgUnit,
                             List<Breakdown> bySkill) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Coverage(LocalDate date, int people, Double coveragePercent) {
    }

    /** Coverage of one org unit's people, or credit in one skill, at the period's start and end. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Breakdown(String id, String name, int peopleAtStart, Double start, int peopleAtEnd, Double end,
                            Double change) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Mobility(int moves, Double medianMonthsInRole, int upward, int lateral, int downward, int unranked,
                           Double upwardSharePercent, Double lateralSharePercent, Double downwardSharePercent) {
    }

    public record KpiSet(FillRate internalFillRate, Proficiency timeToProficiency, Retention highPotentialRetention,
                         GapClosure skillsGapClosure, Mobility mobilityVelocity) {
    }

    private final KpiSnapshot s;
    private final GapAnalysis gaps;
    private final Taxonomy taxonomy;

    public KpiCalculator(KpiSnapshot snapshot, GapAnalysis gaps, Taxonomy taxonomy) {
        this.s = snapshot;
        this.gaps = gaps;
        this.taxonomy = taxonomy;
    }

    public KpiSnapshot snapshot() {
        return s;
    }

    public KpiSet all(Scope scope) {
        return new KpiSet(fillRate(scope), timeToProficiency(scope), retention(scope), gapClosure(scope),
                mobility(scope));
    }

    public FillRate fillRate(Scope scope) {
        int from = KpiSnapshot.day(scope.from());
        int to = KpiSnapshot.day(scope.to());
        int filled = 0;
        int internal = 0;
        for (int r = 0; r < s.reqFilled.length; r++) {
            if (s.reqFilled[r] >= from && s.reqFilled[r] <= to && scope.covers(s.reqOrg[r])) {
                filled++;
                internal += s.reqInternal[r] ? 1 : 0;
            }
        }
        return new FillRate(filled, internal, filled - internal, percent(internal, filled));
    }

    public Proficiency timeToProficiency(Scope scope) {
        int from = KpiSnapshot.day(scope.from());
        int to = KpiSnapshot.day(scope.to());
        ProficiencyTally t = overPeople(ProficiencyTally::new, (tally, p) -> {
            for (int r = s.rowFrom[p]; r < s.rowFrom[p + 1]; r = stintEnd(p, r) + 1) {
                int start = s.rowStart[r];
                if (start < from || start > to || s.rowRole[r] < 0 || !scope.covers(s.rowOrg[r])) {
                    continue;
                }
                tally.starts++;
                RoleProfile role = s.roleProfiles[s.rowRole[r]];
                if (role == null || !role.assessable()) {
                    tally.without++;
                    continue;
                }
                int last = Math.min(s.rowEnd[stintEnd(p, r)], s.asOf);
                int reachedOn = proficientOn(p, role, start, last);
                if (reachedOn >= 0) {
                    tally.all.add(reachedOn - start);
                    tally.byPath[learningPath(p, start, reachedOn)].add(reachedOn - start);
                }
            }
        }, ProficiencyTally::merge);
        Map<String, PathStat> paths = new LinkedHashMap<>();
        for (int i = 0; i < PATHS.length; i++) {
            IntList days = t.byPath[i];
            paths.put(PATHS[i], new PathStat(days.size(), days.percentile(0.5), days.percentile(0.75)));
        }
        return new Proficiency(t.starts, t.without, t.all.size(), t.starts - t.without - t.all.size(),
                t.all.percentile(0.5), t.all.percentile(0.75), paths);
    }

    /** What the stints of a share of the people added up to. */
    private static final class ProficiencyTally {
        int starts;
        int without;
        final IntList all = new IntList();
        final IntList[] byPath = {new IntList(), new IntList(), new IntList(), new IntList()};

        ProficiencyTally merge(ProficiencyTally o) {
            starts += o.starts;
            without += o.without;
            all.addAll(o.all);
            for (int i = 0; i < byPath.length; i++) {
                byPath[i].addAll(o.byPath[i]);
            }
            return this;
        }
    }

    /** The last row of the person's run of contiguous rows in the same role that {@code r} starts. */
    private int stintEnd(int p, int r) {
        int e = r;
        while (e + 1 < s.rowFrom[p + 1] && s.rowRole[e + 1] == s.rowRole[r] && s.rowEnd[e] != KpiSnapshot.OPEN
                && s.rowStart[e + 1] <= s.rowEnd[e] + 1) {
            e++;
        }
        return e;
    }

    /** The first day in [start, last] on which every counted requirement is met at once, or -1. */
    private int proficientOn(int p, RoleProfile role, int start, int last) {
        int n = role.size();
        boolean[] met = new boolean[n];
        int metCount = 0;
        int counted = 0;
        IntList events = new IntList();
        for (int i = 0; i < n; i++) {
            if (role.importance()[i] <= 0) {
                continue;
            }
            counted++;
            met[i] = s.levelOn(p, role.skills()[i], start) >= role.required()[i] - EPSILON;
            metCount += met[i] ? 1 : 0;
            for (int c = s.levelFrom[p]; c < s.levelFrom[p + 1]; c++) {
                if (s.levelSkill[c] == role.skills()[i] && s.levelDay[c] > start && s.levelDay[c] <= last) {
                    events.add(c);
                }
            }
        }
        if (metCount == counted) {
            return start;
        }
        int[] changes = events.sortedBy(c -> s.levelDay[c]);
        for (int e = 0; e < changes.length; e++) {
            int c = changes[e];
            for (int i = 0; i < n; i++) {
                if (role.importance()[i] > 0 && role.skills()[i] == s.levelSkill[c]) {
                    boolean now = s.level[c] >= role.required()[i] - EPSILON;
                    metCount += (now ? 1 : 0) - (met[i] ? 1 : 0);
                    met[i] = now;
                }
            }
            // every change of one day lands before the day is judged
            boolean dayEnds = e + 1 == changes.length || s.levelDay[changes[e + 1]] != s.levelDay[c];
            if (dayEnds && metCount == counted) {
                return s.levelDay[c];
            }
        }
        return -1;
    }

    /** The learning paths, indexed as {@link #learningPath} answers. */
    private static final String[] PATHS = {"none", "assigned", "self-directed", "blended"};

    private int learningPath(int p, int from, int to) {
        int voluntary = 0;
        int assigned = 0;
        for (int l = s.learningFrom[p]; l < s.learningFrom[p + 1]; l++) {
            if (s.learningDay[l] >= from && s.learningDay[l] <= to) {
                if (s.learningAssigned[l]) {
                    assigned++;
                } else {
                    voluntary++;
                }
            }
        }
        if (voluntary > 0) {
            return assigned > 0 ? 3 : 2;
        }
        return assigned > 0 ? 1 : 0;
    }

    public Retention retention(Scope scope) {
        int from = KpiSnapshot.day(scope.from());
        int to = KpiSnapshot.day(scope.to());
        int[] cohort = new int[2];
        int[] retained = new int[2];
        for (int p = 0; p < s.people(); p++) {
            if (!s.highPotential[p]) {
                continue;
            }
            int row = s.rowOn(p, from);
            if (row < 0 || !scope.covers(s.rowOrg[row])) {
                continue;
            }
            int engaged = voluntaryCompletions(p, from - 365, from - 1) >= HIGH_ENGAGEMENT_COMPLETIONS ? 1 : 0;
            cohort[engaged]++;
            retained[engaged] += s.rowOn(p, to) >= 0 ? 1 : 0;
        }
        int all = cohort[0] + cohort[1];
        int kept = retained[0] + retained[1];
        return new Retention(all, kept, percent(kept, all),
                new Cohort(cohort[1], retained[1], percent(retained[1], cohort[1])),
                new Cohort(cohort[0], retained[0], percent(retained[0], cohort[0])));
    }

    private int voluntaryCompletions(int p, int from, int to) {
        int n = 0;
        for (int l = s.learningFrom[p]; l < s.learningFrom[p + 1]; l++) {
            n += !s.learningAssigned[l] && s.learningDay[l] >= from && s.learningDay[l] <= to ? 1 : 0;
        }
        return n;
    }

    public GapClosure gapClosure(Scope scope) {
        int from = KpiSnapshot.day(scope.from());
        int to = KpiSnapshot.day(scope.to());
        Coverages c = overPeople(Coverages::new, (sums, p) -> {
            sums.add(p, from, scope, sums.start);
            sums.add(p, to, scope, sums.end);
        }, Coverages::merge);
        List<Breakdown> byOrg = new ArrayList<>();
        for (int o = 0; o < s.orgIds.length; o++) {
            if (c.start[0].count[o] + c.end[0].count[o] > 0) {
                byOrg.add(breakdown(s.orgIds[o], s.orgNames[o], c.start[0], c.end[0], o));
            }
        }
        List<Breakdown> bySkill = new ArrayList<>();
        for (int k = 0; k < taxonomy.size(); k++) {
            if (c.start[1].count[k] + c.end[1].count[k] > 0) {
                Skill skill = taxonomy.skill(k);
                bySkill.add(breakdown(skill.id(), skill.label(), c.start[1], c.end[1], k));
            }
        }
        Double a = c.start[2].mean(0);
        Double b = c.end[2].mean(0);
        return new GapClosure(new Coverage(scope.from(), c.start[2].count[0], a),
                new Coverage(scope.to(), c.end[2].count[0], b), change(a, b), byOrg, bySkill);
    }

    private static Breakdown breakdown(String id, String name, Sums start, Sums end, int i) {
        Double a = start.mean(i);
        Double b = end.mean(i);
        return new Breakdown(id, name, start.count[i], a, end.count[i], b, change(a, b));
    }

    /** Coverage sums at the period's start and end: by org unit, by skill (credit x 100), and overall. */
    private final class Coverages {
        final Sums[] start = {new Sums(s.orgIds.length), new Sums(taxonomy.size()), new Sums(1)};
        final Sums[] end = {new Sums(s.orgIds.length), new Sums(taxonomy.size()), new Sums(1)};

        /** The person's coverage of their role on a day, as the gap analysis scores it. */
        void add(int p, int day, Scope scope, Sums[] into) {
            int row = s.rowOn(p, day);
            if (row < 0 || s.rowRole[row] < 0 || !scope.covers(s.rowOrg[row])) {
                return;
            }
            RoleProfile role = s.roleProfiles[s.rowRole[row]];
            if (role == null || !role.assessable()) {
                return;
            }
            GapAnalysis.Result result = gaps.analyse(s.profileOn(p, day), role);
            into[2].add(0, result.coverage());
            if (s.rowOrg[row] >= 0) {
                into[0].add(s.rowOrg[row], result.coverage());
            }
            for (GapAnalysis.Met m : result.met()) {
                if (m.importance() > 0) {
                    into[1].add(m.skill(), 100);
                }
            }
            for (GapAnalysis.Missing m : result.missing()) {
                if (m.importance() > 0) {
                    into[1].add(m.skill(), 100 * m.credit());
                }
            }
        }

        Coverages merge(Coverages o) {
            for (int i = 0; i < start.length; i++) {
                start[i].addAll(o.start[i]);
                end[i].addAll(o.end[i]);
            }
            return this;
        }
    }

    private interface PersonWork<A> {
        void run(A tally, int person);
    }

    /**
     * Runs a per-person pass in slices of the people on the common fork-join pool and merges what each slice
     * tallied: time to proficiency and coverage are the two passes heavy enough to gain from every core.
     */
    private <A> A overPeople(Supplier<A> fresh, PersonWork<A> work, BinaryOperator<A> merge) {
        int n = s.people();
        int slices = Math.max(1, Math.min(n / 1000, 4 * Runtime.getRuntime().availableProcessors()));
        return IntStream.range(0, slices).parallel().mapToObj(slice -> {
            A tally = fresh.get();
            for (int p = (int) ((long) n * slice / slices); p < (long) n * (slice + 1) / slices; p++) {
                work.run(tally, p);
            }
            return tally;
        }).reduce(merge).orElseGet(fresh);
    }

    public Mobility mobility(Scope scope) {
        int from = KpiSnapshot.day(scope.from());
        int to = KpiSnapshot.day(scope.to());
        IntList daysInRole = new IntList();
        int[] kinds = new int[4];
        for (int p = 0; p < s.people(); p++) {
            int roleSince = -1;
            for (int r = s.rowFrom[p]; r < s.rowFrom[p + 1]; r++) {
                boolean continues = r > s.rowFrom[p] && s.rowEnd[r - 1] != KpiSnapshot.OPEN
                        && s.rowStart[r] <= s.rowEnd[r - 1] + 1;
                boolean move = continues && s.rowRole[r] != s.rowRole[r - 1] && s.rowRole[r] >= 0 && s.rowRole[r - 1] >= 0;
                if (move && s.rowStart[r] >= from && s.rowStart[r] <= to && scope.covers(s.rowOrg[r - 1])) {
                    daysInRole.add(s.rowStart[r] - roleSince);
                    kinds[direction(s.rowRole[r - 1], s.rowRole[r])]++;
                }
                if (!continues || s.rowRole[r] != s.rowRole[r - 1]) {
                    roleSince = s.rowStart[r];
                }
            }
        }
        int ranked = kinds[0] + kinds[1] + kinds[2];
        Integer medianDays = daysInRole.percentile(0.5);
        return new Mobility(daysInRole.size(), medianDays == null ? null : round1(medianDays / DAYS_PER_MONTH),
                kinds[0], kinds[1], kinds[2], kinds[3], percent(kinds[0], ranked), percent(kinds[1], ranked),
                percent(kinds[2], ranked));
    }

    /** 0 upward, 1 lateral, 2 downward, 3 unranked: by job level first, then by required level. */
    private int direction(int fromRole, int toRole) {
        int a = s.roleLevelRank[fromRole];
        int b = s.roleLevelRank[toRole];
        if (a >= 0 && b >= 0 && a != b) {
            return b > a ? 0 : 2;
        }
        double ra = requiredLevel(s.roleProfiles[fromRole]);
        double rb = requiredLevel(s.roleProfiles[toRole]);
        if (!Double.isNaN(ra) && !Double.isNaN(rb)) {
            return rb - ra >= LATERAL_BAND ? 0 : ra - rb >= LATERAL_BAND ? 2 : 1;
        }
        return a >= 0 && a == b ? 1 : 3;
    }

    /** The importance-weighted mean required level; NaN for a role without counted requirements. */
    static double requiredLevel(RoleProfile role) {
        if (role == null) {
            return Double.NaN;
        }
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < role.size(); i++) {
            weighted += role.importance()[i] * role.required()[i];
            total += role.importance()[i];
        }
        return total == 0 ? Double.NaN : weighted / total;
    }

    private static Double percent(int part, int whole) {
        return whole == 0 ? null : round1(100.0 * part / whole);
    }

    private static Double change(Double a, Double b) {
        return a == null || b == null ? null : round1(b - a);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Running sums and counts per index, for means. */
    private static final class Sums {
        final double[] sum;
        final int[] count;

        Sums(int size) {
            sum = new double[size];
            count = new int[size];
        }

        void add(int i, double v) {
            sum[i] += v;
            count[i]++;
        }

        void addAll(Sums o) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += o.sum[i];
                count[i] += o.count[i];
            }
        }

        Double mean(int i) {
            return count[i] == 0 ? null : round1(sum[i] / count[i]);
        }
    }

    /** A growable int array with the nearest-rank percentile the README defines. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        void addAll(IntList o) {
            for (int i = 0; i < o.size; i++) {
                add(o.values[i]);
            }
        }

        /** The value at rank ceil(q x n) of the sorted values; null when empty. */
        Integer percentile(double q) {
            if (size == 0) {
                return null;
            }
            int[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[Math.max(1, (int) Math.ceil(q * size)) - 1];
        }

        interface Key {
            int of(int value);
        }

        /** The values ordered by a key, keeping the order they were added among equal keys. */
        int[] sortedBy(Key key) {
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                packed[i] = (long) key.of(values[i]) << 32 | i;
            }
            Arrays.sort(packed);
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                out[i] = values[(int) packed[i]];
            }
            return out;
        }
    }
}
