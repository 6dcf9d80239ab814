package io.skillbridge.connector.http;

import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends one logical request: host policy, credentials, rate limit, retries with backoff or {@code Retry-After}, and
 * one redacted DEBUG line per attempt. Messages name the method, the redacted URL and the status, never a header or
 * a secret value.
 */
final class HttpCaller {

    /** The source's logger: operators turn on one category to see a connector's requests. */
    private static final Logger LOG = LoggerFactory.getLogger(HttpPageSource.class);

    /** One client for the process, so that every source shares its connection pool and dispatcher threads. */
    private static final OkHttpClient SHARED = new OkHttpClient();

    private static final int SNIPPET_CHARS = 200;

    /** A response that {@link #call} hands back. */
    record Exchange(HttpUrl url, int status, Headers headers, byte[] body) {
    }

    /** Adds credentials to requests, and gets fresh ones when the server rejects them. */
    interface Credentials {
        Request apply(Request request) throws IOException;

        /** Called at most once per call, on a 401: {@code true} when fresh credentials are worth one more try. */
        boolean refresh(Request rejected);
    }

    static final Credentials NONE = new Credentials() {
        @Override
        public Request apply(Request request) {
            return request;
        }

        @Override
        public boolean refresh(Request rejected) {
            return false;
        }
    };

    private final OkHttpClient client;
    private final HostPolicy hostPolicy;
    private final RateLimiter rateLimiter;
    private final int maxRetries;
    private final long retryBackoffMs;
    private final long maxWaitMs;
    private final Supplier<Collection<String>> secretValues;

    HttpCaller(HttpPullSettings settings, HostPolicy hostPolicy, Supplier<Collection<String>> secretValues) {
        this.hostPolicy = hostPolicy;
        this.rateLimiter = new RateLimiter(settings.getRequestsPerSecond());
        this.maxRetries = Math.max(0, settings.getMaxRetries());
        this.retryBackoffMs = Math.max(0, settings.getRetryBackoffMs());
        this.maxWaitMs = TimeUnit.SECONDS.toMillis(Math.max(0, settings.getMaxRetryAfterSeconds()));
        this.secretValues = secretValues;
        this.client = SHARED.newBuilder()
                .connectTimeout(Duration.ofMillis(settings.getConnectTimeoutMs()))
                .readTimeout(Duration.ofMillis(settings.getReadTimeoutMs()))
                .writeTimeout(Duration.ofMillis(settings.getReadTimeoutMs()))
                .addNetworkInterceptor(chain -> {
                    checkConnection(chain.request().url().host(), chain.connection());
                    return chain.proceed(chain.request());
                })
                .build();
    }

    /**
     * Sends {@code request} until it succeeds, fails for good or the retries are spent.
     *
     * @param passThrough error statuses handed back to the caller instead of failing (404 for a detail)
     * @return the 2xx response, or a response with one of the {@code passThrough} statuses
     * @throws IOException a 4xx at once; a 429, 5xx or I/O error once {@code maxRetries} retries are spent
     */
    Exchange call(Request request, Credentials credentials, Set<Integer> passThrough) throws IOException {
        hostPolicy.check(request.url().toString());
        boolean refreshed = false;
        for (int attempt = 0; ; attempt++) {
            Request sent = credentials.apply(request);
            rateLimiter.acquire();
            long start = System.nanoTime();
            Exchange exchange;
            try (Response response = client.newCall(sent).execute()) {
                exchange = new Exchange(response.request().url(), response.code(), response.headers(),
                        response.body().bytes());
            } catch (IOException e) {
                HostPolicy.HostRefusedException refused = findRefused(e);
                if (refused != null) {
                    throw refused;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.debug("{} -> {} in {} ms", describe(request), e.getClass().getSimpleName(), millisSince(start));
                String failure = e.getClass().getSimpleName() + ": " + redact(e.getMessage());
                if (attempt >= maxRetries) {
                    throw exhausted(request, attempt, failure, e);
                }
                Sleeper.sleep(backoff(attempt));
                continue;
            }
            int status = exchange.status();
            LOG.debug("{} -> {} in {} ms", describe(request), status, millisSince(start));
            if (status / 100 == 2 || passThrough.contains(status)) {
                return exchange;
            }
            if (status == 401 && !refreshed && credentials.refresh(sent)) {
                refreshed = true;
                attempt--;
                continue;
            }
            if (status != 429 && status < 500) {
                throw new IOException(describe(request) + " answered HTTP " + status + ": " + snippet(exchange.body()));
            }
            if (attempt >= maxRetries) {
                throw exhausted(request, attempt, "HTTP " + status + ": " + snippet(exchange.body()), null);
            }
            Duration serverWait = status == 429 || status == 503
                    ? RetryAfter.parse(exchange.headers().get("Retry-After"), Instant.now()) : null;
            Sleeper.sleep(serverWait != null ? Math.min(serverWait.toMillis(), maxWaitMs) : backoff(attempt));
        }
    }

    /** {@code METHOD url} with the URL redacted: the prefix of every message about a request. */
    static String describe(Request request) {
        return request.method() + " " + Redaction.url(request.url());
    }

    /** Masks the secret values of this source in a message that may echo them (an error body, say). */
    String redact(String text) {
        return Redaction.secrets(text, secretValues.get());
    }

    private IOException exhausted(Request request, int attempt, String lastFailure, IOException cause) {
        return new IOException(describe(request) + " failed after " + (attempt + 1) + " attempts; last: "
                + lastFailure, cause);
    }

    /** Exponential from retryBackoffMs, with "equal jitter" so that many sources do not retry in lockstep. */
    private long backoff(int attempt) {
        long exponential = retryBackoffMs << Math.min(attempt, 20);
        long capped = Math.min(exponential, Math.max(maxWaitMs, retryBackoffMs));
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    /** The start of an error body, for a message: whitespace collapsed, secrets masked. */
    String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET_CHARS * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        if (text.length() > SNIPPET_CHARS) {
            text = text.substring(0, SNIPPET_CHARS) + "...";
        }
        return text.isEmpty() ? "(empty body)" : redact(text);
    }

    private void checkConnection(String host, Connection connection) throws IOException {
        if (connection != null && connection.route().proxy().type() == Proxy.Type.DIRECT) {
            hostPolicy.checkConnected(host, connection.route().socketAddress().getAddress());
        }
    }

    /** OkHttp may wrap or suppress what the network interceptor threw while it tried other routes. */
    private static HostPolicy.HostRefusedException findRefused(Throwable e) {
        if (e == null) {
            return null;
        }
        if (e instanceof HostPolicy.HostRefusedException refused) {
            return refused;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            HostPolicy.HostRefusedException refused = findRefused(suppressed);
            if (refused != null) {
                return refused;
            }
        }
        return e.getCause() == e ? null : findRefused(e.getCause());
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
