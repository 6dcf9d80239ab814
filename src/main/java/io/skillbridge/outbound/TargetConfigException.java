package io.skillbridge.outbound;

import java.util.List;

/** Target files the hub will not start with: every problem, each naming its file and field. */
public class TargetConfigException extends RuntimeException {

    private final List<String> problems;

    public TargetConfigException(List<String> problems) {
        super("The hub will not start with this target configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
