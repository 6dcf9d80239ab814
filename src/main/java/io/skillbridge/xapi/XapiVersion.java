package io.skillbridge.xapi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The two xAPI versions the hub speaks. A client names its version in {@code X-Experience-API-Version}; any patch
 * level of 1.0 or 2.0 is accepted (older clients send 1.0.0 to 1.0.2), and the response names the newest patch level
 * of the same line.
 */
public enum XapiVersion {
    V1_0("1.0.3"), V2_0("2.0.0");

    public static final String HEADER = "X-Experience-API-Version";
    public static final List<String> SUPPORTED = List.of(V1_0.full, V2_0.full);

    private static final Pattern ONE_ZERO = Pattern.compile("^1\\.0(\\.\\d+)?$");
    private static final Pattern TWO_ZERO = Pattern.compile("^2\\.0(\\.\\d+)?$");

    private final String full;

    XapiVersion(String full) {
        this.full = full;
    }

    public String full() {
        return full;
    }

    /** @return the version line a header value belongs to, or null when the hub does not speak it */
    public static XapiVersion parse(String header) {
        if (header == null) {
            return null;
        }
        String v = header.trim();
        if (ONE_ZERO.matcher(v).matches()) {
            return V1_0;
        }
        if (TWO_ZERO.matcher(v).matches()) {
            return V2_0;
        }
        return null;
    }
}
