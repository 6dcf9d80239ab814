package io.skillbridge.connector.http;

import java.util.Arrays;
import java.util.List;

/**
 * The parameters of an HTTP pull connector, bound from its template parameters of the same names (Jackson coerces
 * the strings a template passes). The secret-bearing properties ({@code password}, {@code token}, {@code apiKey},
 * {@code clientSecret}) hold references, never values: {@link HttpPageSource} resolves them at each use, so that no
 * settings object, log line or message ever carries a secret.
 */
public class HttpPullSettings {

    private String baseUrl;
    private String path = "";
    private String method = "GET";
    private String body = "";
    private String headers = "";
    private String recordsPath = "";
    private String recordIdField = "id";
    private String detailPath = "";
    private String authType = "none";
    private String username = "";
    private String password = "";
    private String token = "";
    private String apiKeyHeader = "X-API-Key";
    private String apiKey = "";
    private String apiKeyParam = "";
    private String tokenUrl = "";
    private String clientId = "";
    private String clientSecret = "";
    private String scope = "";
    private String pagination = "none";
    private int pageSize = 100;
    private String offsetParam = "offset";
    private String limitParam = "limit";
    private String pageParam = "page";
    private int firstPage = 1;
    private String totalPath = "";
    private String nextLinkPath = "/next";
    private String cursorParam = "cursor";
    private String cursorPath = "/nextCursor";
    private String incrementalParam = "";
    private String initialCursor = "";
    private String runAfter = "";
    private String responseCursorPath = "";
    private String errorBodyPath = "";
    private double requestsPerSecond = 0;
    private int maxRetries = 5;
    private long retryBackoffMs = 500;
    private int maxRetryAfterSeconds = 120;
    private int connectTimeoutMs = 10000;
    private int readTimeoutMs = 30000;

    /** The API root, e.g. {@code https://wd2-impl-services1.workday.com/ccx/api/v1/acme}. Required. */
    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Appended to {@link #getBaseUrl()}; may carry a query string. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** {@code GET} or {@code POST}. */
    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    /** The request body of a {@code POST} (JSON unless a {@code Content-Type} header says otherwise). */
    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    /** Extra request headers as {@code Name: value; Name2: value2}. */
    public String getHeaders() {
        return headers;
    }

    public void setHeaders(String headers) {
        this.headers = headers;
    }

    /** JSON Pointer of the records in the response ({@code ""}: the body itself); an object there yields its values. */
    public String getRecordsPath() {
        return recordsPath;
    }

    public void setRecordsPath(String recordsPath) {
        this.recordsPath = recordsPath;
    }

    /** The record field (or JSON Pointer) that names a record in dead letters and in {@link #getDetailPath()}. */
    public String getRecordIdField() {
        return recordIdField;
    }

    public void setRecordIdField(String recordIdField) {
        this.recordIdField = recordIdField;
    }

    /** When set, each listed record is fetched from this path, {@code {id}} replaced by its id. */
    public String getDetailPath() {
        return detailPath;
    }

    public void setDetailPath(String detailPath) {
        this.detailPath = detailPath;
    }

    /** {@code none}, {@code basic}, {@code bearer}, {@code api-key} or {@code oauth2} (client credentials). */
    public String getAuthType() {
        return authType;
    }

    public void setAuthType(String authType) {
        this.authType = authType;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** A secret reference such as {@code ${BAMBOOHR_PASSWORD}}, resolved only when a request is made. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** A secret reference: the bearer token. */
    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getApiKeyHeader() {
        return apiKeyHeader;
    }

    public void setApiKeyHeader(String apiKeyHeader) {
        this.apiKeyHeader = apiKeyHeader;
    }

    /** A secret reference: the value of {@link #getApiKeyHeader()}. */
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * The query parameter that carries the API key instead of {@link #getApiKeyHeader()} (Moodle's {@code wstoken});
     * {@code ""}: the key goes in the header.
     */
    public String getApiKeyParam() {
        return apiKeyParam;
    }

    public void setApiKeyParam(String apiKeyParam) {
        this.apiKeyParam = apiKeyParam;
    }

    /** The OAuth2 token endpoint. */
    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** A secret reference: the OAuth2 client secret. */
    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    /** {@code none}, {@code offset}, {@code page}, {@code next-link}, {@code link-header}, {@code cursor} or {@code odata}. */
    public String getPagination() {
        return pagination;
    }

    public void setPagination(String pagination) {
        this.pagination = pagination;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getOffsetParam() {
        return offsetParam;
    }

    public void setOffsetParam(String offsetParam) {
        this.offsetParam = offsetParam;
    }

    /** The page-size parameter of offset and page paging; {@code ""}: not sent. */
    public String getLimitParam() {
        return limitParam;
    }

    public void setLimitParam(String limitParam) {
        this.limitParam = limitParam;
    }

    public String getPageParam() {
        return pageParam;
    }

    public void setPageParam(String pageParam) {
        this.pageParam = pageParam;
    }

    public int getFirstPage() {
        return firstPage;
    }

    public void setFirstPage(int firstPage) {
        this.firstPage = firstPage;
    }

    /** JSON Pointer of the total record count, which ends offset and page paging. */
    public String getTotalPath() {
        return totalPath;
    }

    public void setTotalPath(String totalPath) {
        this.totalPath = totalPath;
    }

    /** JSON Pointer of the next page's URL (absolute or relative) for next-link paging. */
    public String getNextLinkPath() {
        return nextLinkPath;
    }

    public void setNextLinkPath(String nextLinkPath) {
        this.nextLinkPath = nextLinkPath;
    }

    public String getCursorParam() {
        return cursorParam;
    }

    public void setCursorParam(String cursorParam) {
        this.cursorParam = cursorParam;
    }

    /** JSON Pointer of the next page's cursor token. */
    public String getCursorPath() {
        return cursorPath;
    }

    public void setCursorPath(String cursorPath) {
        this.cursorPath = cursorPath;
    }

    /** The query parameter that carries the incremental cursor; {@code ""}: the source cannot filter. */
    public String getIncrementalParam() {
        return incrementalParam;
    }

    public void setIncrementalParam(String incrementalParam) {
        this.incrementalParam = incrementalParam;
    }

    /**
     * The cursor a change API gets on a connector's first sync, before any run has produced one (BambooHR's
     * {@code employees/changed} requires {@code since}); empty to read the source whole without a cursor.
     */
    public String getRunAfter() {
        return runAfter;
    }

    public void setRunAfter(String runAfter) {
        this.runAfter = runAfter;
    }

    /** The connectors whose first run a scheduled run of this one waits for, from {@link #getRunAfter()}. */
    public List<String> runAfterConnectors() {
        return runAfter == null ? List.of() : Arrays.stream(runAfter.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getInitialCursor() {
        return initialCursor;
    }

    public void setInitialCursor(String initialCursor) {
        this.initialCursor = initialCursor;
    }

    /** JSON Pointer of a cursor the response announces for the next incremental run. */
    public String getResponseCursorPath() {
        return responseCursorPath;
    }

    public void setResponseCursorPath(String responseCursorPath) {
        this.responseCursorPath = responseCursorPath;
    }

    /**
     * JSON Pointer whose presence in a successful response marks it as an error (Moodle answers a bad token or a
     * missing capability with HTTP 200 and {@code {"exception": ...}}); {@code ""}: only the status decides.
     */
    public String getErrorBodyPath() {
        return errorBodyPath;
    }

    public void setErrorBodyPath(String errorBodyPath) {
        this.errorBodyPath = errorBodyPath;
    }

    /** At most this many requests per second; {@code 0}: unlimited. */
    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** The first retry's delay; it doubles with each further retry, with jitter. */
    public long getRetryBackoffMs() {
        return retryBackoffMs;
    }

    public void setRetryBackoffMs(long retryBackoffMs) {
        this.retryBackoffMs = retryBackoffMs;
    }

    /** The longest wait between two attempts, whatever a {@code Retry-After} asks for. */
    public int getMaxRetryAfterSeconds() {
        return maxRetryAfterSeconds;
    }

    public void setMaxRetryAfterSeconds(int maxRetryAfterSeconds) {
        this.maxRetryAfterSeconds = maxRetryAfterSeconds;
    }

    public int getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public void setConnectTimeoutMs(int connectTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
    }

    public int getReadTimeoutMs() {
        return readTimeoutMs;
    }

    public void setReadTimeoutMs(int readTimeoutMs) {
        this.readTimeoutMs = readTimeoutMs;
    }
}
