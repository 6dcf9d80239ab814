package io.skillbridge.api;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** People in the canonical store, with the identities and employment history behind them. */
@RestController
@RequestMapping("/api/v1")
class PersonsController {

    private static final Set<String> STATUSES = Set.of("active", "pre-hire", "leave", "terminated", "inactive", "deleted");
    /** A worker whose hire date has not come yet is a pre-hire, whatever the source's status says. */
    private static final String STATUS = "case when p.status = 'active' and p.hire_date > ? then 'pre-hire' else p.status end";
    private static final String SELECT = "select p.id, " + STATUS + " as status, p.display_name, p.given_name, p.family_name,"
            + " p.work_email, p.employee_id, p.role_id, r.title as role_title, p.org_unit_id, o.name as org_unit_name,"
            + " p.manager_id, p.location, p.hire_date, p.original_hire_date, p.termination_date, p.high_potential, p.updated_at"
            + " from person p left join job_role r on r.id = p.role_id left join org_unit o on o.id = p.org_unit_id";

    private final JdbcTemplate jdbc;

    PersonsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "People, paged, with the total count; filter by status, org unit, role or a name/email search")
    @GetMapping("/persons")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                             @RequestParam(required = false) String status, @RequestParam(required = false) String orgUnit,
                             @RequestParam(required = false) String role, @RequestParam(required = false) String q) {
        Paging paging = Paging.of(page, size);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "status must be one of " + STATUSES);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            where.append(" and ").append(STATUS).append(" = ?");
            args.add(today);
            args.add(status);
        }
        if (orgUnit != null) {
            where.append(" and p.org_unit_id = ?");
            args.add(orgUnit);
        }
        if (role != null) {
            where.append(" and p.role_id = ?");
            args.add(role);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(p.display_name) like ? or p.work_email_norm like ?)");
            String like = "%" + q.trim().toLowerCase() + "%";
            args.add(like);
            args.add(like);
        }
        long total = jdbc.queryForObject("select count(*) from person p" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>();
        pageArgs.add(today);
        pageArgs.addAll(args);
        pageArgs.add(paging.offset());
        pageArgs.add(paging.size());
        List<Map<String, Object>> items = jdbc.queryForList(SELECT + where + " order by p.display_name, p.id offset ? rows fetch next ? rows only",
                pageArgs.toArray());
        return paging.envelope(Rows.camel(items), total);
    }

    @Operation(summary = "One person, with the source records (identities) and the effective-dated employment history")
    @GetMapping("/persons/{id}")
    Map<String, Object> one(@PathVariable String id) {
        List<Map<String, Object>> rows = jdbc.queryForList(SELECT + " where p.id = ?", LocalDate.now(ZoneOffset.UTC), id);
        if (rows.isEmpty()) {
            throw ApiException.notFound("person", id);
        }
        Map<String, Object> person = Rows.camel(rows.get(0));
        person.put("identities", Rows.camel(jdbc.queryForList("select system, external_id, active, created_at"
                + " from identity_link where person_id = ? order by system", id)));
        person.put("employment", Rows.camel(jdbc.queryForList("select e.start_date, e.end_date, e.role_id, r.title as role_title,"
                + " e.org_unit_id, o.name as org_unit_name, e.manager_id, e.source_system from employment e"
                + " left join job_role r on r.id = e.role_id left join org_unit o on o.id = e.org_unit_id"
                + " where e.person_id = ? order by e.start_date", id)));
        return person;
    }

    @Operation(summary = "Job roles (job profiles) from every source system")
    @GetMapping("/roles")
    Map<String, Object> roles(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
                              @RequestParam(required = false) String system) {
        Paging paging = Paging.of(page, size);
        long total = jdbc.queryForObject("select count(*) from job_role where (cast(? as varchar) is null or system = ?)",
                Long.class, system, system);
        // one grouped pass over people rather than a correlated count per role
        return paging.envelope(Rows.camel(jdbc.queryForList("select r.id, r.system, r.external_id, r.title, r.family,"
                        + " r.level, r.active, coalesce(a.n, 0) as active_people from job_role r left join (select role_id,"
                        + " count(*) as n from person where status = 'active' group by role_id) a on a.role_id = r.id"
                        + " where (cast(? as varchar) is null or r.system = ?) order by r.family, r.title, r.id"
                        + " offset ? rows fetch next ? rows only", system, system, paging.offset(), paging.size())), total);
    }

    @Operation(summary = "Org units from every source system, with their parent")
    @GetMapping("/org-units")
    Map<String, Object> orgUnits(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging paging = Paging.of(page, size);
        long total = jdbc.queryForObject("select count(*) from org_unit", Long.class);
        return paging.envelope(Rows.camel(jdbc.queryForList("select id, system, external_id, name, parent_id, active"
                + " from org_unit order by id offset ? rows fetch next ? rows only", paging.offset(), paging.size())), total);
    }
}
