package io.skillbridge.connector.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillbridge.connector.Page;
import io.skillbridge.connector.PageSource;
import io.skillbridge.connector.SourceRecord;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads a paged JSON HTTP API (Workday REST and RaaS, BambooHR, LinkedIn Learning, SCORM Cloud, OData services, ...)
 * as configured by {@link HttpPullSettings}.
 *
 * <p>The page state is self-describing, so any instance with the same settings resumes from it:
 * {@code offset:200}, {@code page:3}, {@code cursor:<token>} or {@code url:<absolute next URL>}; {@code null} is
 * the first page. A next URL is followed as the API gave it (it carries the query of the first request, the
 * incremental filter included); offset, page and cursor requests are rebuilt from the settings each time.
 */
public final class HttpPageSource implements PageSource {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final List<JsonPointer> ODATA_NEXT = List.of(
            JsonPointer.compile("/d/__next"), JsonPointer.compile("/@odata.nextLink"), JsonPointer.compile("/__next"));
    /** Splits "A: 1; B: 2" where a new "Name:" starts, so that "Accept: application/json; charset=utf-8" survives. */
    private static final Pattern HEADER_SEPARATOR = Pattern.compile(";\\s*(?=[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*:)");

    private enum Auth { NONE, BASIC, BEARER, API_KEY, OAUTH2 }

    private enum Paging { NONE, OFFSET, PAGE, NEXT_LINK, LINK_HEADER, CURSOR, ODATA }

    private final HttpPullSettings settings;
    private final UnaryOperator<String> secrets;
    private final Auth auth;
    private final Paging paging;
    private final HttpUrl listUrl;
    private final Headers headers;
    private final MediaType bodyType;
    private final JsonPointer recordsPointer;
    private final JsonPointer idPointer;
    private final JsonPointer totalPointer;
    private final JsonPointer nextLinkPointer;
    private final JsonPointer cursorPointer;
    private final JsonPointer responseCursorPointer;
    private final JsonPointer errorBodyPointer;
    private final HttpCaller caller;
    private final HttpCaller.Credentials credentials;
    private final ClientCredentials oauth;

    /**
     * @param secrets    resolves a secret reference ({@code ${NAME}}) to its value; called at each use
     * @param hostPolicy which hosts the source may call
     * @throws IllegalArgumentException when the settings are incomplete or contradictory
     */
    public HttpPageSource(HttpPullSettings settings, UnaryOperator<String> secrets, HostPolicy hostPolicy) {
        this.settings = settings;
        this.secrets = secrets;
        this.auth = option(Auth.class, "authType", settings.getAuthType());
        this.paging = option(Paging.class, "pagination", settings.getPagination());
        String method = settings.getMethod().trim().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("method must be GET or POST, not " + settings.getMethod());
        }
        if (settings.getBaseUrl() == null || settings.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException("baseUrl is required");
        }
        this.listUrl = url("baseUrl and path", join(settings.getBaseUrl(), settings.getPath()));
        this.headers = parseHeaders(settings.getHeaders());
        String contentType = headers.get("Content-Type");
        this.bodyType = contentType != null ? MediaType.get(contentType) : JSON;
        this.recordsPointer = pointer("recordsPath", settings.getRecordsPath());
        String idField = settings.getRecordIdField();
        this.idPointer = idField.startsWith("/") ? pointer("recordIdField", idField)
                : JsonPointer.compile("/" + idField.replace("~", "~0").replace("/", "~1"));
        this.totalPointer = pointer("totalPath", settings.getTotalPath());
        this.nextLinkPointer = pointer("nextLinkPath", settings.getNextLinkPath());
        this.cursorPointer = pointer("cursorPath", settings.getCursorPath());
        this.responseCursorPointer = pointer("responseCursorPath", settings.getResponseCursorPath());
        this.errorBodyPointer = pointer("errorBodyPath", settings.getErrorBodyPath());
        if (settings.getPageSize() < 1 && (paging == Paging.OFFSET || paging == Paging.PAGE)) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.caller = new HttpCaller(settings, hostPolicy, this::secretValues);
        if (auth == Auth.OAUTH2) {
            HttpUrl tokenUrl = url("tokenUrl", settings.getTokenUrl());
            this.oauth = new ClientCredentials(caller, tokenUrl, settings.getClientId(),
                    () -> secret("clientSecret", settings.getClientSecret()), settings.getScope());
            this.credentials = oauth;
        } else {
            this.oauth = null;
            this.credentials = auth == Auth.NONE ? HttpCaller.NONE : new StaticCredentials();
        }
    }

    @Override
    public Page fetch(String pageState, String incrementalCursor) throws IOException {
        HttpUrl url = pageUrl(pageState, incrementalCursor);
        Request.Builder request = new Request.Builder().url(url).headers(headers);
        if (settings.getMethod().equalsIgnoreCase("POST")) {
            request.post(RequestBody.create(settings.getBody(), bodyType));
        }
        HttpCaller.Exchange answer = caller.call(request.build(), credentials, Set.of());
        JsonNode body = parse(answer);
        List<SourceRecord> records = records(body, answer.url());
        if (!settings.getDetailPath().isEmpty()) {
            records = withDetails(records);
        }
        String next = nextState(pageState, url, answer, body, records.size());
        return new Page(records, next, text(body, responseCursorPointer), answer.body());
    }

    private HttpUrl pageUrl(String pageState, String incrementalCursor) throws IOException {
        if (pageState != null && pageState.startsWith("url:")) {
            if (paging != Paging.NEXT_LINK && paging != Paging.LINK_HEADER && paging != Paging.ODATA) {
                throw badState(pageState);
            }
            return sameOrigin(HttpUrl.parse(pageState.substring(4)));
        }
        HttpUrl.Builder url = listUrl.newBuilder();
        if (incrementalCursor != null && !settings.getIncrementalParam().isEmpty()) {
            url.setQueryParameter(settings.getIncrementalParam(), incrementalCursor);
        }
        switch (paging) {
            case OFFSET -> {
                url.setQueryParameter(settings.getOffsetParam(), Long.toString(number(pageState, "offset:", 0)));
                limit(url);
            }
            case PAGE -> {
                url.setQueryParameter(settings.getPageParam(),
                        Long.toString(number(pageState, "page:", settings.getFirstPage())));
                limit(url);
            }
            case CURSOR -> {
                if (pageState != null) {
                    if (!pageState.startsWith("cursor:")) {
                        throw badState(pageState);
                    }
                    url.setQueryParameter(settings.getCursorParam(), pageState.substring(7));
                }
            }
            default -> {
                if (pageState != null) {
                    throw badState(pageState);
                }
            }
        }
        return url.build();
    }

    private void limit(HttpUrl.Builder url) {
        if (!settings.getLimitParam().isEmpty()) {
            url.setQueryParameter(settings.getLimitParam(), Integer.toString(settings.getPageSize()));
        }
    }

    private long number(String pageState, String prefix, long first) throws IOException {
        if (pageState == null) {
            return first;
        }
        if (pageState.startsWith(prefix)) {
            try {
                return Long.parseLong(pageState.substring(prefix.length()));
            } catch (NumberFormatException e) {
                throw badState(pageState);
            }
        }
        throw badState(pageState);
    }

    private IOException badState(String pageState) {
        // Names only the kind of state: a URL state may carry a vendor's tokens.
        String kind = pageState.contains(":") ? pageState.substring(0, pageState.indexOf(':')) : "unknown";
        return new IOException("Page state of kind '" + kind + "' does not fit pagination '"
                + settings.getPagination() + "': was the connector's pagination changed mid-run?");
    }

    /**
     * A next link must stay on the configured API: it comes from the response, and following it elsewhere would
     * hand the connector's credentials to whatever host a response names.
     */
    private HttpUrl sameOrigin(HttpUrl url) throws IOException {
        if (url == null) {
            throw new IOException("A next page link of " + Redaction.url(listUrl) + " is not an http(s) URL");
        }
        if (!url.scheme().equals(listUrl.scheme()) || !url.host().equalsIgnoreCase(listUrl.host())
                || url.port() != listUrl.port()) {
            throw new IOException("Next page URL " + Redaction.url(url) + " leaves the configured API "
                    + listUrl.scheme() + "://" + listUrl.host() + ":" + listUrl.port()
                    + "; refusing to send the connector's credentials there");
        }
        return url;
    }

    private String nextState(String pageState, HttpUrl url, HttpCaller.Exchange answer, JsonNode body, int count)
            throws IOException {
        return switch (paging) {
            case NONE -> null;
            case OFFSET -> {
                long offset = number(pageState, "offset:", 0);
                yield hasMore(body, offset + count, count) ? "offset:" + (offset + count) : null;
            }
            case PAGE -> {
                long page = number(pageState, "page:", settings.getFirstPage());
                long seen = (page - settings.getFirstPage()) * settings.getPageSize() + count;
                yield hasMore(body, seen, count) ? "page:" + (page + 1) : null;
            }
            case CURSOR -> {
                String cursor = text(body, cursorPointer);
                if (cursor == null || cursor.isEmpty()) {
                    yield null;
                }
                if (pageState != null && pageState.equals("cursor:" + cursor)) {
                    throw endless(url, "cursor");
                }
                yield "cursor:" + cursor;
            }
            case NEXT_LINK -> link(url, text(body, nextLinkPointer));
            case LINK_HEADER -> link(url, LinkHeader.next(answer.headers().values("Link")));
            case ODATA -> {
                String next = null;
                for (Iterator<JsonPointer> it = ODATA_NEXT.iterator(); next == null && it.hasNext(); ) {
                    next = text(body, it.next());
                }
                yield link(url, next);
            }
        };
    }

    /**
     * Offset and page paging: the announced total decides when there is one, since a server may cap the page size
     * below ours; without one, a short page is the last.
     */
    private boolean hasMore(JsonNode body, long seen, int count) {
        if (count == 0) {
            return false;
        }
        JsonNode total = totalPointer == null ? null : body.at(totalPointer);
        if (total != null && (total.isNumber() || total.isTextual() && total.asText().matches("\\d+"))) {
            return seen < total.asLong();
        }
        return count >= settings.getPageSize();
    }

    /** Resolved like a browser resolves a link: against the URL of the request that returned it. */
    private String link(HttpUrl current, String link) throws IOException {
        if (link == null || link.isBlank()) {
            return null;
        }
        HttpUrl next = sameOrigin(current.resolve(link.trim()));
        if (next.equals(current)) {
            throw endless(current, "next link");
        }
        return "url:" + next;
    }

    private IOException endless(HttpUrl url, String what) {
        return new IOException(Redaction.url(url) + " returned its own " + what + " as the next page: stopping "
                + "rather than reading the same page forever");
    }

    private JsonNode parse(HttpCaller.Exchange answer) throws IOException {
        try {
            JsonNode body = MAPPER.readTree(answer.body());
            if (body == null || body.isMissingNode()) {
                throw new IOException("The response from " + Redaction.url(answer.url()) + " is empty, not JSON");
            }
            if (errorBodyPointer != null && !body.at(errorBodyPointer).isMissingNode()) {
                // Some APIs report failures inside a 200: read as data, the error would land as an empty page.
                throw new IOException("The response from " + Redaction.url(answer.url()) + " is an error (it has "
                        + settings.getErrorBodyPath() + "): " + caller.snippet(answer.body()));
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new IOException("The response from " + Redaction.url(answer.url()) + " is not valid JSON: "
                    + caller.redact(e.getOriginalMessage()));
        }
    }

    private List<SourceRecord> records(JsonNode body, HttpUrl url) throws IOException {
        JsonNode node = recordsPointer == null ? body : body.at(recordsPointer);
        if (node.isMissingNode()) {
            // Not "no records": a full snapshot read as empty would deactivate every record on reconciliation.
            throw new IOException("The response from " + Redaction.url(url) + " has nothing at recordsPath "
                    + settings.getRecordsPath());
        }
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray() && !node.isObject()) {
            throw new IOException("recordsPath " + settings.getRecordsPath() + " of the response from "
                    + Redaction.url(url) + " is a " + node.getNodeType() + ", not an array or object");
        }
        List<SourceRecord> records = new ArrayList<>(node.size());
        if (node.isArray()) {
            for (JsonNode record : node) {
                records.add(SourceRecord.of(ref(record, null, records.size()), record));
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                records.add(SourceRecord.of(ref(entry.getValue(), entry.getKey(), records.size()), entry.getValue()));
            }
        }
        return records;
    }

    /** The record's id; else its key in an object of records; else its position, for people reading dead letters. */
    private String ref(JsonNode record, String key, int index) {
        String id = text(record, idPointer);
        if (id != null && !id.isEmpty()) {
            return id;
        }
        return key != null ? key : "record " + index;
    }

    private List<SourceRecord> withDetails(List<SourceRecord> listed) throws IOException {
        List<SourceRecord> records = new ArrayList<>(listed.size());
        for (SourceRecord summary : listed) {
            ObjectNode combined = JsonNodeFactory.instance.objectNode();
            combined.set("summary", summary.payload());
            String id = text(summary.payload(), idPointer);
            if (id == null || id.isEmpty()) {
                combined.set("detail", NullNode.getInstance());
                records.add(SourceRecord.unreadable(summary.ref(), combined,
                        "The listed record has no " + settings.getRecordIdField() + " to fetch its detail with"));
                continue;
            }
            HttpUrl url = url("detailPath", join(settings.getBaseUrl(),
                    settings.getDetailPath().replace("{id}", encode(id))));
            Request request = new Request.Builder().url(url).headers(headers).build();
            HttpCaller.Exchange answer = caller.call(request, credentials, Set.of(404));
            combined.set("detail", answer.status() == 404 ? NullNode.getInstance() : parse(answer));
            records.add(SourceRecord.of(summary.ref(), combined));
        }
        return records;
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, safe in a path segment and a query value. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String text(JsonNode node, JsonPointer pointer) {
        if (pointer == null) {
            return null;
        }
        JsonNode value = node.at(pointer);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private String secret(String property, String reference) throws IOException {
        String value = reference == null || reference.isEmpty() ? null : secrets.apply(reference);
        if (value == null) {
            throw new IOException("The secret in property " + property + " is not set or does not resolve; set the "
                    + "environment variable it refers to");
        }
        return value;
    }

    /** Every secret value this source may send, to be masked wherever a server might echo it into a message. */
    private Collection<String> secretValues() {
        List<String> values = new ArrayList<>();
        for (String reference : List.of(settings.getUsername(), settings.getPassword(), settings.getToken(), settings.getApiKey(),
                settings.getClientSecret())) {
            if (reference != null && !reference.isEmpty()) {
                try {
                    values.add(secrets.apply(reference));
                } catch (RuntimeException ignored) {
                    // An unresolvable reference has no value that could leak.
                }
            }
        }
        if (oauth != null) {
            values.add(oauth.currentToken());
        }
        return values;
    }

    /** Basic, bearer and API-key credentials, resolved at each request so that a rotated secret takes effect. */
    private final class StaticCredentials implements HttpCaller.Credentials {
        @Override
        public Request apply(Request request) throws IOException {
            Request.Builder builder = request.newBuilder();
            switch (auth) {
                case BASIC -> builder.header("Authorization", okhttp3.Credentials.basic(secret("username", settings.getUsername()),
                        secret("password", settings.getPassword()), StandardCharsets.UTF_8));
                case BEARER -> builder.header("Authorization", "Bearer " + secret("token", settings.getToken()));
                case API_KEY -> {
                    String key = secret("apiKey", settings.getApiKey());
                    if (settings.getApiKeyParam().isEmpty()) {
                        builder.header(settings.getApiKeyHeader(), key);
                    } else {
                        builder.url(request.url().newBuilder().setQueryParameter(settings.getApiKeyParam(), key).build());
                    }
                }
                default -> throw new IllegalStateException(auth.name());
            }
            return builder.build();
        }

        @Override
        public boolean refresh(Request rejected) {
            return false;
        }
    }

    private static <E extends Enum<E>> E option(Class<E> type, String property, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new IllegalArgumentException(property + " must be one of " + allowed + ", not " + value);
        }
    }

    private static String join(String base, String path) {
        if (path == null || path.isEmpty()) {
            return base;
        }
        if (base.endsWith("/") && path.startsWith("/")) {
            return base + path.substring(1);
        }
        return base.endsWith("/") || path.startsWith("/") || path.startsWith("?") ? base + path : base + "/" + path;
    }

    private static HttpUrl url(String property, String value) {
        HttpUrl url = value == null ? null : HttpUrl.parse(value.trim());
        if (url == null) {
            throw new IllegalArgumentException(property + " must give an http or https URL");
        }
        return url;
    }

    private static JsonPointer pointer(String property, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return JsonPointer.compile(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be a JSON Pointer such as /data, not " + value);
        }
    }

    private static Headers parseHeaders(String spec) {
        Headers.Builder headers = new Headers.Builder().add("Accept", "application/json");
        if (spec == null || spec.isBlank()) {
            return headers.build();
        }
        for (String entry : HEADER_SEPARATOR.split(spec.trim().replaceAll(";\\s*$", ""))) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("headers: expected 'Name: value', not '" + entry.trim() + "'");
            }
            // set, not add: a configured Accept replaces the default.
            headers.set(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return headers.build();
    }
}
