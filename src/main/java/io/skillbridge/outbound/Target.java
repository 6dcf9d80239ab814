package io.skillbridge.outbound;

import java.util.Map;
import java.util.Set;

/**
 * Where outbox rows go: a file under {@code config/targets/}, or a webhook subscription made through the API.
 *
 * @param system      the system the target writes into: evidence that came only from it is not written back to it
 *                    (no echo), the person's id in it fills {@code {externalId}}, and assignments go to it only for
 *                    content it hosts. Null for a target outside the systems the hub syncs (a webhook).
 * @param mapping     JSONata file under mappings/ that turns the event into the body; null for webhooks, which send
 *                    the event envelope itself
 * @param url         where requests go; for a file export, {@code sftp://host:port/directory}, for messages
 * @param settings    kind-specific values (auth, format, errorPath; a file export's host, columns, batchSize);
 *                    secrets as {@code ${NAME}}
 */
public record Target(String id, Kind kind, String system, Set<String> events, String url, String method,
                     String mapping, Map<String, String> settings, int maxAttempts, long backoffMs) {

    public enum Kind {
        HTTP_PUSH("http-push"), WEBHOOK("webhook"), SFTP_EXPORT("sftp-export");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public boolean wants(String event) {
        return events.contains(event);
    }

    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }

    /** A file export writes a file once this many rows are due... */
    public int batchSize() {
        return Integer.parseInt(setting("batchSize", TargetLoader.DEFAULT_BATCH_SIZE));
    }

    /** ...or once the oldest due row has waited this long. */
    public long intervalSeconds() {
        return Long.parseLong(setting("intervalSeconds", TargetLoader.DEFAULT_INTERVAL_SECONDS));
    }
}
