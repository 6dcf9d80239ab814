package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the hub reads what mappings return: HR feeds as they really are. */
class WorkerRecordTest {

    static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void emptyStringsAndZeroDatesAreMissingAndDatesKeepTheirOwnZone() throws Exception {
        WorkerRecord w = WorkerRecord.from(json("""
                {"externalId": "21001", "status": "Active", "givenName": "", "hireDate": "2019-03-18T23:30:00-08:00",
                 "terminationDate": "0000-00-00", "originalHireDate": "", "highPotential": "1",
                 "updatedAt": "2026-11-20T08:15:02.114-08:00", "somethingElse": {"ignored": true}}
                """));

        assertThat(w.status()).isEqualTo("active");
        assertThat(w.givenName()).isNull();
        assertThat(w.hireDate()).isEqualTo(LocalDate.of(2019, 3, 18));
        assertThat(w.terminationDate()).isNull();
        assertThat(w.originalHireDate()).isNull();
        assertThat(w.highPotential()).isTrue();
        assertThat(w.updatedAt()).isEqualTo(Instant.parse("2026-11-20T16:15:02.114Z"));
    }

    @Test
    void theContentHashIgnoresTheSourceTimestampButNotTheData() throws Exception {
        String base = "{\"externalId\": \"1\", \"status\": \"active\", \"workEmail\": \"a@b.io\", \"updatedAt\": \"%s\"}";
        WorkerRecord a = WorkerRecord.from(json(base.formatted("2026-01-01T00:00:00Z")));
        WorkerRecord b = WorkerRecord.from(json(base.formatted("2026-02-01T00:00:00Z")));
        WorkerRecord c = WorkerRecord.from(json(base.replace("a@b.io", "c@b.io").formatted("2026-01-01T00:00:00Z")));

        assertThat(a.contentHash()).isEqualTo(b.contentHash()).isNotEqualTo(c.contentHash());
    }

    @Test
    void aDeletionNeedsOnlyItsId() throws Exception {
        WorkerRecord w = WorkerRecord.from(json("{\"externalId\": \"118\", \"deleted\": true}"));

        assertThat(w.deleted()).isTrue();
        assertThat(w.status()).isNull();
    }

    @Test
    void invalidValuesNameTheirField() {
        assertThatThrownBy(() -> WorkerRecord.from(json("{\"status\": \"active\"}")))
                .hasMessage("externalId: required but missing");
        assertThatThrownBy(() -> WorkerRecord.from(json("{\"externalId\": \"1\", \"status\": \"retired\"}")))
                .hasMessageStartingWith("status: 'retired' is not one of");
        assertThatThrownBy(() -> WorkerRecord.from(json("{\"externalId\": \"1\", \"status\": \"active\", \"hireDate\": \"18/03/2019\"}")))
                .hasMessageStartingWith("hireDate: '18/03/2019' is not a date");
        assertThatThrownBy(() -> WorkerRecord.from(json("{\"externalId\": \"1\", \"status\": \"active\", \"highPotential\": \"maybe\"}")))
                .hasMessage("highPotential: 'maybe' is not a boolean");
        assertThatThrownBy(() -> WorkerRecord.from(json("{\"externalId\": \"1\", \"status\": \"active\", \"managerExternalId\": \"1\"}")))
                .hasMessageContaining("named as their own manager");
        assertThatThrownBy(() -> WorkerRecord.from(json("{\"externalId\": \"1\", \"status\": \"active\", \"workEmail\": \"no at sign\"}")))
                .hasMessageStartingWith("workEmail:");
        assertThatThrownBy(() -> WorkerRecord.from(json("""
                {"externalId": "1", "status": "active", "history": [{"effectiveDate": "2020-01-01", "endDate": "2019-01-01"}]}
                """))).hasMessage("history[0].endDate: 2019-01-01 is before effectiveDate 2020-01-01");
    }
}
