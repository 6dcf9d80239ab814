package io.skillbridge.kpi.requisition;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.canonical.RecordValues;
import io.skillbridge.identity.PersonLookup;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A mapped record of the {@code requisition} entity: one open role, and once filled, when and by whom. See
 * docs/mapping-contract.md.
 *
 * @param hiredPerson how the source names the person who filled it (null when it does not say, or not filled)
 */
public record RequisitionRecord(String externalId, String title, String roleExternalId, String orgUnitExternalId,
                                String status, LocalDate openedDate, LocalDate filledDate, String fillSource,
                                PersonLookup.Key hiredPerson, boolean deleted) {

    public static final String FILLED = "filled";
    public static final String INTERNAL = "internal";
    private static final Set<String> STATUSES = Set.of("open", FILLED, "cancelled");
    private static final Set<String> SOURCES = Set.of(INTERNAL, "external");

    public static RequisitionRecord from(JsonNode n) {
        String externalId = RecordValues.requiredText(n, "externalId");
        if (Boolean.TRUE.equals(RecordValues.bool(n, "deleted"))) {
            return new RequisitionRecord(externalId, null, null, null, null, null, null, null, null, true);
        }
        String status = oneOf(n, "status", STATUSES);
        if (status == null) {
            throw new InvalidRecordException("status: required, one of " + STATUSES);
        }
        LocalDate opened = RecordValues.date(n, "openedDate");
        if (!FILLED.equals(status)) {
            // an open or cancelled role has no fill, whatever stale fill fields the source still carries
            return new RequisitionRecord(externalId, RecordValues.text(n, "title"), RecordValues.text(n, "roleExternalId"),
                    RecordValues.text(n, "orgUnitExternalId"), status, opened, null, null, null, false);
        }
        LocalDate filled = RecordValues.date(n, "filledDate");
        if (filled == null) {
            throw new InvalidRecordException("filledDate: required when status is filled");
        }
        if (opened != null && filled.isBefore(opened)) {
            throw new InvalidRecordException("filledDate: " + filled + " is before openedDate " + opened);
        }
        String source = oneOf(n, "fillSource", SOURCES);
        if (source == null) {
            throw new InvalidRecordException("fillSource: required when status is filled, one of " + SOURCES);
        }
        return new RequisitionRecord(externalId, RecordValues.text(n, "title"), RecordValues.text(n, "roleExternalId"),
                RecordValues.text(n, "orgUnitExternalId"), status, opened, filled, source, person(n), false);
    }

    private static String oneOf(JsonNode n, String field, Set<String> allowed) {
        String value = RecordValues.text(n, field);
        if (value == null) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new InvalidRecordException(field + ": '" + value + "' is not one of " + allowed);
        }
        return v;
    }

    private static PersonLookup.Key person(JsonNode n) {
        JsonNode p = n.path("hiredPerson");
        if (p.isMissingNode() || p.isNull()) {
            return null;
        }
        if (!p.isObject()) {
            throw new InvalidRecordException("hiredPerson: an object with externalId, employeeId or workEmail");
        }
        PersonLookup.Key key = new PersonLookup.Key(RecordValues.text(p, "externalId"), RecordValues.text(p, "employeeId"),
                RecordValues.text(p, "workEmail"));
        return key.isEmpty() ? null : key;
    }
}
