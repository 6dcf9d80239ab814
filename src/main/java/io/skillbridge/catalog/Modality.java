package io.skillbridge.catalog;

import io.skillbridge.skills.taxonomy.Taxonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The form a piece of content takes, whatever a provider calls it. */
public enum Modality {
    VIDEO, TEXT, INTERACTIVE, COURSE, MICRO;

    /** Provider words for each modality, compared as {@link Taxonomy#normalize} reduces them. */
    private static final Map<String, Modality> WORDS = Map.ofEntries(
            Map.entry("lecture", VIDEO), Map.entry("webinar", VIDEO), Map.entry("recording", VIDEO),
            Map.entry("article", TEXT), Map.entry("book", TEXT), Map.entry("ebook", TEXT), Map.entry("document", TEXT),
            Map.entry("reading", TEXT), Map.entry("pdf", TEXT), Map.entry("blog", TEXT), Map.entry("audiobook", TEXT),
            Map.entry("simulation", INTERACTIVE), Map.entry("lab", INTERACTIVE), Map.entry("scorm", INTERACTIVE),
            Map.entry("exercise", INTERACTIVE), Map.entry("quiz", INTERACTIVE), Map.entry("assessment", INTERACTIVE),
            Map.entry("guidedproject", INTERACTIVE), Map.entry("project", INTERACTIVE), Map.entry("handson", INTERACTIVE),
            Map.entry("specialization", COURSE), Map.entry("program", COURSE), Map.entry("programme", COURSE),
            Map.entry("learningpath", COURSE), Map.entry("path", COURSE), Map.entry("certificate", COURSE),
            Map.entry("professionalcertificate", COURSE), Map.entry("curriculum", COURSE), Map.entry("module", COURSE),
            Map.entry("microlearning", MICRO), Map.entry("short", MICRO), Map.entry("nugget", MICRO),
            Map.entry("tip", MICRO), Map.entry("snippet", MICRO));

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Modality> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String word = Taxonomy.normalize(value);
        return Arrays.stream(values()).filter(m -> m.wire().equals(word)).findFirst()
                .or(() -> Optional.ofNullable(WORDS.get(word)));
    }

    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(Modality::wire).toList());
    }
}
