package io.skillbridge.api;

import io.skillbridge.connector.ConnectorInstance;
import io.skillbridge.connector.ConnectorKind;
import io.skillbridge.connector.ConnectorRegistry;
import io.skillbridge.connector.RunMode;
import io.skillbridge.connector.RunResult;
import io.skillbridge.connector.SyncEngine;
import io.skillbridge.identity.ConflictRepository;
import io.skillbridge.system.DeadLetterRepository;
import io.skillbridge.system.RunRepository;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Connectors, their runs, the dead letters they left and the identity review list. */
@RestController
@RequestMapping("/api/v1")
class ConnectorsController {

    private final ConnectorRegistry registry;
    private final RunRepository runs;
    private final DeadLetterRepository deadLetters;
    private final ConflictRepository conflicts;
    private final SyncEngine engine;

    ConnectorsController(ConnectorRegistry registry, RunRepository runs, DeadLetterRepository deadLetters,
                         ConflictRepository conflicts, SyncEngine engine) {
        this.registry = registry;
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.conflicts = conflicts;
        this.engine = engine;
    }

    @Operation(summary = "Configured connectors with their kind, parameters (secrets shown as references) and last run")
    @GetMapping("/connectors")
    List<Map<String, Object>> connectors() {
        return registry.instances().stream().map(this::describe).toList();
    }

    @Operation(summary = "One connector")
    @GetMapping("/connectors/{id}")
    Map<String, Object> connector(@PathVariable String id) {
        return describe(instance(id));
    }

    @Operation(summary = "Connector kinds (templates) and their self-describing parameters")
    @GetMapping("/connector-kinds")
    List<ConnectorKind> kinds() {
        return List.copyOf(registry.kinds().values());
    }

    @Operation(summary = "Runs of a connector, newest first, with counts, status, duration and last error")
    @GetMapping("/connectors/{id}/runs")
    Map<String, Object> runs(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        instance(id);
        Paging paging = Paging.of(page, size);
        return paging.envelope(Rows.camel(runs.list(id, paging.offset(), paging.size())), runs.count(id));
    }

    @Operation(summary = "Triggers a sync; 202 at once, or the finished run with wait=true")
    @PostMapping("/connectors/{id}/runs")
    ResponseEntity<Object> trigger(@PathVariable String id, @RequestParam(required = false) String mode,
                                   @RequestParam(defaultValue = "false") boolean wait) throws InterruptedException {
        ConnectorInstance i = instance(id);
        RunMode m = null;
        if (mode != null) {
            if (!mode.equals("full") && !mode.equals("incremental")) {
                throw ApiException.badRequest("mode", "mode must be full or incremental");
            }
            m = RunMode.valueOf(mode.toUpperCase(Locale.ROOT));
        }
        if (!i.enabled()) {
            throw new ApiException(HttpStatus.CONFLICT, null, "connector " + id + " is disabled (enabled: false in " + i.file() + ")");
        }
        Future<RunResult> run;
        try {
            run = registry.trigger(id, m, "api");
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.CONFLICT, null, e.getMessage());
        }
        if (!wait) {
            return ResponseEntity.accepted().body(Map.of("connectorId", id, "status", "accepted",
                    "runs", "/api/v1/connectors/" + id + "/runs"));
        }
        try {
            return ResponseEntity.ok(run.get());
        } catch (ExecutionException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, null, e.getCause().getMessage());
        }
    }

    @Operation(summary = "Dead letters: records that could not be applied, with reason and payload")
    @GetMapping("/dead-letters")
    Map<String, Object> deadLetters(@RequestParam(required = false) String connectorId,
                                    @RequestParam(defaultValue = "open") String status,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        String s = status.equals("all") ? null : status;
        if (s != null && !s.equals("open") && !s.equals("replayed")) {
            throw ApiException.badRequest("status", "status must be open, replayed or all");
        }
        return paging.envelope(Rows.camel(deadLetters.list(connectorId, s, paging.offset(), paging.size())),
                deadLetters.count(connectorId, s));
    }

    @Operation(summary = "Replays a dead letter through the connector's current mapping and the store")
    @PostMapping("/dead-letters/{id}/replay")
    Map<String, Object> replay(@PathVariable long id) {
        DeadLetterRepository.DeadLetter letter = deadLetters.find(id)
                .orElseThrow(() -> ApiException.notFound("dead letter", String.valueOf(id)));
        if (!letter.status().equals("open")) {
            throw new ApiException(HttpStatus.CONFLICT, null, "dead letter " + id + " was already replayed");
        }
        ConnectorInstance i = registry.instance(letter.connectorId()).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                null, "connector " + letter.connectorId() + " is no longer configured"));
        SyncEngine.ReplayResult result = engine.replay(i.settings(), letter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deadLetterId", id);
        body.put("replayed", result.replayed());
        body.put("run", result.run());
        deadLetters.find(id).ifPresent(d -> body.put("reason", d.reason()));
        return body;
    }

    @Operation(summary = "The identity review list: records whose person could not be decided safely")
    @GetMapping("/identity/conflicts")
    Map<String, Object> conflicts(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        return paging.envelope(Rows.camel(conflicts.listOpen(paging.offset(), paging.size())), conflicts.countOpen());
    }

    private ConnectorInstance instance(String id) {
        return registry.instance(id).orElseThrow(() -> ApiException.notFound("connector", id));
    }

    private Map<String, Object> describe(ConnectorInstance i) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", i.id());
        b.put("kind", i.kind());
        b.put("enabled", i.enabled());
        b.put("description", i.description());
        b.put("file", i.file().toString());
        b.put("parameters", i.parameters());
        List<Map<String, Object>> last = runs.list(i.id(), 0, 1);
        if (!last.isEmpty()) {
            b.put("lastRun", Rows.camel(last.get(0)));
        }
        b.put("running", engine.isRunning(i.id()));
        return b;
    }
}
