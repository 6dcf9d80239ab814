package io.skillbridge.xapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code multipart/mixed} bodies (RFC 2046) in which statements travel with their attachments: the statements
 * as the first part, each attachment's raw content as a further part. Servlet multipart support covers only
 * {@code multipart/form-data}, hence this small reader and writer.
 */
public final class MultipartMixed {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]+)\"|[^;\\s]+)");
    private static final byte[] CRLF = {'\r', '\n'};

    /** A part: its headers (names lower-cased) and its content. */
    public record Part(Map<String, String> headers, byte[] content) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private MultipartMixed() {
    }

    public static List<Part> parse(byte[] body, String contentType) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw XapiException.badRequest(null, "a multipart/mixed body needs a boundary parameter in its Content-Type");
        }
        String boundary = m.group(2) != null ? m.group(2) : m.group(1);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw XapiException.badRequest(null, "the multipart body has no part delimited by its boundary");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int lineEnd = at + delimiter.length;
            if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                return parts;
            }
            int headersStart = indexOf(body, CRLF, lineEnd) + 2;
            int headersEnd = indexOf(body, new byte[]{'\r', '\n', '\r', '\n'}, headersStart - 2);
            if (headersStart < 2 || headersEnd < 0) {
                throw XapiException.badRequest(null, "a multipart part has no header section ending in an empty line");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String headerText = new String(body, headersStart, Math.max(0, headersEnd - headersStart), StandardCharsets.ISO_8859_1);
            for (String line : headerText.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            int contentStart = headersEnd + 4;
            int next = indexOf(body, concat(CRLF, delimiter), contentStart);
            if (next < 0) {
                throw XapiException.badRequest(null, "the multipart body ends without its closing boundary");
            }
            byte[] content = new byte[next - contentStart];
            System.arraycopy(body, contentStart, content, 0, content.length);
            parts.add(new Part(headers, content));
            at = next + 2;
        }
    }

    /** Writes parts after a fresh boundary; returns the body and its Content-Type. */
    public static Written write(List<Part> parts) {
        String boundary = "xapi-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            p.headers().forEach((k, v) -> out.writeBytes((k + ": " + v + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
            out.writeBytes(CRLF);
            out.writeBytes(p.content());
            out.writeBytes(CRLF);
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return new Written(out.toByteArray(), "multipart/mixed; boundary=" + boundary);
    }

    public record Written(byte[] body, String contentType) {
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
