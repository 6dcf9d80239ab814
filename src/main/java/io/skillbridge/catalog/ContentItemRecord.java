package io.skillbridge.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.canonical.RecordValues;
import io.skillbridge.skills.scale.ProficiencyScales;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A mapped record of the {@code contentItem} entity: one provider's record of a piece of content, normalized
 * (modality, minutes, canonical level, language). See docs/mapping-contract.md.
 */
public record ContentItemRecord(String externalId, String provider, String title, String description,
                                Modality modality, Integer durationMinutes, Double level, String language, String url,
                                String sharedId, boolean active, List<String> tags, Instant updatedAt,
                                boolean deleted) {

    static final String DEFAULT_LEVEL_SCALE = "beginner-intermediate-advanced";

    public static ContentItemRecord from(JsonNode n, ProficiencyScales scales) {
        String externalId = RecordValues.requiredText(n, "externalId");
        if (Boolean.TRUE.equals(RecordValues.bool(n, "deleted"))) {
            return new ContentItemRecord(externalId, null, null, null, null, null, null, null, null, null, false,
                    List.of(), null, true);
        }
        String title = RecordValues.requiredText(n, "title");
        String modalityText = RecordValues.text(n, "modality");
        Modality modality = modalityText == null ? null : Modality.parse(modalityText).orElseThrow(() ->
                new InvalidRecordException("modality: '" + modalityText + "' is not one of " + Modality.known()
                        + " (or a word for one, such as article or specialization)"));
        Boolean active = RecordValues.bool(n, "active");
        return new ContentItemRecord(externalId, RecordValues.text(n, "provider"), title,
                RecordValues.text(n, "description"), modality, duration(n), level(n, scales),
                language(RecordValues.text(n, "language")), url(RecordValues.text(n, "url")),
                RecordValues.text(n, "sharedId"), active == null || active, tags(n.path("tags")),
                RecordValues.instant(n, "updatedAt"), false);
    }

    /** {@code durationMinutes} as a number, else {@code duration} as free text ("4 weeks, 3-4 hours per week"). */
    private static Integer duration(JsonNode n) {
        JsonNode minutes = n.get("durationMinutes");
        if (minutes != null && !minutes.isNull()) {
            if (!minutes.isNumber() || minutes.asDouble() < 0) {
                throw new InvalidRecordException("durationMinutes: must be a number of minutes, 0 or more");
            }
            return (int) Math.round(minutes.asDouble());
        }
        return Durations.minutes(RecordValues.text(n, "duration"));
    }

    /** A number is a canonical 0-5 level; text is read through {@code levelScale} (difficulty labels by default). */
    private static Double level(JsonNode n, ProficiencyScales scales) {
        JsonNode level = n.get("level");
        if (level == null || level.isNull()) {
            return null;
        }
        String scale = RecordValues.text(n, "levelScale");
        if (level.isNumber() && scale == null) {
            double v = level.asDouble();
            if (v < 0 || v > ProficiencyScales.MAX_LEVEL) {
                throw new InvalidRecordException("level: " + v + " is outside the canonical 0-5 scale");
            }
            return v;
        }
        String text = RecordValues.text(n, "level");
        if (text == null) {
            return null;
        }
        try {
            return scales.toCanonical(scale == null ? DEFAULT_LEVEL_SCALE : scale, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("level: " + e.getMessage());
        }
    }

    /** The primary language subtag, lower case: "en-US", "en_us" and "EN" are all "en". */
    static String language(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
        if (!primary.matches("[a-z]{2,3}")) {
            throw new InvalidRecordException("language: '" + tag + "' is not a language tag such as en or pt-BR");
        }
        return primary;
    }

    private static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
                throw new InvalidRecordException("url: '" + url + "' is not an http(s) URL");
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidRecordException("url: '" + url + "' is not a URL");
        }
    }

    private static List<String> tags(JsonNode tags) {
        if (tags.isMissingNode() || tags.isNull()) {
            return List.of();
        }
        if (!tags.isArray()) {
            throw new InvalidRecordException("tags: must be an array of skill names");
        }
        List<String> out = new ArrayList<>(tags.size());
        for (JsonNode t : tags) {
            String tag = t.isTextual() ? t.asText().trim() : t.path("name").asText(t.path("id").asText("")).trim();
            if (!tag.isEmpty()) {
                out.add(tag);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The provider-independent keys that make records of two providers one item: a shared id (ISBN, LMS idnumber),
     * the URL without scheme, "www.", query and trailing slash, and the title with its language.
     */
    List<String> matchKeys() {
        List<String> keys = new ArrayList<>(3);
        if (sharedId != null) {
            keys.add(refKey(sharedId));
        }
        if (url != null) {
            keys.add(urlKey(url));
        }
        keys.add(titleKey(language, title));
        return keys;
    }

    static String refKey(String sharedId) {
        return "ref:" + sharedId.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    public static String urlKey(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        u = u.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        return "url:" + u;
    }

    public static String titleKey(String language, String title) {
        return "title:" + (language == null ? "" : language) + ":" + io.skillbridge.skills.taxonomy.Taxonomy.normalize(title);
    }

    static boolean isTitleKey(String key) {
        return key.startsWith("title:");
    }
}
