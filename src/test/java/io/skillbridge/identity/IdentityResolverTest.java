package io.skillbridge.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.canonical.WorkerRecord;
import io.skillbridge.identity.IdentityResolver.Ambiguous;
import io.skillbridge.identity.IdentityResolver.Created;
import io.skillbridge.identity.IdentityResolver.Linked;
import io.skillbridge.identity.IdentityResolver.Matched;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityResolverTest {

    static final List<String> KEYS = List.of("employeeId", "workEmail");

    static WorkerRecord worker(String id, String employeeId, String email) throws Exception {
        return WorkerRecord.from(new ObjectMapper().readTree("""
                {"externalId": "%s", "employeeId": %s, "workEmail": %s, "status": "active"}
                """.formatted(id, employeeId == null ? "null" : "\"" + employeeId + "\"", email == null ? "null" : "\"" + email + "\"")));
    }

    static IdentityResolver resolver(Map<String, String> linked, Map<String, Set<String>> byEmployeeId,
                                     Map<String, Set<String>> byEmail, Map<String, String> inSystem) {
        return new IdentityResolver("bamboohr", KEYS, linked, byEmployeeId, byEmail, inSystem);
    }

    @Test
    void aRecordAlreadyLinkedKeepsItsPersonWhateverItsKeysSay() throws Exception {
        IdentityResolver r = resolver(Map.of("123", "p1"), Map.of(), Map.of("x@acme.io", Set.of("p2")), Map.of());

        assertThat(r.resolve(worker("123", null, "x@acme.io"))).isEqualTo(new Linked("p1"));
    }

    @Test
    void aNewRecordJoinsThePersonItsNormalizedEmailPointsAt() throws Exception {
        IdentityResolver r = resolver(Map.of(), Map.of(), Map.of("ann.lee@acme.io", Set.of("p1")), Map.of());

        assertThat(r.resolve(worker("9", null, "  Ann.Lee@ACME.io"))).isEqualTo(new Matched("p1", "workEmail"));
    }

    @Test
    void keysThatPointAtTwoPeopleAreAmbiguousNeverMerged() throws Exception {
        IdentityResolver r = resolver(Map.of(), Map.of("E7", Set.of("p1")), Map.of("ann@acme.io", Set.of("p2")), Map.of());

        assertThat(r.resolve(worker("9", "E7", "ann@acme.io"))).isInstanceOfSatisfying(Ambiguous.class,
                a -> assertThat(a.candidates()).containsExactly("p1", "p2"));
    }

    @Test
    void aPersonWhoAlreadyHasARecordInTheSameSystemIsNotTakenByAnother() throws Exception {
        IdentityResolver r = resolver(Map.of(), Map.of(), Map.of("ann@acme.io", Set.of("p1")), Map.of("p1", "123"));

        assertThat(r.resolve(worker("456", null, "ann@acme.io"))).isInstanceOfSatisfying(Ambiguous.class,
                a -> assertThat(a.reason()).contains("already has bamboohr record 123"));
    }

    @Test
    void noMatchCreatesAPersonAndLaterRecordsOfThePageSeeIt() throws Exception {
        IdentityResolver r = resolver(Map.of(), Map.of(), Map.of(), Map.of());

        Created first = (Created) r.resolve(worker("1", "E1", "ann@acme.io"));

        assertThat(java.util.UUID.fromString(first.personId()).version()).isEqualTo(7);
        assertThat(r.resolve(worker("1", "E1", "ann@acme.io"))).isEqualTo(new Linked(first.personId()));
        assertThat(r.resolve(worker("2", null, "ANN@acme.io"))).isInstanceOf(Ambiguous.class);
    }

    @Test
    void anUnknownMatchingKeyIsRefused() {
        assertThatThrownBy(() -> new IdentityResolver("x", List.of("ssn"), Map.of(), Map.of(), Map.of(), Map.of()))
                .hasMessageContaining("matchBy: unknown key 'ssn'");
    }
}
