package io.skillbridge.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillbridge.demo.DemoOrgGenerator.DemoOrg;
import io.skillbridge.demo.DemoOrgGenerator.JobProfile;
import io.skillbridge.demo.DemoOrgGenerator.Move;
import io.skillbridge.demo.DemoOrgGenerator.OrgUnit;
import io.skillbridge.demo.DemoOrgGenerator.Person;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo company rendered in each vendor's payload shapes (see shared vendor samples), once, as JSON text: the
 * simulated APIs then only slice and concatenate strings per request.
 *
 * <p>Where the demo goes beyond what the vendor samples show, it follows the vendor's documented field names:
 * Workday workers carry {@code isActive} and {@code terminationDate} (Workday's worker schema) and, as a demo
 * extension, a {@code manager} reference with the manager's {@code workerId}; BambooHR's custom report carries a
 * {@code jobInfo} array shaped like BambooHR's job information table, with the manager as {@code reportsToEId}.
 * Vendor quirks are kept: Workday RaaS writes missing values as "", BambooHR writes "0000-00-00".
 */
public final class DemoPayloads {

    static final String WORKDAY_TENANT_HREF = "https://wd2-impl-services1.workday.com/ccx/api/v1/acme";
    static final List<String> BAMBOOHR_DETAIL_FIELDS = List.of("firstName", "lastName", "displayName", "workEmail",
            "jobTitle", "department", "location", "hireDate", "terminationDate", "status", "supervisorEId",
            "employeeNumber");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final DemoOrg org;
    private final Map<String, OrgUnit> units = new LinkedHashMap<>();
    private final Map<String, JobProfile> jobs = new LinkedHashMap<>();

    final List<String> workdayWorkers = new ArrayList<>();
    final List<String> workdayJobProfiles = new ArrayList<>();
    final List<String> workdaySupervisoryOrganizations = new ArrayList<>();
    final String raasReport;
    final String bamboohrDirectory;
    final String bamboohrCustomReport;
    /** GET employees/{id} bodies by BambooHR id. */
    final Map<String, String> bamboohrDetails = new LinkedHashMap<>();
    /** The few recent changes employees/changed reports: id, action, lastChanged. */
    final List<String[]> bamboohrChanges = new ArrayList<>();

    public DemoPayloads(DemoOrg org) {
        this.org = org;
        org.orgUnits().forEach(u -> units.put(u.code(), u));
        org.jobProfiles().forEach(j -> jobs.put(j.id(), j));
        org.jobProfiles().forEach(j -> workdayJobProfiles.add(text(jobProfile(j))));
        org.orgUnits().forEach(u -> workdaySupervisoryOrganizations.add(text(supervisoryOrganization(u))));
        ArrayNode report = JSON.createArrayNode();
        ArrayNode directory = JSON.createArrayNode();
        ArrayNode custom = JSON.createArrayNode();
        for (Person p : org.people()) {
            if (p.inWorkday()) {
                workdayWorkers.add(text(restWorker(p)));
                report.add(raasEntry(p));
            }
            if (p.inBamboohr()) {
                if (!p.terminated() && !p.hireDate().isAfter(org.asOf())) {
                    directory.add(directoryEntry(p));
                }
                custom.add(customReportEntry(p));
                bamboohrDetails.put(p.bamboohrId(), text(detail(p)));
            }
        }
        raasReport = text(JSON.createObjectNode().set("Report_Entry", report));
        ObjectNode dir = JSON.createObjectNode();
        ArrayNode fields = dir.putArray("fields");
        for (String[] f : new String[][]{{"displayName", "text", "Display name"}, {"firstName", "text", "First name"},
            {"lastName", "text", "Last name"}, {"jobTitle", "list", "Job title"}, {"workEmail", "email", "Work Email"},
            {"department", "list", "Department"}, {"location", "list", "Location"}, {"division", "list", "Division"},
            {"supervisor", "text", "Supervisor"}}) {
            fields.addObject().put("id", f[0]).put("type", f[1]).put("name", f[2]);
        }
        dir.set("employees", directory);
        bamboohrDirectory = text(dir);
        ObjectNode customReport = JSON.createObjectNode().put("title", "Skillbridge workers");
        customReport.set("employees", custom);
        bamboohrCustomReport = text(customReport);
        recentChanges();
    }

    private ObjectNode jobProfile(JobProfile j) {
        ObjectNode n = JSON.createObjectNode().put("id", j.id()).put("descriptor", j.title())
                .put("href", WORKDAY_TENANT_HREF + "/jobProfiles/" + j.id()).put("name", j.title());
        n.putObject("jobFamily").put("id", "JF-" + j.family().replace(' ', '_')).put("descriptor", j.family());
        n.putObject("managementLevel").put("id", "ML-" + j.level().replace(' ', '_'))
                .put("descriptor", j.level());
        return n.put("inactive", false);
    }

    private ObjectNode supervisoryOrganization(OrgUnit u) {
        Person manager = org.people().get(u.managerIndex());
        ObjectNode n = JSON.createObjectNode().put("id", u.wid()).put("descriptor", orgDescriptor(u))
                .put("href", WORKDAY_TENANT_HREF + "/supervisoryOrganizations/" + u.wid())
                .put("code", u.code()).put("name", u.name());
        n.putObject("organizationType").put("id", "ORG-TYPE-SUP").put("descriptor", "Supervisory");
        if (u.parentCode() != null) {
            OrgUnit parent = units.get(u.parentCode());
            n.putObject("superiorOrganization").put("id", parent.wid()).put("descriptor", orgDescriptor(parent));
        }
        n.putArray("managers").addObject().put("id", manager.workdayWid()).put("descriptor", manager.displayName());
        return n.put("inactive", false);
    }

    private String orgDescriptor(OrgUnit u) {
        return u.name() + " (" + org.people().get(u.managerIndex()).displayName() + ")";
    }

    private ObjectNode restWorker(Person p) {
        OrgUnit unit = units.get(p.orgCode());
        JobProfile job = jobs.get(p.jobProfileId());
        ObjectNode n = JSON.createObjectNode().put("id", p.workdayWid()).put("descriptor", p.displayName())
                .put("href", WORKDAY_TENANT_HREF + "/workers/" + p.workdayWid()).put("workerId", p.workdayId())
                .put("primaryWorkEmail", p.workdayEmail()).put("businessTitle", job.title())
                .put("isManager", unit.managerIndex() == p.index()).put("isActive", !p.terminated());
        n.putObject("primarySupervisoryOrganization").put("id", unit.wid()).put("descriptor", orgDescriptor(unit));
        n.putObject("location").put("id", "LOC-" + Integer.toHexString(p.location().hashCode()))
                .put("descriptor", p.location());
        int manager = org.managerIn(p.managerIndex(), true);
        if (manager >= 0) {
            Person m = org.people().get(manager);
            n.putObject("manager").put("id", m.workdayWid()).put("descriptor", m.displayName())
                    .put("workerId", m.workdayId());
        }
        ObjectNode primaryJob = n.putObject("primaryJob");
        primaryJob.putObject("jobProfile").put("id", job.id()).put("descriptor", job.title());
        primaryJob.putObject("jobType").put("descriptor", "Regular");
        primaryJob.put("hireDate", p.hireDate().toString());
        if (p.terminated()) {
            n.put("terminationDate", p.terminationDate().toString());
        }
        return n.put("lastUpdated", p.lastUpdated().format(ISO_SECONDS));
    }

    private ObjectNode raasEntry(Person p) {
        OrgUnit unit = units.get(p.orgCode());
        JobProfile job = jobs.get(p.jobProfileId());
        int manager = org.managerIn(p.managerIndex(), true);
        return JSON.createObjectNode().put("Employee_ID", p.workdayId()).put("Worker", p.displayName())
                .put("Legal_Name_-_First_Name", p.firstName()).put("Legal_Name_-_Last_Name", p.lastName())
                .put("Email_-_Work", p.workdayEmail()).put("Business_Title", job.title())
                .put("Job_Profile", job.title()).put("Job_Profile_ID", job.id()).put("Job_Family", job.family())
                .put("Management_Level", job.level()).put("Supervisory_Organization", orgDescriptor(unit))
                .put("Supervisory_Organization_ID", unit.code())
                .put("Manager_Employee_ID", manager >= 0 ? org.people().get(manager).workdayId() : "")
                .put("Location", p.location()).put("Hire_Date", p.hireDate().toString())
                .put("Original_Hire_Date", p.originalHireDate().toString())
                .put("Time_in_Job_Profile", timeIn(p.effectiveDate()))
                .put("Worker_Status", p.terminated() ? "Terminated" : p.onLeave() ? "On Leave" : "Active")
                .put("Termination_Date", p.terminated() ? p.terminationDate().toString() : "")
                .put("Is_High_Potential", p.highPotential() ? "1" : "0")
                .put("lastUpdated", p.lastUpdated().format(ISO_SECONDS));
    }

    private String timeIn(LocalDate since) {
        java.time.Period period = since.isAfter(org.asOf()) ? java.time.Period.ZERO : since.until(org.asOf());
        return period.getYears() + (period.getYears() == 1 ? " year, " : " years, ") + period.getMonths()
                + (period.getMonths() == 1 ? " month" : " months");
    }

    private ObjectNode directoryEntry(Person p) {
        JobProfile job = jobs.get(p.jobProfileId());
        int manager = org.managerIn(p.managerIndex(), false);
        ObjectNode n = JSON.createObjectNode().put("id", p.bamboohrId()).put("displayName", p.displayName())
                .put("firstName", p.firstName()).put("lastName", p.lastName()).putNull("preferredName")
                .put("jobTitle", job.title()).put("workPhone", "")
                .put("workEmail", p.bamboohrEmail()).put("department", units.get(p.orgCode()).name())
                .put("location", p.location()).put("division", "Brightline")
                .put("supervisor", manager >= 0 ? org.people().get(manager).displayName() : null);
        return n.put("photoUploaded", false);
    }

    private ObjectNode detail(Person p) {
        JobProfile job = jobs.get(p.jobProfileId());
        int manager = org.managerIn(p.managerIndex(), false);
        return JSON.createObjectNode().put("id", p.bamboohrId()).put("firstName", p.firstName())
                .put("lastName", p.lastName()).put("displayName", p.displayName()).put("workEmail", p.bamboohrEmail())
                .put("jobTitle", job.title()).put("department", units.get(p.orgCode()).name())
                .put("location", p.location()).put("hireDate", p.hireDate().toString())
                .put("terminationDate", bambooDate(p.terminationDate()))
                .put("status", p.terminated() ? "Inactive" : "Active")
                .put("supervisorEId", manager >= 0 ? org.people().get(manager).bamboohrId() : "")
                .put("employeeNumber", p.bamboohrEmployeeNumber());
    }

    private ObjectNode customReportEntry(Person p) {
        ObjectNode n = detail(p);
        n.remove("status");
        n.put("originalHireDate", p.originalHireDate().equals(p.hireDate()) ? "0000-00-00"
                : p.originalHireDate().toString());
        n.put("employmentHistoryStatus", p.terminated() ? "Terminated" : p.onLeave() ? "Leave of Absence"
                : "Full-Time");
        // a custom field, as BambooHR tenants add for talent flags
        n.put("customHighPotential", p.highPotential() ? "Yes" : "No");
        ArrayNode jobInfo = n.putArray("jobInfo");
        for (Move m : p.history()) {
            jobInfoRow(jobInfo, m.start(), m.jobProfileId(), m.orgCode(), m.managerIndex(), p.location());
        }
        jobInfoRow(jobInfo, p.effectiveDate(), p.jobProfileId(), p.orgCode(), p.managerIndex(), p.location());
        return n;
    }

    private void jobInfoRow(ArrayNode rows, LocalDate date, String jobId, String orgCode, int manager,
                            String location) {
        int m = manager < 0 ? -1 : org.managerIn(manager, false);
        rows.addObject().put("date", date.toString()).put("jobTitle", jobs.get(jobId).title())
                .put("department", units.get(orgCode).name()).put("location", location)
                .put("reportsToEId", m >= 0 ? org.people().get(m).bamboohrId() : "");
    }

    /** A handful of BambooHR changes in the last days: updates, a new pre-hire, and a deleted record. */
    private void recentChanges() {
        List<Person> bamboo = org.people().stream().filter(Person::inBamboohr).toList();
        String day = org.asOf().minusDays(1).toString();
        for (int i = 0; i < 5; i++) {
            Person p = bamboo.get(7 + i * 53);
            bamboohrChanges.add(new String[]{p.bamboohrId(), "Updated", day + "T1" + i + ":02:11+00:00"});
        }
        bamboo.stream().filter(p -> p.hireDate().isAfter(org.asOf())).findFirst().ifPresent(p ->
                bamboohrChanges.add(new String[]{p.bamboohrId(), "Inserted", day + "T16:30:00+00:00"}));
        bamboohrChanges.add(new String[]{"99", "Deleted", day + "T09:00:00+00:00"});
    }

    private static String text(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String bambooDate(LocalDate date) {
        return date == null ? "0000-00-00" : date.toString();
    }
}
