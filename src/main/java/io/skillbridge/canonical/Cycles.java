package io.skillbridge.canonical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cycle checks for the two trees the store keeps: managers and org units. */
final class Cycles {

    private static final int MAX_DEPTH = 10_000;

    private Cycles() {
    }

    /** Whether making {@code parent} the parent of {@code node} would make {@code node} its own ancestor. */
    static boolean wouldClose(Map<String, String> parentOf, String node, String parent) {
        String cur = parent;
        for (int i = 0; cur != null && i < MAX_DEPTH; i++) {
            if (cur.equals(node)) {
                return true;
            }
            cur = parentOf.get(cur);
        }
        return cur != null;
    }

    /** The chain from {@code from} up to {@code to}, for an error message a person can follow. */
    static String describe(Map<String, String> parentOf, String from, String to) {
        List<String> chain = new ArrayList<>();
        chain.add(to);
        String cur = from;
        for (int i = 0; cur != null && i < 20; i++) {
            chain.add(cur);
            if (cur.equals(to)) {
                break;
            }
            cur = parentOf.get(cur);
        }
        return String.join(" -> ", chain);
    }
}
