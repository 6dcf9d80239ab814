package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A worker as one source system reports it, normalized and validated (see docs/mapping-contract.md).
 */
public record WorkerRecord(
        String externalId,
        boolean deleted,
        String employeeId,
        String workEmail,
        String givenName,
        String familyName,
        String displayName,
        String status,
        LocalDate hireDate,
        LocalDate originalHireDate,
        LocalDate terminationDate,
        String managerExternalId,
        OrgUnitRecord orgUnit,
        RoleRecord role,
        String location,
        Boolean highPotential,
        LocalDate effectiveDate,
        Instant updatedAt,
        List<Span> history) {

    public static final Set<String> STATUSES = Set.of("active", "leave", "terminated");

    /** One past assignment reported by the source. */
    public record Span(LocalDate effectiveDate, LocalDate endDate, RoleRecord role, OrgUnitRecord orgUnit,
                       String managerExternalId) {
    }

    public static WorkerRecord from(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new InvalidRecordException("the mapping must return an object, got " + (n == null ? "nothing" : n.getNodeType()));
        }
        String externalId = RecordValues.requiredText(n, "externalId");
        Boolean deleted = RecordValues.bool(n, "deleted");
        if (Boolean.TRUE.equals(deleted)) {
            return new WorkerRecord(externalId, true, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, RecordValues.instant(n, "updatedAt"), List.of());
        }
        String status = RecordValues.requiredText(n, "status").toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new InvalidRecordException("status: '" + status + "' is not one of " + STATUSES);
        }
        String email = RecordValues.text(n, "workEmail");
        if (email != null && (email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1 || email.contains(" "))) {
            throw new InvalidRecordException("workEmail: '" + email + "' is not an email address");
        }
        String manager = RecordValues.text(n, "managerExternalId");
        if (externalId.equals(manager)) {
            throw new InvalidRecordException("managerExternalId: worker " + externalId + " is named as their own manager");
        }
        LocalDate hire = RecordValues.date(n, "hireDate");
        LocalDate termination = RecordValues.date(n, "terminationDate");
        if (hire != null && termination != null && termination.isBefore(hire) && !"terminated".equals(status)) {
            throw new InvalidRecordException("terminationDate: " + termination + " is before hireDate " + hire);
        }
        return new WorkerRecord(externalId, false,
                RecordValues.text(n, "employeeId"), email,
                RecordValues.text(n, "givenName"), RecordValues.text(n, "familyName"), RecordValues.text(n, "displayName"),
                status, hire, RecordValues.date(n, "originalHireDate"), termination, manager,
                object(n, "orgUnit") == null ? null : OrgUnitRecord.from(object(n, "orgUnit")),
                object(n, "role") == null ? null : RoleRecord.from(object(n, "role")),
                RecordValues.text(n, "location"), RecordValues.bool(n, "highPotential"),
                RecordValues.date(n, "effectiveDate"), RecordValues.instant(n, "updatedAt"), history(n));
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode o = n.get(field);
        if (o == null || o.isNull()) {
            return null;
        }
        if (!o.isObject()) {
            throw new InvalidRecordException(field + ": expected an object");
        }
        return RecordValues.text(o, "externalId") == null ? null : o;
    }

    private static List<Span> history(JsonNode n) {
        JsonNode h = n.get("history");
        if (h == null || h.isNull()) {
            return List.of();
        }
        if (!h.isArray()) {
            throw new InvalidRecordException("history: expected an array");
        }
        List<Span> spans = new ArrayList<>(h.size());
        for (int i = 0; i < h.size(); i++) {
            JsonNode s = h.get(i);
            try {
                LocalDate from = RecordValues.date(s, "effectiveDate");
                if (from == null) {
                    throw new InvalidRecordException("effectiveDate: required but missing");
                }
                LocalDate to = RecordValues.date(s, "endDate");
                if (to != null && to.isBefore(from)) {
                    throw new InvalidRecordException("endDate: " + to + " is before effectiveDate " + from);
                }
                spans.add(new Span(from, to,
                        object(s, "role") == null ? null : RoleRecord.from(object(s, "role")),
                        object(s, "orgUnit") == null ? null : OrgUnitRecord.from(object(s, "orgUnit")),
                        RecordValues.text(s, "managerExternalId")));
            } catch (InvalidRecordException e) {
                throw new InvalidRecordException("history[" + i + "]." + e.getMessage());
            }
        }
        return spans;
    }

    /**
     * A digest of everything the store keeps from this record. {@code updatedAt} is left out on purpose: a source
     * that touches its timestamp without changing a field must count as unchanged.
     */
    public String contentHash() {
        StringBuilder sb = new StringBuilder(256);
        for (Object o : new Object[]{externalId, deleted, employeeId, workEmail, givenName, familyName, displayName,
                status, hireDate, originalHireDate, terminationDate, managerExternalId, orgUnit, role, location,
                highPotential, effectiveDate, history}) {
            sb.append(Objects.toString(o, "")).append('\u001f');
        }
        return sha256(sb.toString());
    }

    public static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
