package io.skillbridge.skills.roles;

/**
 * A job role with what it requires, as arrays the gap arithmetic walks: requirement {@code i} is skill
 * {@code skills[i]} (a taxonomy ordinal) at {@code required[i]} with {@code importance[i]}.
 *
 * @param source where the requirements come from: {@code config} (the roles file), {@code connector}, or {@code none}
 */
public record RoleProfile(String id, String title, String family, boolean active, int[] skills, double[] required,
                          double[] importance, String source) {

    public int size() {
        return skills.length;
    }

    /** Whether the role requires anything that counts: a role without would be 100% covered by anyone. */
    public boolean assessable() {
        for (double w : importance) {
            if (w > 0) {
                return true;
            }
        }
        return false;
    }
}
