package io.skillbridge.skills.scale;

import io.skillbridge.skills.taxonomy.Taxonomy;

import java.util.List;
import java.util.Map;

/** How one source scale maps onto the canonical 0-5 proficiency scale. */
public sealed interface ScaleMap {

    String name();

    String description();

    /**
     * The canonical level of a source value.
     *
     * @throws IllegalArgumentException naming the value and the scale, when the value is not on the scale
     */
    double toCanonical(String value);

    /** A numeric range mapped proportionally onto another. */
    record Linear(String name, String description, double fromMin, double fromMax, double toMin, double toMax)
            implements ScaleMap {

        @Override
        public double toCanonical(String value) {
            double v = number(this, value);
            if (v < fromMin || v > fromMax) {
                throw new IllegalArgumentException("level " + value + " is outside the scale " + name + " ("
                        + plain(fromMin) + "-" + plain(fromMax) + ")");
            }
            return toMin + (v - fromMin) * (toMax - toMin) / (fromMax - fromMin);
        }
    }

    /** A numeric value takes the level of the highest band it reaches. Bands are ordered from the highest. */
    record Bands(String name, String description, List<double[]> bands) implements ScaleMap {

        @Override
        public double toCanonical(String value) {
            double v = number(this, value);
            for (double[] band : bands) {
                if (v >= band[0]) {
                    return band[1];
                }
            }
            throw new IllegalArgumentException("level " + value + " is below the lowest band of the scale " + name);
        }
    }

    /** Named values; keys are normalized like taxonomy names. */
    record Labels(String name, String description, Map<String, Double> labels) implements ScaleMap {

        @Override
        public double toCanonical(String value) {
            Double level = labels.get(Taxonomy.normalize(value));
            if (level == null) {
                throw new IllegalArgumentException("level '" + value + "' is not a label of the scale " + name
                        + " (" + String.join(", ", labels.keySet().stream().sorted().toList()) + ")");
            }
            return level;
        }
    }

    private static double number(ScaleMap scale, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the scale
        }
        throw new IllegalArgumentException("level '" + value + "' is not a number, as the scale " + scale.name()
                + " requires");
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
