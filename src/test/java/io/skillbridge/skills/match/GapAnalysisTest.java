package io.skillbridge.skills.match;

import io.skillbridge.skills.index.PersonProfile;
import io.skillbridge.skills.roles.RoleProfile;
import io.skillbridge.skills.taxonomy.Taxonomy;
import io.skillbridge.skills.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class GapAnalysisTest {

    static Taxonomy taxonomy;
    static GapAnalysis gaps;

    @BeforeAll
    static void taxonomy(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("skills.csv"), """
                id,label,domain,broader,aliases,related,uri,description
                customer-service,Customer Service,customer,,,customer-success:0.6,,
                customer-success,Customer Success,customer,,,,,
                account-management,Account Management,customer,,,,,
                sql,SQL,data,,,,,
                """);
        taxonomy = TaxonomyLoader.load(dir);
        gaps = new GapAnalysis(taxonomy, 0.5);
    }

    static PersonProfile person(Map<String, Double> levels) {
        Map<Integer, Double> sorted = new TreeMap<>();
        levels.forEach((id, level) -> sorted.put(taxonomy.byId(id).orElseThrow().ordinal(), level));
        int[] skills = sorted.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] lv = new float[skills.length];
        float[] conf = new float[skills.length];
        int i = 0;
        for (double l : sorted.values()) {
            conf[i] = 0.8f;
            lv[i++] = (float) l;
        }
        return new PersonProfile(skills, lv, conf);
    }

    static RoleProfile role(Object... skillLevelImportance) {
        int n = skillLevelImportance.length / 3;
        int[] skills = new int[n];
        double[] required = new double[n];
        double[] importance = new double[n];
        for (int i = 0; i < n; i++) {
            skills[i] = taxonomy.byId((String) skillLevelImportance[3 * i]).orElseThrow().ordinal();
            required[i] = ((Number) skillLevelImportance[3 * i + 1]).doubleValue();
            importance[i] = ((Number) skillLevelImportance[3 * i + 2]).doubleValue();
        }
        return new RoleProfile("test:R", "Role", "Family", true, skills, required, importance, "config");
    }

    @Test
    void coverageIsTheImportanceWeightedMeanOfPartialCredits() {
        // sql 2 of 4 earns 0.5 at importance 3; account management 3 of 3 earns 1 at importance 1
        GapAnalysis.Result r = gaps.analyse(person(Map.of("sql", 2.0, "account-management", 3.0)),
                role("sql", 4, 3, "account-management", 3, 1));

        assertThat(r.coverage()).isEqualTo(62.5);
        assertThat(r.missing()).singleElement().satisfies(m -> {
            assertThat(m.current()).isEqualTo(2.0);
            assertThat(m.required()).isEqualTo(4.0);
            assertThat(m.delta()).isEqualTo(2.0);
        });
        assertThat(r.met()).hasSize(1);
    }

    @Test
    void aLevelAboveTheRequirementEarnsNoMoreThanMeetingIt() {
        GapAnalysis.Result r = gaps.analyse(person(Map.of("sql", 5.0)), role("sql", 3, 2, "account-management", 2, 2));

        assertThat(r.coverage()).isEqualTo(50.0);
    }

    @Test
    void aRelatedSkillEarnsCappedCreditScaledByItsWeight() {
        // customer service 4 for customer success 4: weight 0.6 x 1 = 0.6, capped at 0.5
        GapAnalysis.Result strong = gaps.analyse(person(Map.of("customer-service", 4.0)), role("customer-success", 4, 1));
        // customer service 2 for customer success 4: 0.6 x 0.5 = 0.3
        GapAnalysis.Result weak = gaps.analyse(person(Map.of("customer-service", 2.0)), role("customer-success", 4, 1));

        assertThat(strong.coverage()).isEqualTo(50.0);
        assertThat(weak.coverage()).isEqualTo(30.0);
        assertThat(weak.missing().get(0).relatedSkill()).isEqualTo(taxonomy.byId("customer-service").orElseThrow().ordinal());
    }

    @Test
    void theSkillsOwnPartialCreditWinsWhenItIsBetterThanTheRelatedOne() {
        GapAnalysis.Result r = gaps.analyse(person(Map.of("customer-success", 3.0, "customer-service", 4.0)),
                role("customer-success", 4, 1));

        assertThat(r.coverage()).isEqualTo(75.0);
        assertThat(r.missing().get(0).relatedSkill()).isEqualTo(-1);
    }

    @Test
    void aRoleWithoutRequirementsIsFullyCoveredAndNotAssessable() {
        RoleProfile empty = role();
        GapAnalysis.Result r = gaps.analyse(person(Map.of("sql", 3.0)), empty);

        assertThat(r.coverage()).isEqualTo(100.0);
        assertThat(r.missing()).isEmpty();
        assertThat(empty.assessable()).isFalse();
    }

    @Test
    void importanceZeroIsListedButDoesNotCount() {
        RoleProfile role = role("sql", 3, 0, "account-management", 2, 1);
        GapAnalysis.Result r = gaps.analyse(person(Map.of("account-management", 2.0)), role);

        assertThat(r.coverage()).isEqualTo(100.0);
        assertThat(r.missing()).singleElement().satisfies(m -> assertThat(m.importance()).isZero());
        assertThat(role("sql", 3, 0).assessable()).isFalse();
    }

    @Test
    void aRequiredLevelOfZeroIsAlwaysMet() {
        assertThat(gaps.analyse(PersonProfile.EMPTY, role("sql", 0, 2)).coverage()).isEqualTo(100.0);
    }

    @Test
    void withdrawnEvidenceThatLeavesNoLevelLeavesNoCredit() {
        // the profile a recompute gives once the only evidence for sql is withdrawn: the skill is gone
        assertThat(gaps.analyse(PersonProfile.EMPTY, role("sql", 3, 1)).coverage()).isEqualTo(0.0);
    }

    @Test
    void missingSkillsComeLargestGapFirst() {
        GapAnalysis.Result r = gaps.analyse(PersonProfile.EMPTY, role("sql", 3, 1, "account-management", 3, 5));

        assertThat(r.missing()).extracting(m -> taxonomy.skill(m.skill()).id())
                .containsExactly("account-management", "sql");
        assertThat(r.gapSize()).isEqualTo(18.0);
    }
}
