package io.skillbridge.xapi.evidence;

import io.skillbridge.api.Paging;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The xAPI actors whose evidence statements match no person: what identity links or HRIS data are missing. */
@RestController
class UnmatchedActorsController {

    private final JdbcTemplate jdbc;

    UnmatchedActorsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Actors of evidence statements that match no person, most statements first; they are tried"
            + " again after every HRIS run")
    @GetMapping("/api/v1/xapi/unmatched-actors")
    Map<String, Object> unmatched(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        List<Map<String, Object>> actors = jdbc.query("select actor_ifi, statements, first_seen, last_seen"
                + " from xapi_unmatched_actor order by statements desc, actor_ifi offset ? rows fetch next ? rows only", (rs, n) -> {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("actor", rs.getString(1));
                    a.put("statements", rs.getInt(2));
                    a.put("firstSeen", rs.getObject(3, OffsetDateTime.class));
                    a.put("lastSeen", rs.getObject(4, OffsetDateTime.class));
                    return a;
                }, paging.offset(), paging.size());
        Map<String, Object> body = paging.envelope(actors, jdbc.queryForObject("select count(*) from xapi_unmatched_actor", Long.class));
        body.put("statements", jdbc.queryForObject("select coalesce(sum(statements), 0) from xapi_unmatched_actor", Long.class));
        return body;
    }
}
