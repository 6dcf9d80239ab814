package io.skillbridge.api;

import io.skillbridge.outbound.Dispatcher;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The delivery log: every outbox row with its target, status, attempts and last error; dead ones can be replayed. */
@RestController
@RequestMapping("/api/v1")
class DeliveriesController {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "unchanged", "superseded", "dead");
    private static final String SELECT = "select id, event, target_id, person_id, subject_ref, cause_systems, status,"
            + " attempts, next_attempt_at, last_status, last_error, idempotency_key, created_at, finished_at from outbox";

    private final JdbcTemplate jdbc;
    private final Dispatcher dispatcher;

    DeliveriesController(JdbcTemplate jdbc, Dispatcher dispatcher) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
    }

    @Operation(summary = "Deliveries, newest first, paged; filter by target, status, event or person")
    @GetMapping("/deliveries")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                             @RequestParam(required = false) String target, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String event, @RequestParam(required = false) String person) {
        Paging paging = Paging.of(page, size);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "status must be one of " + STATUSES);
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        for (String[] filter : new String[][]{{"target_id", target}, {"status", status}, {"event", event}, {"person_id", person}}) {
            if (filter[1] != null) {
                where.append(" and ").append(filter[0]).append(" = ?");
                args.add(filter[1]);
            }
        }
        long total = jdbc.queryForObject("select count(*) from outbox" + where, Long.class, args.toArray());
        args.add(paging.offset());
        args.add(paging.size());
        return paging.envelope(Rows.camel(jdbc.queryForList(SELECT + where + " order by id desc offset ? rows fetch next ? rows only",
                args.toArray())), total);
    }

    @Operation(summary = "One delivery, with the body sent")
    @GetMapping("/deliveries/{id}")
    Map<String, Object> one(@PathVariable long id) {
        List<Map<String, Object>> rows = jdbc.queryForList(SELECT.replace(" from outbox", ", body from outbox") + " where id = ?", id);
        if (rows.isEmpty()) {
            throw ApiException.notFound("delivery", String.valueOf(id));
        }
        return Rows.camel(rows.get(0));
    }

    @Operation(summary = "Send a dead (or delivered) delivery again, with the same body and idempotency key")
    @PostMapping("/deliveries/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> replay(@PathVariable long id) {
        Map<String, Object> delivery = one(id);
        if (!dispatcher.replay(id)) {
            throw new ApiException(HttpStatus.CONFLICT, null, "delivery " + id + " is " + delivery.get("status")
                    + ": only dead or delivered deliveries can be replayed");
        }
        return one(id);
    }
}
