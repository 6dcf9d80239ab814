package io.skillbridge.skills.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The org units as a tree, to filter people by a unit and everything below it. */
public final class OrgTree {

    private final Map<String, List<String>> children = new HashMap<>();
    private final Set<String> units = new HashSet<>();

    /** @param parentOf every unit's parent (null for a root) */
    public OrgTree(Map<String, String> parentOf) {
        parentOf.forEach((unit, parent) -> {
            units.add(unit);
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit);
            }
        });
    }

    public boolean contains(String unit) {
        return units.contains(unit);
    }

    /** The unit and every unit below it. */
    public Set<String> subtree(String unit) {
        Set<String> found = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(unit));
        while (!todo.isEmpty()) {
            String u = todo.pop();
            if (found.add(u)) {
                todo.addAll(children.getOrDefault(u, List.of()));
            }
        }
        return found;
    }
}
