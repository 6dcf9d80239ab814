package io.skillbridge.skills.index;

import java.util.Arrays;

/**
 * A person's skills as the index holds them: taxonomy ordinals in ascending order, with level and confidence at the
 * same position. Immutable: a recompute replaces it whole.
 */
public record PersonProfile(int[] skills, float[] levels, float[] confidence) {

    public static final PersonProfile EMPTY = new PersonProfile(new int[0], new float[0], new float[0]);

    /** The level of a skill, 0 when the person has no evidence of it. */
    public double level(int skill) {
        int i = Arrays.binarySearch(skills, skill);
        return i < 0 ? 0 : levels[i];
    }

    public double confidence(int skill) {
        int i = Arrays.binarySearch(skills, skill);
        return i < 0 ? 0 : confidence[i];
    }

    public int size() {
        return skills.length;
    }
}
