package io.skillbridge.skills.taxonomy;

import java.util.List;

/** A taxonomy the hub refuses to start with: every problem, each naming its file and line. */
public class TaxonomyException extends RuntimeException {

    private final List<String> problems;

    public TaxonomyException(List<String> problems) {
        super("The hub will not start with this skills taxonomy:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
