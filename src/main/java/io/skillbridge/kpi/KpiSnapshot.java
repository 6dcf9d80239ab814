package io.skillbridge.kpi;

import io.skillbridge.skills.index.PersonProfile;
import io.skillbridge.skills.roles.RoleProfile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history the KPIs read, held as primitive columns indexed by person: employment rows, level changes and learning
 * completions of one person sit next to each other, so every KPI is one pass over arrays (see
 * docs/adr/0002-kpis-from-an-in-memory-columnar-snapshot.md). Dates are epoch days; an open end is
 * {@link #OPEN}. Immutable once built.
 */
public final class KpiSnapshot {

    /** An end date that has not come: an open employment row, a requisition not filled. */
    public static final int OPEN = Integer.MAX_VALUE;
    /** Days before 1970 back to 1860 still sort: the packed sort key holds day + this bias in 17 bits. */
    private static final int DAY_BIAS = 40_000;

    final int asOf;
    final String[] personIds;
    final boolean[] highPotential;

    /** Employment rows by person, in start order: {@code rowFrom[p] .. rowFrom[p + 1]}. */
    final int[] rowFrom;
    final int[] rowRole;
    final int[] rowOrg;
    final int[] rowStart;
    final int[] rowEnd;

    /** Level changes by person, then skill ordinal, then time: {@code levelFrom[p] .. levelFrom[p + 1]}. */
    final int[] levelFrom;
    final int[] levelSkill;
    final int[] levelDay;
    final float[] level;

    /** Completed learning by person, in day order. */
    final int[] learningFrom;
    final int[] learningDay;
    final boolean[] learningAssigned;

    final String[] roleIds;
    /** Null where the role has no requirements the catalog knows. */
    final RoleProfile[] roleProfiles;
    /** The job level's place on the management ladder, -1 where the level word is unknown. */
    final int[] roleLevelRank;

    final String[] orgIds;
    final String[] orgNames;
    final int[] orgParent;

    final int[] reqRole;
    final int[] reqOrg;
    final int[] reqFilled;
    final boolean[] reqInternal;

    private final Map<String, Integer> orgIndex;

    private KpiSnapshot(Builder b) {
        asOf = (int) b.asOf.toEpochDay();
        personIds = b.personIds.toArray(new String[0]);
        int n = personIds.length;
        highPotential = Arrays.copyOf(b.highPotential, n);

        int[] byPerson = groupByPerson(b.rowPerson, b.rowCount, n, null, b.rowStart);
        rowFrom = offsets(b.rowPerson, b.rowCount, n);
        rowRole = permute(b.rowRole, byPerson);
        rowOrg = permute(b.rowOrg, byPerson);
        rowStart = permute(b.rowStart, byPerson);
        rowEnd = permute(b.rowEnd, byPerson);

        byPerson = groupByPerson(b.levelPerson, b.levelCount, n, b.levelSkill, b.levelDay);
        levelFrom = offsets(b.levelPerson, b.levelCount, n);
        levelSkill = permute(b.levelSkill, byPerson);
        levelDay = permute(b.levelDay, byPerson);
        level = new float[byPerson.length];
        for (int i = 0; i < byPerson.length; i++) {
            level[i] = b.level[byPerson[i]];
        }

        byPerson = groupByPerson(b.learningPerson, b.learningCount, n, null, b.learningDay);
        learningFrom = offsets(b.learningPerson, b.learningCount, n);
        learningDay = permute(b.learningDay, byPerson);
        learningAssigned = new boolean[byPerson.length];
        for (int i = 0; i < byPerson.length; i++) {
            learningAssigned[i] = b.learningAssigned.get(byPerson[i]);
        }

        roleIds = b.roleIds.toArray(new String[0]);
        roleProfiles = b.roleProfiles.toArray(new RoleProfile[0]);
        roleLevelRank = b.roleLevelRank.stream().mapToInt(Integer::intValue).toArray();
        orgIds = b.orgIds.toArray(new String[0]);
        orgNames = b.orgNames.toArray(new String[0]);
        orgIndex = Map.copyOf(b.orgIndex);
        orgParent = new int[orgIds.length];
        for (int o = 0; o < orgIds.length; o++) {
            String parent = b.orgParentIds.get(o);
            orgParent[o] = parent == null ? -1 : b.orgIndex.getOrDefault(parent, -1);
        }
        reqRole = Arrays.copyOf(b.reqRole, b.reqCount);
        reqOrg = Arrays.copyOf(b.reqOrg, b.reqCount);
        reqFilled = Arrays.copyOf(b.reqFilled, b.reqCount);
        reqInternal = Arrays.copyOf(b.reqInternal, b.reqCount);
    }

    public int people() {
        return personIds.length;
    }

    public LocalDate asOf() {
        return LocalDate.ofEpochDay(asOf);
    }

    public boolean hasOrgUnit(String id) {
        return orgIndex.containsKey(id);
    }

    public int orgIndex(String id) {
        return orgIndex.get(id);
    }

    public String orgName(String id) {
        return orgNames[orgIndex.get(id)];
    }

    /** The ids of the units in a set of org indexes (all units for null), by name. */
    public List<String> orgUnits(BitSet orgs) {
        List<String> ids = new ArrayList<>();
        for (int o = 0; o < orgIds.length; o++) {
            if (orgs == null || orgs.get(o)) {
                ids.add(orgIds[o]);
            }
        }
        ids.sort(java.util.Comparator.comparing(this::orgName, java.util.Comparator.nullsLast(String::compareTo)));
        return ids;
    }

    /** The unit and every unit below it, as a set of org indexes. */
    public BitSet subtree(String orgUnitId) {
        BitSet set = new BitSet(orgIds.length);
        set.set(orgIndex.get(orgUnitId));
        // parents may be listed after their children: repeat until no unit joins
        for (boolean grew = true; grew; ) {
            grew = false;
            for (int o = 0; o < orgParent.length; o++) {
                if (!set.get(o) && orgParent[o] >= 0 && set.get(orgParent[o])) {
                    set.set(o);
                    grew = true;
                }
            }
        }
        return set;
    }

    /** The person's employment row on a day, or -1. */
    int rowOn(int person, int day) {
        for (int r = rowFrom[person]; r < rowFrom[person + 1]; r++) {
            if (rowStart[r] <= day && day <= rowEnd[r]) {
                return r;
            }
        }
        return -1;
    }

    /** The person's level in a skill at the end of a day: the last change on or before it, 0 without one. */
    double levelOn(int person, int skill, int day) {
        double found = 0;
        for (int i = levelFrom[person]; i < levelFrom[person + 1] && levelSkill[i] <= skill; i++) {
            if (levelSkill[i] == skill && levelDay[i] <= day) {
                found = level[i];
            }
        }
        return found;
    }

    /** Everything the person holds at the end of a day, as the gap analysis reads a profile. */
    PersonProfile profileOn(int person, int day) {
        int from = levelFrom[person];
        int to = levelFrom[person + 1];
        int[] skills = new int[to - from];
        float[] levels = new float[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (levelDay[i] > day) {
                continue;
            }
            if (n > 0 && skills[n - 1] == levelSkill[i]) {
                levels[n - 1] = level[i];
            } else {
                skills[n] = levelSkill[i];
                levels[n++] = level[i];
            }
        }
        return new PersonProfile(Arrays.copyOf(skills, n), Arrays.copyOf(levels, n), new float[n]);
    }

    /**
     * Row indexes ordered by person, and within a person by {@code primary} (may be null) then day then the order
     * they were added (the later of two changes on one day wins): a counting sort by person, then one primitive sort
     * of each person's few rows on a packed key (primary: 16 bits, day: 17 bits from 1860 to 2219, position: 30 bits).
     */
    private static int[] groupByPerson(int[] person, int count, int people, int[] primary, int[] day) {
        int[] from = offsets(person, count, people);
        int[] next = Arrays.copyOf(from, people);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[next[person[i]]++] = i;
        }
        long[] keys = new long[16];
        for (int p = 0; p < people; p++) {
            int a = from[p];
            int n = from[p + 1] - a;
            if (n < 2) {
                continue;
            }
            if (keys.length < n) {
                keys = new long[n * 2];
            }
            for (int i = 0; i < n; i++) {
                int row = order[a + i];
                long first = primary == null ? 0 : primary[row];
                keys[i] = first << 47 | (long) Math.min(Math.max(day[row] + DAY_BIAS, 0), (1 << 17) - 1) << 30 | i;
            }
            Arrays.sort(keys, 0, n);
            int[] rows = Arrays.copyOfRange(order, a, a + n);
            for (int i = 0; i < n; i++) {
                order[a + i] = rows[(int) (keys[i] & ((1 << 30) - 1))];
            }
        }
        return order;
    }

    private static int[] offsets(int[] person, int count, int people) {
        int[] from = new int[people + 1];
        for (int i = 0; i < count; i++) {
            from[person[i] + 1]++;
        }
        for (int p = 0; p < people; p++) {
            from[p + 1] += from[p];
        }
        return from;
    }

    private static int[] permute(int[] values, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    static int day(LocalDate date) {
        return date == null ? OPEN : (int) date.toEpochDay();
    }

    /**
     * Collects the history row by row, in any order, with the store's string ids; {@link #build()} indexes it. Rows
     * naming a person, role or unit the builder was not told of are skipped, like a join would.
     */
    public static final class Builder {

        private final LocalDate asOf;
        private final List<String> personIds = new ArrayList<>();
        private final Map<String, Integer> personIndex = new HashMap<>();
        private boolean[] highPotential = new boolean[1024];

        private int rowCount;
        private int[] rowPerson = new int[1024];
        private int[] rowRole = new int[1024];
        private int[] rowOrg = new int[1024];
        private int[] rowStart = new int[1024];
        private int[] rowEnd = new int[1024];

        private int levelCount;
        private int[] levelPerson = new int[1024];
        private int[] levelSkill = new int[1024];
        private int[] levelDay = new int[1024];
        private float[] level = new float[1024];

        private int learningCount;
        private int[] learningPerson = new int[1024];
        private int[] learningDay = new int[1024];
        private final BitSet learningAssigned = new BitSet();

        private final List<String> roleIds = new ArrayList<>();
        private final Map<String, Integer> roleIndex = new HashMap<>();
        private final List<RoleProfile> roleProfiles = new ArrayList<>();
        private final List<Integer> roleLevelRank = new ArrayList<>();

        private final List<String> orgIds = new ArrayList<>();
        private final List<String> orgNames = new ArrayList<>();
        private final List<String> orgParentIds = new ArrayList<>();
        private final Map<String, Integer> orgIndex = new HashMap<>();

        private int reqCount;
        private int[] reqRole = new int[256];
        private int[] reqOrg = new int[256];
        private int[] reqFilled = new int[256];
        private boolean[] reqInternal = new boolean[256];

        public Builder(LocalDate asOf) {
            this.asOf = asOf;
        }

        public Builder person(String id, boolean isHighPotential) {
            int p = personIds.size();
            personIndex.put(id, p);
            personIds.add(id);
            if (p == highPotential.length) {
                highPotential = Arrays.copyOf(highPotential, p * 2);
            }
            highPotential[p] = isHighPotential;
            return this;
        }

        /** @param requirements null when the catalog has none for the role */
        public Builder role(String id, String level, RoleProfile requirements) {
            roleIndex.put(id, roleIds.size());
            roleIds.add(id);
            roleProfiles.add(requirements);
            roleLevelRank.add(JobLevels.rank(level));
            return this;
        }

        public Builder orgUnit(String id, String name, String parentId) {
            orgIndex.put(id, orgIds.size());
            orgIds.add(id);
            orgNames.add(name);
            orgParentIds.add(parentId);
            return this;
        }

        /** @param end the last day, null while the row is open */
        public Builder employment(String person, String role, String orgUnit, LocalDate start, LocalDate end) {
            Integer p = personIndex.get(person);
            if (p == null || start == null) {
                return this;
            }
            if (rowCount == rowPerson.length) {
                int size = rowCount * 2;
                rowPerson = Arrays.copyOf(rowPerson, size);
                rowRole = Arrays.copyOf(rowRole, size);
                rowOrg = Arrays.copyOf(rowOrg, size);
                rowStart = Arrays.copyOf(rowStart, size);
                rowEnd = Arrays.copyOf(rowEnd, size);
            }
            rowPerson[rowCount] = p;
            rowRole[rowCount] = role == null ? -1 : roleIndex.getOrDefault(role, -1);
            rowOrg[rowCount] = orgUnit == null ? -1 : orgIndex.getOrDefault(orgUnit, -1);
            rowStart[rowCount] = day(start);
            rowEnd[rowCount++] = day(end);
            return this;
        }

        /** A change of level, in the order they happened for changes on the same day. */
        public Builder levelChange(String person, int skillOrdinal, double newLevel, LocalDate on) {
            Integer p = personIndex.get(person);
            if (p == null) {
                return this;
            }
            if (levelCount == levelPerson.length) {
                int size = levelCount * 2;
                levelPerson = Arrays.copyOf(levelPerson, size);
                levelSkill = Arrays.copyOf(levelSkill, size);
                levelDay = Arrays.copyOf(levelDay, size);
                level = Arrays.copyOf(level, size);
            }
            levelPerson[levelCount] = p;
            levelSkill[levelCount] = skillOrdinal;
            levelDay[levelCount] = day(on);
            level[levelCount++] = (float) newLevel;
            return this;
        }

        public Builder completion(String person, LocalDate on, boolean assigned) {
            Integer p = personIndex.get(person);
            if (p == null || on == null) {
                return this;
            }
            if (learningCount == learningPerson.length) {
                learningPerson = Arrays.copyOf(learningPerson, learningCount * 2);
                learningDay = Arrays.copyOf(learningDay, learningCount * 2);
            }
            learningPerson[learningCount] = p;
            learningAssigned.set(learningCount, assigned);
            learningDay[learningCount++] = day(on);
            return this;
        }

        /** A filled requisition (open and cancelled ones count in no KPI). */
        public Builder filledRequisition(String role, String orgUnit, LocalDate filled, boolean internal) {
            if (reqCount == reqRole.length) {
                int size = reqCount * 2;
                reqRole = Arrays.copyOf(reqRole, size);
                reqOrg = Arrays.copyOf(reqOrg, size);
                reqFilled = Arrays.copyOf(reqFilled, size);
                reqInternal = Arrays.copyOf(reqInternal, size);
            }
            reqRole[reqCount] = role == null ? -1 : roleIndex.getOrDefault(role, -1);
            reqOrg[reqCount] = orgUnit == null ? -1 : orgIndex.getOrDefault(orgUnit, -1);
            reqFilled[reqCount] = day(filled);
            reqInternal[reqCount++] = internal;
            return this;
        }

        public KpiSnapshot build() {
            return new KpiSnapshot(this);
        }
    }
}
