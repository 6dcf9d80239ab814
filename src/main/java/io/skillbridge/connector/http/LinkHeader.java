package io.skillbridge.connector.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code rel="next"} target in {@code Link} headers (RFC 8288), as GitHub-style APIs page. */
final class LinkHeader {

    /** One link-value: {@code <target>} followed by its parameters, up to the next link-value. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
    private static final Pattern REL = Pattern.compile("(?i);\\s*rel\\s*=\\s*(\"([^\"]*)\"|([^;,\\s]+))");

    private LinkHeader() {
    }

    /** @return the target of the first link whose relation types include {@code next}, or {@code null} */
    static String next(List<String> headerValues) {
        for (String header : headerValues) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                while (rel.find()) {
                    String types = rel.group(2) != null ? rel.group(2) : rel.group(3);
                    // rel may list several types: rel="next last"
                    for (String type : types.trim().split("\\s+")) {
                        if (type.toLowerCase(Locale.ROOT).equals("next")) {
                            return link.group(1).trim();
                        }
                    }
                }
            }
        }
        return null;
    }
}
