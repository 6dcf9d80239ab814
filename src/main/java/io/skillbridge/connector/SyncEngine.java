package io.skillbridge.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.ApplyContext;
import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.canonical.Item;
import io.skillbridge.canonical.PageOutcome;
import io.skillbridge.canonical.Sql;
import io.skillbridge.canonical.WorkerRecord;
import io.skillbridge.canonical.mapping.MappingException;
import io.skillbridge.canonical.mapping.MappingService;
import io.skillbridge.system.DeadLetterRepository;
import io.skillbridge.system.RunRepository;
import io.skillbridge.system.RunRepository.Checkpoint;
import io.skillbridge.system.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The sync pipeline every connector kind runs through: fetch a page, map and validate each record, resolve
 * identities and apply the page to the store in one transaction together with its dead letters, run counts and
 * checkpoint; at the end link managers and parents, reconcile a full snapshot, and advance the cursor.
 */
@Service
public class SyncEngine implements SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final MappingService mappings;
    private final Map<String, EntityHandler<?>> handlers;
    private final RunRepository runs;
    private final DeadLetterRepository deadLetters;
    private final Secrets secrets;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Map<String, ReentrantLock> connectorLocks = new ConcurrentHashMap<>();
    /** Pages from different connectors may name the same people: identity decisions are made one page at a time. */
    private final ReentrantLock storeLock = new ReentrantLock();
    private final ExecutorService prefetch = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sync-prefetch");
        t.setDaemon(true);
        return t;
    });

    public SyncEngine(MappingService mappings, List<EntityHandler<?>> handlers, RunRepository runs,
                      DeadLetterRepository deadLetters, Secrets secrets, TransactionTemplate tx, JdbcTemplate jdbc,
                      ApplicationEventPublisher events) {
        this.mappings = mappings;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(EntityHandler::entity, h -> h));
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.secrets = secrets;
        this.tx = tx;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public RunResult run(ConnectorSettings c, PageSource source, RunMode requested, String trigger) {
        ReentrantLock lock = connectorLocks.computeIfAbsent(c.getConnectorId(), k -> new ReentrantLock());
        lock.lock();
        try {
            return runLocked(c, source, requested, trigger);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a dead letter through mapping and the store again, in a run of its own. A letter whose cause is gone is
     * marked replayed; one that fails the same way stays open (refreshed by the replay run), one that now fails
     * differently is superseded by the new letter.
     *
     * @return the replay run, and whether the letter is now closed
     */
    public ReplayResult replay(ConnectorSettings c, DeadLetterRepository.DeadLetter letter) {
        List<SourceRecord> records = "reference".equals(letter.stage()) ? List.of()
                : List.of(SourceRecord.of(letter.recordRef(), parse(letter.payload())));
        RunResult result = run(c, (state, cursor) -> new Page(records, null, null, null), RunMode.REPLAY, "api");
        Long stillFailingIn = deadLetters.find(letter.id()).map(DeadLetterRepository.DeadLetter::runId).orElse(null);
        boolean closed = !result.runFailed() && (stillFailingIn == null || stillFailingIn != result.runId());
        if (closed) {
            deadLetters.markReplayed(letter.id());
        }
        return new ReplayResult(result, closed);
    }

    /** The outcome of a dead-letter replay. */
    public record ReplayResult(RunResult run, boolean replayed) {
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(payload);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        prefetch.shutdownNow();
    }

    /** Whether a run of this connector is under way in this process. */
    public boolean isRunning(String connectorId) {
        ReentrantLock lock = connectorLocks.get(connectorId);
        return lock != null && lock.isLocked();
    }

    private RunResult runLocked(ConnectorSettings c, PageSource source, RunMode requested, String trigger) {
        String id = c.getConnectorId();
        // Files and replays carry their own records: no cursor, no checkpoint, no resume.
        boolean file = requested == RunMode.FILE || requested == RunMode.REPLAY;
        Checkpoint cp = file ? null : runs.checkpoint(id);
        RunMode mode;
        long runId;
        String state = null;
        RunRepository.Run resumed = cp != null && cp.runId() != null ? runs.find(cp.runId()).orElse(null) : null;
        if (resumed != null && !file) {
            runId = resumed.id();
            mode = resumed.mode();
            state = cp.pageState();
            runs.markRunning(runId);
            log.info("connector {}: resuming run {} ({}) from its checkpoint", id, runId, mode);
        } else {
            mode = requested != null ? requested : cp != null && cp.cursor() != null ? RunMode.INCREMENTAL : RunMode.FULL;
            runId = runs.start(id, mode, trigger);
        }
        String cursor = mode == RunMode.INCREMENTAL ? cp.cursor() : null;
        String nextCursor = runs.find(runId).map(r -> r.startedAt().toString()).orElse(null);
        ApplyContext ctx = new ApplyContext(id, c.getSystem(), runId, mode == RunMode.FULL, c.matchKeys(),
                LocalDate.now(ZoneOffset.UTC), resumed != null && !file);
        // The next page is fetched and mapped on another thread while this one is written: the two halves of a
        // sync (HTTP, JSON, JSONata on one side; the database on the other) then share the machine's cores.
        Future<Prepared> next = null;
        try {
            String first = state;
            next = prefetch.submit(() -> prepare(c, source.fetch(first, cursor)));
            while (true) {
                Prepared prepared = await(next);
                next = null;
                if (prepared.page().cursor() != null) {
                    nextCursor = prepared.page().cursor();
                }
                String after = prepared.page().nextState();
                if (after != null) {
                    next = prefetch.submit(() -> prepare(c, source.fetch(after, cursor)));
                }
                commit(ctx, c.getEntity(), prepared, file);
                if (after == null) {
                    break;
                }
            }
            finish(c, ctx, mode, file ? null : nextCursor);
            events.publishEvent(new SyncRunFinished(id, c.getEntity(), runId));
            RunResult result = runs.result(runId);
            log.info("connector {}: run {} {} - read {}, created {}, updated {}, unchanged {}, failed {}, deactivated {}",
                    id, runId, result.status(), result.read(), result.created(), result.updated(), result.unchanged(),
                    result.failed(), result.deactivated());
            return result;
        } catch (InterruptedIOException e) {
            cancel(next);
            // The process is stopping: the checkpoint stays, the next run resumes after the last committed page.
            Thread.currentThread().interrupt();
            log.warn("connector {}: run {} interrupted; it resumes from its checkpoint", id, runId);
            return runs.finish(runId, "interrupted", "interrupted before the last page");
        } catch (Exception e) {
            cancel(next);
            String message = secrets.redact(describe(e));
            log.warn("connector {}: run {} failed: {}", id, runId, message);
            if (!file) {
                runs.complete(id, null);
            }
            return runs.finish(runId, "failed", message);
        }
    }

    /**
     * A fetched page, mapped and validated, ready to be written; its raw archive compressed and hashed here, on the
     * prefetch thread, and not in the writer's transaction (the hash of a page of 1,000 workers was a tenth of it).
     */
    private record Prepared(Page page, List<Item<Object>> items, List<PageOutcome.Rejected> rejected, byte[] raw,
                            String rawHash) {
    }

    private Prepared prepare(ConnectorSettings c, Page page) {
        EntityHandler<Object> handler = handler(c.getEntity());
        List<Item<Object>> items = new ArrayList<>(page.records().size());
        List<PageOutcome.Rejected> rejected = new ArrayList<>();
        for (SourceRecord r : page.records()) {
            if (r.parseError() != null) {
                rejected.add(new PageOutcome.Rejected(r.ref(), "read", r.parseError(), r.payload().toString()));
                continue;
            }
            String stage = "mapping";
            try {
                JsonNode mapped = mappings.map(c.getMapping(), r.payload());
                stage = "validation";
                if (mapped == null || !mapped.isObject()) {
                    throw new InvalidRecordException("the mapping must return an object");
                }
                items.add(handler.toItem(r, mapped));
            } catch (MappingException | InvalidRecordException e) {
                rejected.add(new PageOutcome.Rejected(r.ref(), stage, e.getMessage(), r.payload().toString()));
            }
        }
        return page.raw() == null ? new Prepared(page, items, rejected, null, null)
                : new Prepared(page, items, rejected, deflate(page.raw()), WorkerRecord.sha256(page.raw()));
    }

    /** Writes a page, its dead letters, its raw archive, the run's counts and the checkpoint in one transaction. */
    private void commit(ApplyContext ctx, String entity, Prepared prepared, boolean file) {
        Page page = prepared.page();
        storeLock.lock();
        try {
            tx.executeWithoutResult(status -> {
                PageOutcome out = new PageOutcome();
                out.rejected.addAll(prepared.rejected());
                handler(entity).apply(ctx, prepared.items(), out);
                addDeadLetters(ctx, out);
                if (prepared.raw() != null) {
                    jdbc.update("insert into raw_record (connector_id, run_id, content_hash, received_at, payload_deflate)"
                                    + " values (?, ?, ?, ?, ?)", ctx.connectorId(), ctx.runId(),
                            prepared.rawHash(), Sql.now(), prepared.raw());
                }
                runs.addPage(ctx.runId(), page.records().size(), out, out.rejected.size() + out.ambiguous);
                if (!file) {
                    runs.saveProgress(ctx.connectorId(), ctx.runId(), page.nextState());
                }
            });
        } finally {
            storeLock.unlock();
        }
    }

    private void addDeadLetters(ApplyContext ctx, PageOutcome out) {
        for (PageOutcome.Rejected r : out.rejected) {
            deadLetters.add(ctx.connectorId(), ctx.runId(), r.ref(), r.stage(), r.reason(), r.payload());
        }
    }

    private static Prepared await(Future<Prepared> next) throws Exception {
        try {
            return next.get();
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void cancel(Future<?> next) {
        if (next != null) {
            next.cancel(true);
        }
    }

    /** The handler of a connector's entity (the kinds' templates only offer the entities that have one). */
    @SuppressWarnings("unchecked")
    private EntityHandler<Object> handler(String entity) {
        EntityHandler<?> handler = handlers.get(entity);
        if (handler == null) {
            throw new IllegalArgumentException("unknown entity " + entity + "; known: " + new TreeSet<>(handlers.keySet()));
        }
        return (EntityHandler<Object>) handler;
    }

    private void finish(ConnectorSettings c, ApplyContext ctx, RunMode mode, String nextCursor) {
        boolean reconcile = mode == RunMode.FULL && c.isReconcile();
        storeLock.lock();
        try {
            tx.executeWithoutResult(status -> {
                PageOutcome out = new PageOutcome();
                handler(c.getEntity()).finish(ctx, reconcile, out);
                addDeadLetters(ctx, out);
                runs.addCounts(ctx.runId(), out);
                if (mode != RunMode.FILE && mode != RunMode.REPLAY) {
                    runs.complete(ctx.connectorId(), nextCursor);
                }
                runs.finish(ctx.runId(), "succeeded", null);
            });
        } finally {
            storeLock.unlock();
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" <- ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    /** The fastest level: archiving must not cost the sync a noticeable share of its time. */
    static byte[] deflate(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 4 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            out.write(raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }
}
