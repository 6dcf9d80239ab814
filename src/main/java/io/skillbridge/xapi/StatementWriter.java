package io.skillbridge.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skillbridge.xapi.auth.XapiClient;
import io.skillbridge.xapi.store.AttachmentPart;
import io.skillbridge.xapi.store.NewStatement;
import io.skillbridge.xapi.store.StatementStore;
import io.skillbridge.xapi.store.StoredStatement;
import io.skillbridge.xapi.validation.JsonPath;
import io.skillbridge.xapi.validation.StatementValidator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Validates and stores a PUT or POST of statements: the whole batch or nothing. Requests are written in group
 * commits: concurrent requests share a lookup query (where one is needed), one write of each table and one commit;
 * the {@link StatementsAccepted} event of each follows the commit.
 */
@Service
public class StatementWriter {

    private static final long GATHER_NANOS = 1_000_000;
    private static final long GATHER_POLL_NANOS = 20_000;
    private static final int BACKLOG_FOR_SECOND_WRITER = 100;
    /** Writes of a group whose ids turned out stored, or raced another writer's (see write). */
    private static final int RACE_ATTEMPTS = 4;
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private final StatementStore store;
    private final TransactionTemplate transactions;
    private final PlatformTransactionManager transactionManager;
    private final ApplicationEventPublisher events;
    private final ConsistentThrough consistentThrough;
    private final ObjectMapper json;
    private final XapiProperties properties;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    /** The second writer, for a backlog of statements on PostgreSQL (see writer). */
    private final ReentrantLock second = new ReentrantLock();
    /** Shared by groups that void nothing, taken alone by a group that voids (see writeAlongside). */
    private final ReentrantReadWriteLock alone = new ReentrantReadWriteLock();
    /** Statements of the requests waiting for a writer. */
    private final AtomicInteger backlog = new AtomicInteger();
    /** Requests being validated: a group about to be written waits a moment for them (see gather). */
    private final AtomicInteger preparing = new AtomicInteger();
    private final DistributionSummary groupSizes;
    private final Timer groupWrites;
    private final Timer groupCommits;
    private final Counter secondWriterGroups;

    public StatementWriter(StatementStore store, TransactionTemplate transactions, ApplicationEventPublisher events,
                           ConsistentThrough consistentThrough, ObjectMapper json, XapiProperties properties,
                           MeterRegistry meters) {
        this.groupSizes = DistributionSummary.builder("skillbridge.xapi.group.requests")
                .description("PUT and POST requests written by one group commit").register(meters);
        // a writer's section, in its two stages (one writer on H2, up to two on PostgreSQL): their share of the time
        // bounds the statements per second, and which of them dominates differs by database (docs/adr/0004)
        this.groupWrites = Timer.builder("skillbridge.xapi.group.write")
                .description("Time a group commit holds the writer before its commit: lookup, checks and (H2) inserts").register(meters);
        this.groupCommits = Timer.builder("skillbridge.xapi.group.commit")
                .description("Time a group commit holds the writer for its commit (PostgreSQL: inserts and commit, one round trip)")
                .register(meters);
        this.secondWriterGroups = Counter.builder("skillbridge.xapi.group.second")
                .description("Group commits written by the second writer, beside a group of the first (PostgreSQL)")
                .register(meters);
        this.store = store;
        this.transactions = transactions;
        this.transactionManager = transactions.getTransactionManager();
        this.events = events;
        this.consistentThrough = consistentThrough;
        this.json = json;
        this.properties = properties;
    }

    /**
     * One statement of a request, validated and completed with what the LRS assigns, and written out as it will be
     * stored: before the group commit's lock, where concurrent requests do it in parallel.
     */
    private record Incoming(ObjectNode complete, String text, boolean sentTimestamp, StatementFacts facts, JsonPath path,
                            List<AttachmentPart> parts) {
    }

    /**
     * @param body     a statement or (POST only) an array of statements
     * @param putId    the statementId of a PUT, or null for a POST
     * @param parts    the attachment parts of a multipart/mixed request; null for application/json
     * @return the ids of the statements, in request order
     */
    public List<String> write(JsonNode body, String putId, List<MultipartMixed.Part> parts, XapiClient client,
                              XapiVersion version) {
        return store(body, putId, parts, client, version).ids();
    }

    /**
     * What a write did.
     *
     * @param ids    the statements' ids, in request order
     * @param stored how many of them were new (the others were stored before, unchanged)
     */
    public record Written(List<String> ids, int stored) {
    }

    /** Like {@link #write}, telling new statements from those sent again (an LRS pull counts them). */
    public Written store(JsonNode body, String putId, List<MultipartMixed.Part> parts, XapiClient client,
                         XapiVersion version) {
        List<JsonNode> sent = new ArrayList<>();
        boolean batch = body.isArray();
        if (batch) {
            if (putId != null) {
                throw XapiException.badRequest(null, "PUT takes one statement, not an array");
            }
            body.forEach(sent::add);
        } else {
            sent.add(body);
        }
        long storedMicros = consistentThrough.begin();
        List<Incoming> incoming;
        List<NewStatement> written;
        try {
            OffsetDateTime stored = ConsistentThrough.toTime(storedMicros);
            preparing.incrementAndGet();
            try {
                incoming = completed(sent, batch, putId, parts, client, version, STORED.format(stored));
            } finally {
                // checked or refused: no longer one for a group commit to wait for
                preparing.decrementAndGet();
            }
            written = commit(new Request(incoming, stored, client));
        } finally {
            // ended before the event is published: a reader the event wakes reads up to and including these statements
            consistentThrough.end(storedMicros);
        }
        if (!written.isEmpty()) {
            events.publishEvent(accepted(written, incoming, client));
        }
        return new Written(incoming.stream().map(in -> in.facts().id()).toList(), written.size());
    }

    /** Validates each statement and completes it with what the LRS sets: the whole request, or a refusal. */
    private List<Incoming> completed(List<JsonNode> sent, boolean batch, String putId, List<MultipartMixed.Part> parts,
                                     XapiClient client, XapiVersion version, String storedText) {
        StatementValidator validator = new StatementValidator(version);
        List<Incoming> incoming = new ArrayList<>(sent.size());
        ObjectNode authority = authority(client);
        Set<String> ids = new HashSet<>();
        Map<String, AttachmentPart> partsByHash = attachmentParts(parts);
        Set<String> usedParts = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            JsonNode s = sent.get(i);
            JsonPath path = batch ? JsonPath.root("statements").at(i) : JsonPath.root("statement");
            validator.validate(s, path);
            String id = id(s, putId, path);
            if (!ids.add(id)) {
                throw XapiException.badRequest(path.with("id").toString(), "statement id " + id + " appears more than once in this batch");
            }
            // completed in place: a copy of every statement costs more than the rest of the validation
            ObjectNode complete = (ObjectNode) s;
            boolean sentTimestamp = complete.has("timestamp");
            List<AttachmentPart> own = attachmentsOf(s, path, partsByHash, usedParts);
            complete.put("id", id);
            if (!sentTimestamp) {
                complete.put("timestamp", storedText);
            }
            complete.put("stored", storedText);
            complete.set("authority", authority);
            if (!complete.has("version")) {
                complete.put("version", version == XapiVersion.V2_0 ? "2.0.0" : "1.0.0");
            }
            incoming.add(new Incoming(complete, text(complete), sentTimestamp, StatementFacts.of(id, complete), path, own));
        }
        if (parts != null && usedParts.size() < partsByHash.size()) {
            Set<String> unused = new LinkedHashSet<>(partsByHash.keySet());
            unused.removeAll(usedParts);
            throw XapiException.badRequest(null, "attachment parts " + unused + " match no attachment of the statements");
        }
        return incoming;
    }

    /** The statements of one PUT or POST, checked and ready to store. */
    private record Request(List<Incoming> incoming, OffsetDateTime stored, XapiClient client) {
    }

    /** A request waiting for the group commit that writes it, and then its outcome. */
    private static final class Pending {
        final Request request;
        /** Completed by the writer whose group took this request, which may be another request's thread. */
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        List<NewStatement> written;
        RuntimeException failure;

        Pending(Request request) {
            this.request = request;
        }

        void finish() {
            finished.complete(null);
        }

        boolean isFinished() {
            return finished.isDone();
        }

        /** Waits, uninterruptibly (the outcome is the writer's to decide), for the group that took this request. */
        void awaitFinished() {
            finished.join();
        }

        void reset() {
            written = null;
            failure = null;
        }
    }

    /**
     * Stores a request's statements in a group commit: requests that arrive while a transaction is being written
     * wait for it, and the next one writes them all at once (a lookup where needed, then on H2 one JDBC batch per
     * table and a commit, on PostgreSQL one execution that inserts and commits; see {@link #transaction}). Single
     * statements from many clients cost a transaction each otherwise, and that is most of what they cost. A request
     * refused (409, or voiding a voiding statement) leaves the others of its group untouched.
     */
    private List<NewStatement> commit(Request request) {
        Pending pending = new Pending(request);
        waiting.add(pending);
        backlog.addAndGet(request.incoming().size());
        ReentrantLock writer = writer();
        try {
            // a group written while this request waited for a writer may have taken it already
            if (!pending.isFinished()) {
                gather();
                List<Pending> group = new ArrayList<>();
                for (Pending p = waiting.poll(); p != null; p = waiting.poll()) {
                    backlog.addAndGet(-p.request.incoming().size());
                    group.add(p);
                }
                if (!group.isEmpty()) {
                    groupSizes.record(group.size());
                    if (writer == second) {
                        secondWriterGroups.increment();
                    }
                    writeAlongside(group);
                }
            }
        } finally {
            writer.unlock();
        }
        pending.awaitFinished();
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.written;
    }

    /**
     * The writer this request's thread becomes, or waits to become. Where a group's insert is one round trip that
     * commits by itself (PostgreSQL), a second writer takes the requests that queue up behind a group being written
     * once they hold {@link #BACKLOG_FOR_SECOND_WRITER} statements: a batched load then keeps two database backends
     * inserting, while single statements, which gain more from larger groups than from a second commit in flight,
     * keep one writer (docs/adr/0004).
     */
    private ReentrantLock writer() {
        if (!writing.tryLock()) {
            if (store.insertsAtomically() && backlog.get() >= BACKLOG_FOR_SECOND_WRITER && second.tryLock()) {
                return second;
            }
            writing.lock();
        }
        return writing;
    }

    /**
     * Writes a group beside what the other writer may be writing. Groups that void nothing run side by side: a
     * statement id both store fails one of them on its unique key, which writes that group again after a lookup.
     * A group that voids a statement runs alone, so that its lookup sees whether its targets are themselves voiding
     * statements, and the voided marks of both groups see each other's StatementRefs.
     */
    private void writeAlongside(List<Pending> group) {
        Lock lock = voids(group) ? alone.writeLock() : alone.readLock();
        lock.lock();
        try {
            write(group);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets the requests still being validated join the group about to be written, waiting while there are any, up
     * to {@link #GATHER_NANOS}. A commit of H2 writes every page the transaction changed (each B-tree's path from
     * root to leaf), whatever the number of rows: eight single statements in one commit cost little more than one.
     * A lone client never waits: nobody else is preparing.
     */
    private void gather() {
        long deadline = System.nanoTime() + GATHER_NANOS;
        while (preparing.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(GATHER_POLL_NANOS);
        }
    }

    private void write(List<Pending> group) {
        try {
            // a group that voids nothing is first written without the lookup, as if none of its ids were stored (the
            // store itself marks voided a statement that a stored voiding statement names): most groups are new
            // statements, the lookup was a fifth of a group of single statements' time on PostgreSQL, and on H2 it
            // read the id index that the insert reads again
            boolean lookUp = voids(group);
            for (int attempt = 1; ; attempt++) {
                try {
                    transaction(group, lookUp);
                    break;
                } catch (DuplicateKeyException | PessimisticLockingFailureException raced) {
                    // one of these ids was stored already, or by another writer (this hub's second, or another hub on
                    // the same database) after our lookup, or the two inserted the same ids in opposite orders and the
                    // database broke the deadlock: nothing of the group is kept; again, looked up (without the lookup
                    // the same id fails again). More than once: a lookup right after a lost deadlock can come before
                    // the winner's commit.
                    if (attempt == RACE_ATTEMPTS) {
                        throw raced;
                    }
                    group.forEach(Pending::reset);
                    lookUp = true;
                }
            }
        } catch (RuntimeException | Error e) {
            if (group.size() > 1 && e instanceof RuntimeException) {
                // what one request sent broke the whole transaction: each request alone, so that only that one fails
                for (Pending p : group) {
                    p.reset();
                    try {
                        write(List.of(p));
                    } catch (RuntimeException | Error alone) {
                        // recorded as that request's failure; the requests after it are written still
                    }
                }
                return;
            }
            for (Pending p : group) {
                p.failure = e instanceof RuntimeException r ? r : new IllegalStateException("storing statements failed", e);
                p.finish();
            }
            throw e;
        }
        group.forEach(Pending::finish);
    }

    /**
     * Checks and writes the group, the two stages timed apart. Where the store's insert is atomic by itself
     * (PostgreSQL: inserts and commit in one round trip), the checks run before it, outside a transaction: what
     * another writer stores in between fails the insert on the statement id's unique key, which writes the group
     * again (see write).
     */
    private void transaction(List<Pending> group, boolean lookUp) {
        if (store.insertsAtomically()) {
            groupWrites.record(() -> check(group, lookUp));
            groupCommits.record(() -> store.insert(fresh(group)));
            return;
        }
        TransactionStatus tx = transactionManager.getTransaction(transactions);
        try {
            groupWrites.record(() -> {
                check(group, lookUp);
                store.insert(fresh(group));
            });
        } catch (RuntimeException | Error e) {
            transactionManager.rollback(tx);
            throw e;
        }
        groupCommits.record(() -> transactionManager.commit(tx));
    }

    private static boolean voids(List<Pending> group) {
        return group.stream().anyMatch(p -> p.request.incoming().stream().anyMatch(in -> in.facts().voiding()));
    }

    /**
     * What a group's checks know: the lookup's answer, plus what the requests of the group accepted before the one
     * being checked (a later request may send a statement again, or void a voiding statement). What ends voided the
     * store decides as it writes.
     */
    private static final class GroupState {
        final Map<String, String> bodies = new HashMap<>();
        final Set<String> voidingIds;

        GroupState(StatementStore.Known found) {
            found.statements().forEach((id, s) -> bodies.put(id, s.body()));
            voidingIds = new HashSet<>(found.voidingIds());
        }
    }

    /**
     * Checks each request of the group against the store (one lookup, or none: nothing stored) and the requests
     * before it: each gets the statements it adds, or its refusal.
     */
    private void check(List<Pending> group, boolean lookUp) {
        GroupState known = new GroupState(lookUp ? store.known(lookupIds(group)) : StatementStore.Known.NOTHING);
        for (Pending p : group) {
            try {
                p.written = check(p.request, known);
            } catch (XapiException refused) {
                p.failure = refused;
            }
        }
    }

    /** The group's statement ids and the ids its voiding statements target. */
    private static Set<String> lookupIds(List<Pending> group) {
        Set<String> ids = new LinkedHashSet<>();
        group.forEach(p -> p.request.incoming().forEach(in -> in.facts().addVoidingIds(ids)));
        return ids;
    }

    /** The statements the checked group adds, in request order. */
    private static List<NewStatement> fresh(List<Pending> group) {
        List<NewStatement> fresh = new ArrayList<>();
        for (Pending p : group) {
            if (p.written != null) {
                fresh.addAll(p.written);
            }
        }
        return fresh;
    }

    /** One request's statements against what is known: the new ones, or the refusal of the whole request. */
    private List<NewStatement> check(Request request, GroupState known) {
        List<Incoming> incoming = request.incoming();
        Map<String, Incoming> byId = new HashMap<>();
        for (Incoming in : incoming) {
            byId.put(in.facts().id(), in);
        }
        List<NewStatement> fresh = new ArrayList<>();
        for (Incoming in : incoming) {
            StatementFacts f = in.facts();
            String existing = known.bodies.get(f.id());
            if (existing != null) {
                if (!StatementEquivalence.same(in.complete(), in.sentTimestamp(), parse(existing))) {
                    throw new XapiException(HttpStatus.CONFLICT, "statement " + f.id()
                            + " is already stored with different content; statements are immutable", in.path().with("id").toString());
                }
                continue;
            }
            if (f.voiding()) {
                String target = f.objectStatementId();
                Incoming targetInBatch = byId.get(target);
                if (known.voidingIds.contains(target) || targetInBatch != null && targetInBatch.facts().voiding()) {
                    throw XapiException.badRequest(in.path().with("object").with("id").toString(),
                            "statement " + target + " is itself a voiding statement; a voiding statement cannot be voided");
                }
            }
            fresh.add(new NewStatement(f, in.text(), in.parts(), request.stored(), request.client().key()));
        }
        for (NewStatement n : fresh) {
            known.bodies.put(n.facts().id(), n.body());
            if (n.facts().voiding()) {
                known.voidingIds.add(n.facts().id());
            }
        }
        return fresh;
    }

    private static String id(JsonNode s, String putId, JsonPath path) {
        JsonNode id = s.get("id");
        if (putId != null) {
            if (id != null && !id.asText().equalsIgnoreCase(putId)) {
                throw XapiException.badRequest(path.with("id").toString(), "differs from the statementId parameter " + putId);
            }
            return putId.toLowerCase(Locale.ROOT);
        }
        return id != null ? id.asText().toLowerCase(Locale.ROOT) : UUID.randomUUID().toString();
    }

    /** The authority the LRS vouches with: the authenticated client, as an account on this hub. */
    private ObjectNode authority(XapiClient client) {
        ObjectNode a = json.createObjectNode();
        a.put("objectType", "Agent");
        a.put("name", client.name());
        a.putObject("account").put("homePage", properties.authorityHomePage()).put("name", client.key());
        return a;
    }

    private static Map<String, AttachmentPart> attachmentParts(List<MultipartMixed.Part> parts) {
        Map<String, AttachmentPart> byHash = new HashMap<>();
        if (parts == null) {
            return byHash;
        }
        for (int i = 0; i < parts.size(); i++) {
            MultipartMixed.Part p = parts.get(i);
            String hash = p.header("X-Experience-API-Hash");
            String where = "attachment part " + (i + 1);
            if (hash == null) {
                throw XapiException.badRequest(null, where + " has no X-Experience-API-Hash header");
            }
            String encoding = p.header("Content-Transfer-Encoding");
            if (encoding != null && !encoding.equalsIgnoreCase("binary")) {
                throw XapiException.badRequest(null, where + ": Content-Transfer-Encoding must be binary");
            }
            hash = hash.toLowerCase(Locale.ROOT);
            if (!hash.equals(sha2(p.content(), hash.length()))) {
                throw XapiException.badRequest(null, where + ": its content does not hash to its X-Experience-API-Hash " + hash);
            }
            String type = p.header("Content-Type");
            byHash.put(hash, new AttachmentPart(hash, type == null ? "application/octet-stream" : type, p.content()));
        }
        return byHash;
    }

    /** The parts a statement's attachments need: each attachment without a fileUrl must have its part. */
    private static List<AttachmentPart> attachmentsOf(JsonNode s, JsonPath path, Map<String, AttachmentPart> parts,
                                                      Set<String> used) {
        JsonNode attachments = s.get("attachments");
        if (attachments == null) {
            return List.of();
        }
        List<AttachmentPart> own = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode a = attachments.get(i);
            String sha2 = a.get("sha2").asText().toLowerCase(Locale.ROOT);
            AttachmentPart part = parts.get(sha2);
            if (part == null) {
                if (!a.has("fileUrl")) {
                    throw XapiException.badRequest(path.with("attachments").at(i).with("sha2").toString(),
                            "no multipart/mixed part carries this attachment, and it has no fileUrl");
                }
                continue;
            }
            used.add(sha2);
            if (seen.add(sha2)) {
                own.add(part);
            }
        }
        return own;
    }

    private static String sha2(byte[] content, int hexLength) {
        String algorithm = switch (hexLength) {
            case 56 -> "SHA-224";
            case 96 -> "SHA-384";
            case 128 -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StatementsAccepted accepted(List<NewStatement> written, List<Incoming> incoming, XapiClient client) {
        Map<String, JsonNode> byId = new HashMap<>();
        incoming.forEach(in -> byId.put(in.facts().id(), in.complete()));
        List<StatementsAccepted.Accepted> accepted = new ArrayList<>(written.size());
        for (NewStatement n : written) {
            StatementFacts f = n.facts();
            JsonNode s = byId.get(f.id());
            JsonNode object = s.get("object");
            String objectType = object.path("objectType").asText("Activity");
            String objectId = switch (objectType) {
                case "Agent", "Group" -> Ifi.of(object);
                case "SubStatement" -> null;
                default -> object.get("id").asText();
            };
            accepted.add(new StatementsAccepted.Accepted(f.id(), f.verbId(), f.actorIfi(), objectType, objectId,
                    s.get("result"), f.voiding() ? f.objectStatementId() : null));
        }
        return new StatementsAccepted(client.key(), List.copyOf(accepted));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
