package io.skillbridge.xapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * An agent's or identified group's inverse functional identifier as one string, the key the store indexes and the
 * agent filter looks up: {@code mbox:mailto:a@b}, {@code mbox_sha1sum:<hex>}, {@code openid:<iri>},
 * {@code account:<homePage> <name>} (a home page is an IRI, so it holds no space).
 */
public final class Ifi {

    private Ifi() {
    }

    /** @return the identifier, or null for an anonymous group */
    public static String of(JsonNode actor) {
        JsonNode v = actor.get("mbox");
        if (v != null) {
            return "mbox:" + v.asText();
        }
        v = actor.get("mbox_sha1sum");
        if (v != null) {
            return "mbox_sha1sum:" + v.asText().toLowerCase(Locale.ROOT);
        }
        v = actor.get("openid");
        if (v != null) {
            return "openid:" + v.asText();
        }
        v = actor.get("account");
        if (v != null) {
            return "account:" + v.path("homePage").asText() + " " + v.path("name").asText();
        }
        return null;
    }
}
