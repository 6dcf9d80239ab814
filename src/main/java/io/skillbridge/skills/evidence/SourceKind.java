package io.skillbridge.skills.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a claim comes from; the profile rules weigh and rank the kinds. */
public enum SourceKind {
    COMPLETION, XAPI, HRIS, REVIEW, MANAGER, SELF, ASSESSMENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.wire().equalsIgnoreCase(value == null ? "" : value.trim())).findFirst();
    }

    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(SourceKind::wire).toList());
    }
}
