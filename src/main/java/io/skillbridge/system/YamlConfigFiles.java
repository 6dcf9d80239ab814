package io.skillbridge.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders of YAML files the hub is configured by (connectors, targets): read the way every one of them is, so
 * that a broken file is a problem naming the file, collected with all the others, never an exception half-way.
 */
public final class YamlConfigFiles {

    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlConfigFiles() {
    }

    /** The folder's {@code .yaml} and {@code .yml} files in name order; none when the folder does not exist. */
    public static List<Path> list(Path dir, List<String> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
            return List.of();
        }
    }

    /**
     * The file's top-level mapping.
     *
     * @param expected what the mapping should hold, for the message when it is not one
     * @return the mapping, or null with the problem added
     */
    public static JsonNode readMapping(Path file, String expected, List<String> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(file + ": expected a mapping with " + expected);
            return null;
        }
        return root;
    }
}
