package io.skillbridge.api;

import io.skillbridge.connector.http.HostPolicy;
import io.skillbridge.outbound.OutboundEvents;
import io.skillbridge.outbound.Targets;
import io.swagger.v3.oas.annotations.Operation;
import okhttp3.HttpUrl;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Webhook subscriptions: subscribers receive {@code profile.updated}, {@code assignment.created} and
 * {@code person.changed} through the outbox, signed with their secret ({@code X-Skillbridge-Signature:
 * sha256=<hex HMAC-SHA256 of timestamp + "." + body>}, timestamp in {@code X-Skillbridge-Timestamp}).
 */
@RestController
@RequestMapping("/api/v1")
class WebhooksController {

    static final int MIN_SECRET = 16;

    /** A subscription request. */
    record Subscription(String url, List<String> events, String secret) {
    }

    private final Targets targets;
    private final JdbcTemplate jdbc;
    private final HostPolicy hostPolicy;

    WebhooksController(Targets targets, JdbcTemplate jdbc, HostPolicy hostPolicy) {
        this.targets = targets;
        this.jdbc = jdbc;
        this.hostPolicy = hostPolicy;
    }

    @Operation(summary = "Subscribe a URL to events; deliveries are signed with the secret, which is never answered back")
    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> subscribe(@RequestBody Subscription s) {
        if (s.url() == null || HttpUrl.parse(s.url()) == null) {
            throw ApiException.badRequest("url", "url must be an http or https URL");
        }
        try {
            hostPolicy.check(s.url());
        } catch (IOException e) {
            throw ApiException.badRequest("url", e.getMessage());
        }
        if (s.events() == null || s.events().isEmpty()) {
            throw ApiException.badRequest("events", "events must name at least one of " + OutboundEvents.ALL);
        }
        Set<String> events = new LinkedHashSet<>(s.events());
        for (String e : events) {
            if (!OutboundEvents.ALL.contains(e)) {
                throw ApiException.badRequest("events", "event '" + e + "' is not one of " + OutboundEvents.ALL);
            }
        }
        if (s.secret() == null || s.secret().length() < MIN_SECRET) {
            throw ApiException.badRequest("secret", "secret must be at least " + MIN_SECRET + " characters");
        }
        return one(targets.subscribe(s.url(), events, s.secret()));
    }

    @Operation(summary = "Webhook subscriptions")
    @GetMapping("/webhooks")
    List<Map<String, Object>> list() {
        return Rows.camel(jdbc.queryForList("select id, url, events, created_at from webhook_subscription order by id"));
    }

    @Operation(summary = "One webhook subscription")
    @GetMapping("/webhooks/{id}")
    Map<String, Object> one(@PathVariable long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select id, url, events, created_at from webhook_subscription"
                + " where id = ?", id);
        if (rows.isEmpty()) {
            throw ApiException.notFound("webhook", String.valueOf(id));
        }
        return Rows.camel(rows.get(0));
    }

    @Operation(summary = "Unsubscribe; deliveries still pending for it become dead")
    @DeleteMapping("/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        if (!targets.unsubscribe(id)) {
            throw ApiException.notFound("webhook", String.valueOf(id));
        }
    }
}
