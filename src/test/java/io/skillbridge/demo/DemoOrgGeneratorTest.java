package io.skillbridge.demo;

import io.skillbridge.demo.DemoOrgGenerator.DemoOrg;
import io.skillbridge.demo.DemoOrgGenerator.Person;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoOrgGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private final DemoOrg org = new DemoOrgGenerator(DemoOrgGenerator.DEFAULT_SEED, AS_OF).generate();

    @Test
    void sameSeedSameCompany() {
        DemoOrg again = new DemoOrgGenerator(DemoOrgGenerator.DEFAULT_SEED, AS_OF).generate();
        assertThat(again).isEqualTo(org);
        assertThat(new DemoOrgGenerator(1L, AS_OF).generate().people()).isNotEqualTo(org.people());
    }

    @Test
    void aboutTwoThousandPeopleWithFamiliesAndLadders() {
        assertThat(org.people()).hasSizeBetween(1900, 2100);
        assertThat(org.jobProfiles()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(org.jobProfiles()).extracting(DemoOrgGenerator.JobProfile::title).contains(
                "Customer Support Representative I", "Customer Support Representative II",
                "Customer Support Representative III", "Customer Success Manager", "Data Analyst I",
                "Data Analyst II", "BI Developer", "BI Analyst");
        assertThat(org.jobProfiles()).extracting(DemoOrgGenerator.JobProfile::family).contains("Customer Service",
                "Analytics", "Engineering", "Sales", "Human Resources", "Finance", "Operations");
        assertThat(org.people()).extracting(Person::email).doesNotHaveDuplicates()
                .allMatch(e -> e.matches("[a-z'.]+[0-9]*@acme\\.example"));
    }

    @Test
    void managersFormATreeAndEveryUnitHasAManager() {
        long roots = org.people().stream().filter(p -> p.managerIndex() < 0).count();
        assertThat(roots).isEqualTo(1);
        for (Person p : org.people()) {
            Set<Integer> seen = new HashSet<>();
            for (int m = p.index(); m >= 0; m = org.people().get(m).managerIndex()) {
                assertThat(seen.add(m)).as("cycle through person %d", p.index()).isTrue();
            }
        }
        assertThat(org.orgUnits()).allSatisfy(u -> {
            assertThat(org.people().get(u.managerIndex()).orgCode()).isEqualTo(u.code());
            if (u.parentCode() != null) {
                assertThat(org.orgUnits()).anyMatch(parent -> parent.code().equals(u.parentCode()));
            }
        });
        assertThat(org.orgUnits().stream().map(u -> depth(u.code())).max(Integer::compare).orElseThrow())
                .isGreaterThanOrEqualTo(3);
    }

    private int depth(String code) {
        String parent = org.orgUnit(code).parentCode();
        return parent == null ? 1 : 1 + depth(parent);
    }

    @Test
    void terminationsPreHiresHighPotentialsAndHistory() {
        int n = org.people().size();
        long terminated = org.people().stream().filter(Person::terminated).count();
        long preHires = org.people().stream().filter(p -> p.hireDate().isAfter(AS_OF)).count();
        long highPotentials = org.people().stream().filter(Person::highPotential).count();
        assertThat(terminated).isBetween(n * 5L / 100, n * 11L / 100);
        assertThat(preHires).isBetween(5L, n * 3L / 100);
        assertThat(highPotentials).isBetween(n * 7L / 100, n * 13L / 100);
        assertThat(org.people()).filteredOn(Person::terminated).allSatisfy(p -> {
            assertThat(p.terminationDate()).isAfter(p.hireDate()).isBefore(AS_OF);
        });
        assertThat(org.people().stream().map(Person::hireDate).min(LocalDate::compareTo).orElseThrow())
                .isBefore(AS_OF.minusYears(12));
        assertThat(org.people()).filteredOn(p -> !p.history().isEmpty()).hasSizeGreaterThan(n / 5)
                .allSatisfy(p -> {
                    assertThat(p.history()).hasSizeBetween(1, 4);
                    assertThat(p.history().get(0).start()).isEqualTo(p.hireDate());
                    assertThat(p.effectiveDate()).isEqualTo(p.history().get(p.history().size() - 1).end()
                            .plusDays(1));
                });
    }

    @Test
    void brightlineOverlapsWorkdayByWorkEmailWrittenDifferently() {
        long bamboo = org.people().stream().filter(Person::inBamboohr).count();
        long both = org.people().stream().filter(p -> p.inBamboohr() && p.inWorkday()).count();
        assertThat(bamboo).isBetween(450L, 550L);
        assertThat(both).isEqualTo(150);
        assertThat(org.people()).allMatch(p -> p.inWorkday() || p.inBamboohr());
        assertThat(org.people()).filteredOn(p -> p.inBamboohr() && p.inWorkday()).allSatisfy(p -> {
            assertThat(p.workdayEmail()).isNotEqualTo(p.bamboohrEmail());
            assertThat(p.workdayEmail().trim().toLowerCase(Locale.ROOT))
                    .isEqualTo(p.bamboohrEmail().trim().toLowerCase(Locale.ROOT));
            assertThat(p.workdayId()).isNotEqualTo(p.bamboohrId());
        });
    }
}
