package io.skillbridge.xapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillbridge.xapi.auth.XapiClient;
import io.skillbridge.xapi.auth.XapiRequestFilter;
import io.skillbridge.xapi.store.AttachmentPart;
import io.skillbridge.xapi.store.StatementStore;
import io.skillbridge.xapi.store.StoredStatement;
import io.skillbridge.xapi.validation.Formats;
import io.skillbridge.xapi.validation.JsonPath;
import io.skillbridge.xapi.validation.StatementValidator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The xAPI Statements resource: PUT and POST of statements, GET of one statement or of a filtered, paged list. */
@RestController
@RequestMapping("/xapi")
class StatementsController {

    private static final Set<String> QUERY_PARAMETERS = Set.of("agent", "verb", "activity", "registration",
            "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending");
    private static final Set<String> SINGLE_PARAMETERS = Set.of("statementId", "voidedStatementId", "format", "attachments");

    private final StatementWriter writer;
    private final StatementStore store;
    private final ConsistentThrough consistentThrough;
    private final XapiProperties properties;
    private final ObjectMapper json;
    private final ObjectReader strictReader;

    StatementsController(StatementWriter writer, StatementStore store, ConsistentThrough consistentThrough,
                         XapiProperties properties, ObjectMapper json) {
        this.writer = writer;
        this.store = store;
        this.consistentThrough = consistentThrough;
        this.properties = properties;
        this.json = json;
        // a property given twice is ambiguous, and the spec's JSON is that of RFC 8259 objects: refused
        this.strictReader = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    @PutMapping("/statements")
    ResponseEntity<Void> put(HttpServletRequest request) throws IOException {
        onlyParameters(request, Set.of("statementId"));
        String statementId = request.getParameter("statementId");
        if (statementId == null) {
            throw XapiException.badRequest("statementId", "the statementId parameter is required on PUT");
        }
        if (!Formats.uuid(statementId)) {
            throw XapiException.badRequest("statementId", "'" + statementId + "' is not a UUID");
        }
        Body body = body(request);
        if (!body.json().isObject()) {
            throw XapiException.badRequest(null, "PUT takes one statement (a JSON object)");
        }
        writer.write(body.json(), statementId, body.parts(), client(request), version(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/statements")
    void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        onlyParameters(request, Set.of());
        Body body = body(request);
        if (!body.json().isObject() && !body.json().isArray()) {
            throw XapiException.badRequest(null, "POST takes a statement or an array of statements");
        }
        List<String> ids = writer.write(body.json(), null, body.parts(), client(request), version(request));
        // written directly: content negotiation and a message converter cost more than the rest of the response
        send(response, json.writeValueAsBytes(ids), List.of());
    }

    @GetMapping("/statements")
    void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Experience-API-Consistent-Through", consistentThrough.now().toString());
        String statementId = request.getParameter("statementId");
        String voidedStatementId = request.getParameter("voidedStatementId");
        if (statementId != null || voidedStatementId != null) {
            onlyParameters(request, SINGLE_PARAMETERS);
            if (statementId != null && voidedStatementId != null) {
                throw XapiException.badRequest(null, "give statementId or voidedStatementId, not both");
            }
            single(request, response, statementId != null ? statementId : voidedStatementId, voidedStatementId != null);
            return;
        }
        StatementQuery query;
        String more = request.getParameter("more");
        if (more != null) {
            onlyParameters(request, Set.of("more"));
            query = decodeMore(more);
        } else {
            onlyParameters(request, QUERY_PARAMETERS);
            query = query(request);
        }
        int pageSize = query.limit() == 0 ? properties.pageSize() : Math.min(query.limit(), properties.pageSize());
        List<StoredStatement> found = store.find(query, pageSize);
        boolean hasMore = found.size() > pageSize;
        List<StoredStatement> page = hasMore ? found.subList(0, pageSize) : found;
        String moreUrl = hasMore ? request.getContextPath() + "/xapi/statements?more="
                + encodeMore(query.continuingAfter(page.get(page.size() - 1).seq())) : "";
        page.stream().map(StoredStatement::stored).max(OffsetDateTime::compareTo)
                .ifPresent(t -> response.setHeader("Last-Modified", httpDate(t)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + page.size() * 800);
        out.writeBytes("{\"statements\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < page.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(formatted(page.get(i), query.format(), request).getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("],\"more\":" + json.writeValueAsString(moreUrl) + "}").getBytes(StandardCharsets.UTF_8));
        send(response, out.toByteArray(), query.attachments() ? page : List.of());
    }

    private void single(HttpServletRequest request, HttpServletResponse response, String id, boolean voided) throws IOException {
        String name = voided ? "voidedStatementId" : "statementId";
        if (!Formats.uuid(id)) {
            throw XapiException.badRequest(name, "'" + id + "' is not a UUID");
        }
        StoredStatement s = store.byId(id.toLowerCase(Locale.ROOT), voided);
        if (s == null) {
            throw new XapiException(HttpStatus.NOT_FOUND, "no " + (voided ? "voided " : "") + "statement " + id, name);
        }
        response.setHeader("Last-Modified", httpDate(s.stored()));
        byte[] body = formatted(s, format(request.getParameter("format")), request).getBytes(StandardCharsets.UTF_8);
        send(response, body, bool(request, "attachments") ? List.of(s) : List.of());
    }

    /** Writes a JSON body, or with attachments a multipart/mixed body: the JSON first, then each attachment once. */
    private void send(HttpServletResponse response, byte[] jsonBody, List<StoredStatement> withAttachments) throws IOException {
        if (withAttachments.isEmpty()) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(jsonBody.length);
            response.getOutputStream().write(jsonBody);
            return;
        }
        List<MultipartMixed.Part> parts = new ArrayList<>();
        parts.add(new MultipartMixed.Part(Map.of("Content-Type", MediaType.APPLICATION_JSON_VALUE), jsonBody));
        Set<String> sent = new LinkedHashSet<>();
        for (List<AttachmentPart> list : store.attachments(withAttachments.stream().map(StoredStatement::id).toList()).values()) {
            for (AttachmentPart a : list) {
                if (sent.add(a.sha2())) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("Content-Type", a.contentType());
                    headers.put("Content-Transfer-Encoding", "binary");
                    headers.put("X-Experience-API-Hash", a.sha2());
                    parts.add(new MultipartMixed.Part(headers, a.content()));
                }
            }
        }
        MultipartMixed.Written written = MultipartMixed.write(parts);
        response.setContentType(written.contentType());
        response.setContentLength(written.body().length);
        response.getOutputStream().write(written.body());
    }

    private String formatted(StoredStatement s, StatementQuery.Format format, HttpServletRequest request) throws IOException {
        if (format == StatementQuery.Format.EXACT) {
            return s.body();
        }
        ObjectNode statement = (ObjectNode) json.readTree(s.body());
        if (format == StatementQuery.Format.IDS) {
            StatementFormats.ids(statement);
        } else {
            StatementFormats.canonical(statement, Collections.list(request.getLocales()));
        }
        return json.writeValueAsString(statement);
    }

    private StatementQuery query(HttpServletRequest request) {
        String agentIfi = null;
        String agent = request.getParameter("agent");
        if (agent != null) {
            JsonNode node;
            try {
                node = strictReader.readTree(agent);
            } catch (IOException e) {
                throw XapiException.badRequest("agent", "must be a JSON-encoded Agent or Group");
            }
            new StatementValidator(version(request)).agentParameter(node, JsonPath.root("agent"));
            agentIfi = Ifi.of(node);
            if (agentIfi == null) {
                throw XapiException.badRequest("agent", "an anonymous Group cannot be a filter: it has no identifier");
            }
        }
        String verb = iri(request, "verb");
        String activity = iri(request, "activity");
        String registration = request.getParameter("registration");
        if (registration != null && !Formats.uuid(registration)) {
            throw XapiException.badRequest("registration", "'" + registration + "' is not a UUID");
        }
        int limit = 0;
        String limitText = request.getParameter("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 0) {
                throw XapiException.badRequest("limit", "must be a non-negative integer");
            }
        }
        return new StatementQuery(agentIfi, verb, activity, registration == null ? null : registration.toLowerCase(Locale.ROOT),
                bool(request, "related_activities"), bool(request, "related_agents"), time(request, "since"),
                time(request, "until"), limit, format(request.getParameter("format")), bool(request, "attachments"),
                bool(request, "ascending"), null);
    }

    private static String iri(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value != null && !Formats.iri(value)) {
            throw XapiException.badRequest(name, "'" + value + "' is not an IRI");
        }
        return value;
    }

    private static OffsetDateTime time(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null) {
            return null;
        }
        OffsetDateTime t = Formats.timestamp(value);
        if (t == null) {
            throw XapiException.badRequest(name, "must be an ISO 8601 timestamp with a time zone");
        }
        return t;
    }

    private static boolean bool(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw XapiException.badRequest(name, "must be true or false");
    }

    private static StatementQuery.Format format(String value) {
        if (value == null) {
            return StatementQuery.Format.EXACT;
        }
        return switch (value) {
            case "exact" -> StatementQuery.Format.EXACT;
            case "ids" -> StatementQuery.Format.IDS;
            case "canonical" -> StatementQuery.Format.CANONICAL;
            default -> throw XapiException.badRequest("format", "must be ids, exact or canonical");
        };
    }

    private String encodeMore(StatementQuery query) throws IOException {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(query));
    }

    private StatementQuery decodeMore(String token) {
        try {
            return json.readValue(Base64.getUrlDecoder().decode(token), StatementQuery.class);
        } catch (IOException | IllegalArgumentException e) {
            throw XapiException.badRequest("more", "is not a more link this LRS gave out");
        }
    }

    private static void onlyParameters(HttpServletRequest request, Set<String> allowed) {
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                throw XapiException.badRequest(name, "unknown or misplaced parameter '" + name + "'"
                        + (allowed.isEmpty() ? "" : "; allowed here: " + allowed));
            }
        }
    }

    /** The request body, JSON or multipart/mixed, read up to the configured limit. */
    private record Body(JsonNode json, List<MultipartMixed.Part> parts) {
    }

    private Body body(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null) {
            throw XapiException.badRequest(null, "Content-Type is required: application/json or multipart/mixed");
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        long max = properties.maxBody().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (bytes.length > max) {
            throw tooLarge(max);
        }
        if (type.startsWith("application/json")) {
            return new Body(parse(bytes), null);
        }
        if (type.startsWith("multipart/mixed")) {
            List<MultipartMixed.Part> parts = MultipartMixed.parse(bytes, contentType);
            if (parts.isEmpty() || parts.get(0).header("Content-Type") == null
                    || !parts.get(0).header("Content-Type").toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw XapiException.badRequest(null, "the first part of a multipart/mixed request must be the statements, as application/json");
            }
            return new Body(parse(parts.get(0).content()), parts.subList(1, parts.size()));
        }
        throw XapiException.badRequest(null, "Content-Type " + contentType + " is not accepted: application/json or multipart/mixed");
    }

    private JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = strictReader.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw XapiException.badRequest(null, "the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw XapiException.badRequest(null, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XapiException tooLarge(long max) {
        return new XapiException(HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than this LRS accepts (" + max + " bytes)", null);
    }

    private static String httpDate(OffsetDateTime t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static XapiClient client(HttpServletRequest request) {
        return (XapiClient) request.getAttribute(XapiRequestFilter.CLIENT);
    }

    private static XapiVersion version(HttpServletRequest request) {
        return (XapiVersion) request.getAttribute(XapiRequestFilter.VERSION);
    }
}
