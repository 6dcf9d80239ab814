package io.skillbridge.skills.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skillbridge.skills.taxonomy.Taxonomy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The canonical proficiency levels and the per-source scale maps, from {@code config/skills/scales.yaml}. */
public final class ProficiencyScales {

    public static final String CANONICAL = "canonical";
    public static final double MAX_LEVEL = 5;

    private final Map<Integer, String> levelNames;
    private final Map<String, ScaleMap> scales;

    public ProficiencyScales(Map<Integer, String> levelNames, Map<String, ScaleMap> scales) {
        this.levelNames = new TreeMap<>(levelNames);
        this.scales = new LinkedHashMap<>(scales);
        this.scales.putIfAbsent(CANONICAL, new ScaleMap.Linear(CANONICAL, "The hub's own 0-5 scale.", 0, 5, 0, 5));
    }

    /**
     * Reads the scales file.
     *
     * @throws IllegalStateException naming the file and the scale that is malformed
     */
    public static ProficiencyScales load(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        Map<Integer, String> names = new TreeMap<>();
        root.path("levels").fields().forEachRemaining(e -> names.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
        if (!names.keySet().equals(java.util.Set.of(0, 1, 2, 3, 4, 5))) {
            throw new IllegalStateException(file + ": levels must name each of 0, 1, 2, 3, 4 and 5");
        }
        Map<String, ScaleMap> scales = new LinkedHashMap<>();
        root.path("scales").fields().forEachRemaining(e -> scales.put(e.getKey(), scale(file, e.getKey(), e.getValue())));
        return new ProficiencyScales(names, scales);
    }

    private static ScaleMap scale(Path file, String name, JsonNode n) {
        String description = n.path("description").asText("");
        String where = file.getFileName() + ": scale '" + name + "'";
        switch (n.path("type").asText()) {
            case "linear" -> {
                JsonNode from = n.path("from");
                JsonNode to = n.path("to");
                if (from.size() != 2 || to.size() != 2 || from.get(0).asDouble() >= from.get(1).asDouble()) {
                    throw new IllegalStateException(where + ": a linear scale needs from: [min, max] and to: [min, max]");
                }
                double toMin = to.get(0).asDouble();
                double toMax = to.get(1).asDouble();
                checkLevel(where, toMin);
                checkLevel(where, toMax);
                return new ScaleMap.Linear(name, description, from.get(0).asDouble(), from.get(1).asDouble(), toMin, toMax);
            }
            case "bands" -> {
                List<double[]> bands = new ArrayList<>();
                n.path("bands").forEach(b -> {
                    checkLevel(where, b.path("level").asDouble());
                    bands.add(new double[]{b.path("from").asDouble(), b.path("level").asDouble()});
                });
                if (bands.isEmpty()) {
                    throw new IllegalStateException(where + ": bands need at least one {from, level}");
                }
                bands.sort(Comparator.comparingDouble((double[] b) -> b[0]).reversed());
                return new ScaleMap.Bands(name, description, List.copyOf(bands));
            }
            case "labels" -> {
                Map<String, Double> labels = new LinkedHashMap<>();
                n.path("labels").fields().forEachRemaining(l -> {
                    checkLevel(where, l.getValue().asDouble());
                    labels.put(Taxonomy.normalize(l.getKey()), l.getValue().asDouble());
                });
                if (labels.isEmpty()) {
                    throw new IllegalStateException(where + ": labels need at least one label: level");
                }
                return new ScaleMap.Labels(name, description, Map.copyOf(labels));
            }
            default -> throw new IllegalStateException(where + ": type must be linear, bands or labels");
        }
    }

    private static void checkLevel(String where, double level) {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalStateException(where + ": level " + level + " is outside the canonical scale 0-5");
        }
    }

    public Optional<ScaleMap> scale(String name) {
        return Optional.ofNullable(scales.get(name == null ? CANONICAL : name));
    }

    public Map<String, ScaleMap> scales() {
        return Map.copyOf(scales);
    }

    /**
     * A source value on the canonical scale.
     *
     * @throws IllegalArgumentException naming the scale or the value that is wrong
     */
    public double toCanonical(String scale, String value) {
        ScaleMap map = scale(scale).orElseThrow(() -> new IllegalArgumentException("unknown scale '" + scale
                + "'; known: " + String.join(", ", new java.util.TreeSet<>(scales.keySet()))));
        return map.toCanonical(value);
    }

    /** The name of the canonical level a (possibly fractional) level has reached. */
    public String levelName(double level) {
        return levelNames.get((int) Math.floor(Math.max(0, Math.min(MAX_LEVEL, level)) + 1e-9));
    }

    public Map<Integer, String> levelNames() {
        return levelNames;
    }
}
