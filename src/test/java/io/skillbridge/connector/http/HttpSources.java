package io.skillbridge.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.connector.Page;
import io.skillbridge.connector.SourceRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Shared set-up of the HTTP pull tests. */
final class HttpSources {

    /**
     * The environment the tests pretend to have: references resolve to these values, unknown references to nothing,
     * and a literal (a public user name) stays as it is, like the hub's own resolver.
     */
    static final Map<String, String> ENV = Map.of(
            "${PASSWORD}", "pa55-w0rd-value",
            "${TOKEN}", "bearer-token-value",
            "${API_KEY}", "api-key-value",
            "${CLIENT_SECRET}", "client-secret-value");
    static final UnaryOperator<String> SECRETS = value -> value.startsWith("${") ? ENV.get(value) : value;

    private HttpSources() {
    }

    /** Settings that retry fast, so that retry tests stay quick. */
    static HttpPullSettings settings(String baseUrl) {
        HttpPullSettings settings = new HttpPullSettings();
        settings.setBaseUrl(baseUrl);
        settings.setRetryBackoffMs(10);
        settings.setMaxRetries(2);
        settings.setReadTimeoutMs(5000);
        return settings;
    }

    static HttpPageSource source(HttpPullSettings settings) {
        return new HttpPageSource(settings, SECRETS, HostPolicy.permissive());
    }

    /** All pages from the first until nextState is null, as a sync run reads them. */
    static List<Page> readAll(HttpPageSource source, String incrementalCursor) throws IOException {
        List<Page> pages = new ArrayList<>();
        String state = null;
        do {
            Page page = source.fetch(state, incrementalCursor);
            pages.add(page);
            state = page.nextState();
            if (pages.size() > 50) {
                throw new AssertionError("paging does not end");
            }
        } while (state != null);
        return pages;
    }

    static List<String> refs(List<Page> pages) {
        return pages.stream().flatMap(p -> p.records().stream()).map(SourceRecord::ref).toList();
    }

    static List<JsonNode> payloads(Page page) {
        return page.records().stream().map(SourceRecord::payload).toList();
    }
}
