package io.skillbridge.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * OAuth2 client-credentials tokens (RFC 6749 section 4.4), cached until shortly before they expire and fetched anew
 * when they expire or the API rejects them. One token for every thread of the source: fetching holds the lock, so
 * that a token that expires under load is fetched once, not once per thread.
 */
final class ClientCredentials implements HttpCaller.Credentials {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Refresh this long before the announced expiry (at most), so that a token does not expire in flight. */
    private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private final HttpCaller caller;
    private final HttpUrl tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final String scope;

    private String accessToken;
    private long refreshAtNanos;
    /**
     * RFC 6749 prefers HTTP Basic for the client's credentials, some servers accept them only in the form body:
     * Basic is tried first, and the form once Basic is refused; whatever worked is kept.
     */
    private boolean credentialsInForm;

    /** A secret resolved at each use, so that rotating it in the environment takes effect without a restart. */
    @FunctionalInterface
    interface Secret {
        String get() throws IOException;
    }

    ClientCredentials(HttpCaller caller, HttpUrl tokenUrl, String clientId, Secret clientSecret,
                      String scope) {
        this.caller = caller;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
    }

    @Override
    public Request apply(Request request) throws IOException {
        return request.newBuilder().header("Authorization", "Bearer " + token()).build();
    }

    @Override
    public synchronized boolean refresh(Request rejected) {
        // Another thread may have replaced the rejected token already; only the token that was refused is dropped.
        if (accessToken != null && ("Bearer " + accessToken).equals(rejected.header("Authorization"))) {
            accessToken = null;
        }
        return true;
    }

    /** The current token, or {@code null}; for masking in messages. */
    synchronized String currentToken() {
        return accessToken;
    }

    synchronized String token() throws IOException {
        if (accessToken == null || System.nanoTime() - refreshAtNanos >= 0) {
            fetch();
        }
        return accessToken;
    }

    private void fetch() throws IOException {
        HttpCaller.Exchange answer = null;
        for (boolean inForm : credentialsInForm ? new boolean[]{true} : new boolean[]{false, true}) {
            answer = caller.call(request(inForm), HttpCaller.NONE, Set.of(400, 401));
            if (answer.status() / 100 == 2) {
                credentialsInForm = inForm;
                break;
            }
        }
        if (answer.status() / 100 != 2) {
            throw new IOException("OAuth2 token request to " + Redaction.url(tokenUrl) + " answered HTTP "
                    + answer.status() + " (check clientId, clientSecret and scope): " + caller.snippet(answer.body()));
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new IOException("OAuth2 token response from " + Redaction.url(tokenUrl) + " is not valid JSON");
        }
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new IOException("OAuth2 token response from " + Redaction.url(tokenUrl) + " has no access_token");
        }
        long expiresIn = body.path("expires_in").asLong(0);
        accessToken = token;
        if (expiresIn > 0) {
            Duration lifetime = Duration.ofSeconds(expiresIn);
            Duration margin = lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
            refreshAtNanos = System.nanoTime() + lifetime.minus(margin).toNanos();
        } else {
            // No announced lifetime: keep the token until the API refuses it.
            refreshAtNanos = System.nanoTime() + Duration.ofDays(365).toNanos();
        }
    }

    private Request request(boolean inForm) throws IOException {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        if (!scope.isEmpty()) {
            form.add("scope", scope);
        }
        Request.Builder request = new Request.Builder().url(tokenUrl).header("Accept", "application/json");
        if (inForm) {
            form.add("client_id", clientId).add("client_secret", clientSecret.get());
        } else {
            request.header("Authorization", okhttp3.Credentials.basic(clientId, clientSecret.get(),
                    StandardCharsets.UTF_8));
        }
        return request.post(form.build()).build();
    }
}
