package io.skillbridge.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.connector.http.HostPolicy;
import io.skillbridge.connector.http.Redaction;
import io.skillbridge.connector.http.RetryAfter;
import io.skillbridge.system.Secrets;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP attempt of one delivery: the target's auth, the {@code Idempotency-Key}, the webhook signature, and a
 * verdict the dispatcher can act on (delivered; retry, after the server's {@code Retry-After} when it gives one;
 * or failed for good). Messages name the method, the redacted URL and the status, never a credential.
 */
@Component
public class HttpPush {

    static final String SIGNATURE = "X-Skillbridge-Signature";
    static final String TIMESTAMP = "X-Skillbridge-Timestamp";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int SNIPPET = 200;

    private final OkHttpClient client = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build();
    private final HostPolicy hostPolicy;
    private final Secrets secrets;
    private final ObjectMapper json;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public HttpPush(HostPolicy hostPolicy, Secrets secrets, ObjectMapper json) {
        this.hostPolicy = hostPolicy;
        this.secrets = secrets;
        this.json = json;
    }

    /** The verdict of one attempt. {@code retryAfter} is the server's {@code Retry-After}, or null. */
    record Outcome(boolean delivered, boolean retryable, Integer status, String error, Duration retryAfter) {

        static Outcome ok(int status) {
            return new Outcome(true, false, status, null, null);
        }
    }

    Outcome send(Target target, String externalId, String event, String key, String body) {
        String url = target.url();
        if (url.contains("{externalId}")) {
            if (externalId == null) {
                return new Outcome(false, false, null, "the person has no " + target.system() + " id for {externalId}", null);
            }
            url = url.replace("{externalId}", URLEncoder.encode(externalId, StandardCharsets.UTF_8));
        }
        HttpUrl parsed = HttpUrl.get(url);
        String where = target.method() + " " + Redaction.url(parsed);
        try {
            hostPolicy.check(url);
            Request.Builder request = new Request.Builder().url(parsed).header("Idempotency-Key", key)
                    .header("X-Skillbridge-Event", event).header("User-Agent", "Skillbridge");
            authorize(target, request, parsed, body);
            try (Response response = client.newCall(request.build()).execute()) {
                byte[] answer = response.body().bytes();
                int status = response.code();
                if (status / 100 == 2) {
                    String refused = refusedIn(target, answer);
                    return refused == null ? Outcome.ok(status)
                            : new Outcome(false, false, status, where + " answered " + status + " with an error: " + refused, null);
                }
                if (status == 401) {
                    tokens.remove(target.id());
                }
                boolean retryable = status == 401 && "oauth2".equals(target.setting("auth.type", "none"))
                        || status == 408 || status == 425 || status == 429 || status >= 500;
                return new Outcome(false, retryable, status, where + " answered HTTP " + status + ": " + snippet(answer),
                        RetryAfter.parse(response.header("Retry-After"), Instant.now()));
            }
        } catch (HostPolicy.HostRefusedException e) {
            return new Outcome(false, false, null, e.getMessage(), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, true, null, where + " failed: " + e.getClass().getSimpleName() + ": "
                    + secrets.redact(e.getMessage()), null);
        }
    }

    private void authorize(Target target, Request.Builder request, HttpUrl url, String body) throws IOException {
        String in = target.setting("auth.in", "header");
        String name = target.setting("auth.name", "");
        HttpUrl finalUrl = url;
        FormBody.Builder form = null;
        if ("form".equals(target.setting("format", "json"))) {
            form = new FormBody.Builder();
            for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) json.readTree(body)::fields) {
                form.add(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
            }
        }
        switch (target.setting("auth.type", "none")) {
            case "basic" -> request.header("Authorization", okhttp3.Credentials.basic(
                    secrets.resolve(target.setting("auth.username", "")), secrets.resolve(target.setting("auth.password", "")),
                    StandardCharsets.UTF_8));
            case "bearer" -> request.header("Authorization", "Bearer " + secrets.resolve(target.setting("auth.token", "")));
            case "oauth2" -> request.header("Authorization", "Bearer " + token(target));
            case "api-key" -> {
                String value = secrets.resolve(target.setting("auth.value", ""));
                if (in.equals("query")) {
                    finalUrl = url.newBuilder().addQueryParameter(name, value).build();
                } else if (in.equals("form") && form != null) {
                    form.add(name, value);
                } else {
                    request.header(name, value);
                }
            }
            default -> {
                // no credentials
            }
        }
        if (target.kind() == Target.Kind.WEBHOOK) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            request.header(TIMESTAMP, timestamp).header(SIGNATURE, "sha256=" + sign(secret(target), timestamp, body));
        }
        RequestBody payload = form != null ? form.build() : RequestBody.create(body, JSON);
        request.url(finalUrl).method(target.method(), payload);
    }

    private String secret(Target target) {
        String own = target.settings().get(Targets.SECRET_VALUE);
        return own != null ? own : secrets.resolve(target.setting("secret", ""));
    }

    /**
     * HMAC-SHA256 over {@code timestamp + "." + body}, hex: the timestamp inside the signature lets a subscriber
     * refuse replays of an old delivery.
     */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OAuth2 client credentials, kept until the API refuses the token. */
    private String token(Target target) throws IOException {
        String cached = tokens.get(target.id());
        if (cached != null) {
            return cached;
        }
        Request request = new Request.Builder().url(target.setting("auth.tokenUrl", ""))
                .header("Authorization", okhttp3.Credentials.basic(target.setting("auth.clientId", ""),
                        secrets.resolve(target.setting("auth.clientSecret", "")), StandardCharsets.UTF_8))
                .post(new FormBody.Builder().add("grant_type", "client_credentials").build()).build();
        hostPolicy.check(request.url().toString());
        try (Response response = client.newCall(request).execute()) {
            String token = response.isSuccessful() ? json.readTree(response.body().bytes()).path("access_token").asText("") : "";
            if (token.isEmpty()) {
                throw new IOException("OAuth2 token request to " + Redaction.url(request.url()) + " answered HTTP "
                        + response.code() + " without an access_token");
            }
            tokens.put(target.id(), token);
            return token;
        }
    }

    /** Moodle answers errors with HTTP 200 and an exception object: a target names where such an error shows. */
    private String refusedIn(Target target, byte[] answer) {
        String path = target.settings().get("errorPath");
        if (path == null || answer.length == 0) {
            return null;
        }
        try {
            JsonNode error = json.readTree(answer).at(path);
            return error.isMissingNode() || error.isNull() ? null : snippet(answer);
        } catch (IOException notJson) {
            return null;
        }
    }

    private String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return secrets.redact(text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text);
    }
}
