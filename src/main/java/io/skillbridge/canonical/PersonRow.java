package io.skillbridge.canonical;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;

/** The person table's row, as the writer reads, merges and writes it. */
final class PersonRow {
    String id;
    String status;
    String givenName;
    String familyName;
    String displayName;
    String workEmail;
    String employeeId;
    String managerId;
    String orgUnitId;
    String roleId;
    String location;
    LocalDate hireDate;
    LocalDate originalHireDate;
    LocalDate terminationDate;
    boolean highPotential;

    static PersonRow read(ResultSet rs) throws SQLException {
        PersonRow p = new PersonRow();
        p.id = rs.getString("id");
        p.status = rs.getString("status");
        p.givenName = rs.getString("given_name");
        p.familyName = rs.getString("family_name");
        p.displayName = rs.getString("display_name");
        p.workEmail = rs.getString("work_email");
        p.employeeId = rs.getString("employee_id");
        p.managerId = rs.getString("manager_id");
        p.orgUnitId = rs.getString("org_unit_id");
        p.roleId = rs.getString("role_id");
        p.location = rs.getString("location");
        p.hireDate = Sql.date(rs, "hire_date");
        p.originalHireDate = Sql.date(rs, "original_hire_date");
        p.terminationDate = Sql.date(rs, "termination_date");
        p.highPotential = rs.getBoolean("high_potential");
        return p;
    }

    /**
     * The person after this source's record: values the record carries replace the old ones, values it leaves out
     * keep what another system (or an earlier record) said. Status and termination follow the record, so that a
     * rehire clears the termination date.
     */
    static PersonRow merge(PersonRow old, String id, WorkerRecord r, String roleId, String orgUnitId, String managerId) {
        PersonRow p = new PersonRow();
        p.id = id;
        p.status = r.status();
        p.givenName = pick(r.givenName(), old == null ? null : old.givenName);
        p.familyName = pick(r.familyName(), old == null ? null : old.familyName);
        p.displayName = pick(r.displayName() != null ? r.displayName() : joinName(r), old == null ? null : old.displayName);
        p.workEmail = pick(r.workEmail(), old == null ? null : old.workEmail);
        p.employeeId = pick(r.employeeId(), old == null ? null : old.employeeId);
        p.managerId = pick(managerId, old == null ? null : old.managerId);
        p.orgUnitId = pick(orgUnitId, old == null ? null : old.orgUnitId);
        p.roleId = pick(roleId, old == null ? null : old.roleId);
        p.location = pick(r.location(), old == null ? null : old.location);
        p.hireDate = pick(r.hireDate(), old == null ? null : old.hireDate);
        p.originalHireDate = pick(r.originalHireDate(), old == null ? null : old.originalHireDate);
        p.terminationDate = "terminated".equals(r.status())
                ? pick(r.terminationDate(), old == null ? null : old.terminationDate) : null;
        p.highPotential = r.highPotential() != null ? r.highPotential() : old != null && old.highPotential;
        return p;
    }

    private static String joinName(WorkerRecord r) {
        if (r.givenName() == null && r.familyName() == null) {
            return null;
        }
        return (Objects.toString(r.givenName(), "") + " " + Objects.toString(r.familyName(), "")).trim();
    }

    private static <T> T pick(T value, T fallback) {
        return value != null ? value : fallback;
    }

    Object[] insertArgs(Object now) {
        return new Object[]{id, status, givenName, familyName, displayName, workEmail,
                RecordValues.normalizeEmail(workEmail), employeeId, managerId, orgUnitId, roleId, location, hireDate,
                originalHireDate, terminationDate, highPotential, now, now};
    }

    Object[] updateArgs(Object now) {
        return new Object[]{status, givenName, familyName, displayName, workEmail,
                RecordValues.normalizeEmail(workEmail), employeeId, managerId, orgUnitId, roleId, location, hireDate,
                originalHireDate, terminationDate, highPotential, now, id};
    }

    static final String INSERT = "insert into person (id, status, given_name, family_name, display_name, work_email,"
            + " work_email_norm, employee_id, manager_id, org_unit_id, role_id, location, hire_date, original_hire_date,"
            + " termination_date, high_potential, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    static final String UPDATE = "update person set status=?, given_name=?, family_name=?, display_name=?, work_email=?,"
            + " work_email_norm=?, employee_id=?, manager_id=?, org_unit_id=?, role_id=?, location=?, hire_date=?,"
            + " original_hire_date=?, termination_date=?, high_potential=?, updated_at=? where id=?";
}
