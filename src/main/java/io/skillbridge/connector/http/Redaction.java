package io.skillbridge.connector.http;

import okhttp3.HttpUrl;

import java.util.Collection;
import java.util.regex.Pattern;

/** Keeps secrets out of log lines and exception messages. */
public final class Redaction {

    static final String MASK = "***";

    /** Query parameter names that vendors use for credentials (api_key, access_token, X-Amz-Signature, sig, ...). */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)(.*(token|key|secret|passw|pwd|signature|credential|auth|session).*|sig|code)");

    private Redaction() {
    }

    /** The URL without user info and with the values of secret-looking query parameters masked. */
    public static String url(HttpUrl url) {
        HttpUrl.Builder builder = url.newBuilder().username("").password("");
        for (String name : url.queryParameterNames()) {
            if (SECRET_PARAM.matcher(name).matches()) {
                builder.setQueryParameter(name, MASK);
            }
        }
        return builder.build().toString();
    }

    /** {@code text} with every occurrence of the given secret values masked (values shorter than 4 are left). */
    static String secrets(String text, Collection<String> secretValues) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secretValues) {
            // Masking a one- or two-letter "secret" (BambooHR's password "x") would garble the message, not protect.
            if (secret != null && secret.length() >= 4) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
