package io.skillbridge.skills.match;

import io.skillbridge.skills.index.PersonFacts;
import io.skillbridge.skills.index.PersonProfile;
import io.skillbridge.skills.index.ProfileIndex;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TalentSearchTest {

    static final int SQL = 0;
    static final int PYTHON = 1;
    static final int EXCEL = 2;

    private final ProfileIndex index = new ProfileIndex(3);
    private final TalentSearch search = new TalentSearch(index);

    private void person(String id, String status, String unit, String location, int[] skills, float[] levels) {
        index.putFacts(List.of(new PersonFacts(id, id, status, unit, "r", location)));
        float[] confidence = new float[skills.length];
        java.util.Arrays.fill(confidence, 0.8f);
        index.putProfiles(Map.of(id, new PersonProfile(skills, levels, confidence)));
    }

    private List<String> ids(TalentSearch.Result r) {
        return r.hits().stream().map(h -> index.facts(h.person()).id()).toList();
    }

    @Test
    void peopleWhoReachEveryMinimumRankByMeanLevel() {
        person("ana", "active", "u1", "Austin", new int[]{SQL, PYTHON}, new float[]{4, 3});
        person("ben", "active", "u1", "Austin", new int[]{SQL, PYTHON}, new float[]{5, 4});
        person("cy", "active", "u2", "Denver", new int[]{SQL}, new float[]{5});
        person("dee", "active", "u2", "Denver", new int[]{SQL, PYTHON}, new float[]{2, 5});

        TalentSearch.Result r = search.search(List.of(new TalentSearch.Wanted(SQL, 3), new TalentSearch.Wanted(PYTHON, 3)),
                TalentSearch.filter(null, null, true), 0, 10);

        assertThat(ids(r)).containsExactly("ben", "ana");
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.hits().get(0).score()).isEqualTo(4.5);
    }

    @Test
    void filtersOnOrgUnitsLocationAndActivity() {
        person("ana", "active", "u1", "Austin", new int[]{SQL}, new float[]{4});
        person("ben", "terminated", "u1", "Austin", new int[]{SQL}, new float[]{5});
        person("cy", "active", "u2", "Denver", new int[]{SQL}, new float[]{5});

        List<TalentSearch.Wanted> sql = List.of(new TalentSearch.Wanted(SQL, 3));
        assertThat(ids(search.search(sql, TalentSearch.filter(Set.of("u1"), null, true), 0, 10))).containsExactly("ana");
        assertThat(ids(search.search(sql, TalentSearch.filter(Set.of("u1"), null, false), 0, 10))).containsExactly("ben", "ana");
        assertThat(ids(search.search(sql, TalentSearch.filter(null, "denver", true), 0, 10))).containsExactly("cy");
    }

    @Test
    void aMinimumOfZeroAsksNothingAndPagingCutsTheRanking() {
        person("ana", "active", "u1", "Austin", new int[]{EXCEL}, new float[]{1});
        person("ben", "active", "u1", "Austin", new int[]{}, new float[]{});
        person("cy", "active", "u1", "Austin", new int[]{EXCEL}, new float[]{3});

        TalentSearch.Result all = search.search(List.of(new TalentSearch.Wanted(EXCEL, 0)), TalentSearch.filter(null, null, true), 0, 10);
        TalentSearch.Result second = search.search(List.of(new TalentSearch.Wanted(EXCEL, 0)), TalentSearch.filter(null, null, true), 1, 1);

        assertThat(ids(all)).containsExactly("cy", "ana", "ben");
        assertThat(ids(second)).containsExactly("ana");
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void aRecomputedProfileMovesThePersonInTheSkillsPostings() {
        person("ana", "active", "u1", "Austin", new int[]{SQL}, new float[]{4});
        index.putProfiles(Map.of("ana", PersonProfile.EMPTY));

        assertThat(search.search(List.of(new TalentSearch.Wanted(SQL, 1)), TalentSearch.filter(null, null, true), 0, 10).total())
                .isZero();
        assertThat(index.countWithSkill(SQL, 0)).isZero();
    }
}
