package io.skillbridge.kpi.requisition;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.identity.PersonLookup;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a requisition mapping may hand over, and what goes to dead letters with the field named. */
class KpiRequisitionRecordTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFilledRequisitionKeepsItsFillAndHire() throws Exception {
        RequisitionRecord r = RequisitionRecord.from(JSON.readTree("""
                {"externalId": "JR-1", "roleExternalId": "JP-1", "status": "Filled", "openedDate": "2025-01-02",
                 "filledDate": "2025-02-03T17:00:00-08:00", "fillSource": "Internal",
                 "hiredPerson": {"employeeId": "21001", "workEmail": ""}}"""));
        assertThat(r.status()).isEqualTo("filled");
        assertThat(r.fillSource()).isEqualTo("internal");
        assertThat(r.filledDate()).isEqualTo(LocalDate.parse("2025-02-03"));
        assertThat(r.hiredPerson()).isEqualTo(new PersonLookup.Key(null, "21001", null));
    }

    @Test
    void anOpenRequisitionCarriesNoFillWhateverTheSourceLeftBehind() throws Exception {
        RequisitionRecord r = RequisitionRecord.from(JSON.readTree("""
                {"externalId": "JR-2", "status": "open", "filledDate": "2025-02-03", "fillSource": "external"}"""));
        assertThat(r.filledDate()).isNull();
        assertThat(r.fillSource()).isNull();
    }

    @Test
    void contradictionsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> RequisitionRecord.from(JSON.readTree("""
                {"externalId": "JR-3", "status": "filled", "fillSource": "internal"}""")))
                .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith("filledDate:");
        assertThatThrownBy(() -> RequisitionRecord.from(JSON.readTree("""
                {"externalId": "JR-4", "status": "filled", "openedDate": "2025-03-01", "filledDate": "2025-02-01",
                 "fillSource": "internal"}"""))).hasMessageStartingWith("filledDate: 2025-02-01 is before");
        assertThatThrownBy(() -> RequisitionRecord.from(JSON.readTree("""
                {"externalId": "JR-5", "status": "filled", "filledDate": "2025-02-01", "fillSource": "agency"}""")))
                .hasMessageStartingWith("fillSource: 'agency'");
        assertThatThrownBy(() -> RequisitionRecord.from(JSON.readTree("""
                {"externalId": "JR-6", "status": "frozen"}"""))).hasMessageStartingWith("status: 'frozen'");
    }
}
