package io.skillbridge.skills.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * A skill of the taxonomy.
 *
 * @param ordinal  the skill's position in the loaded taxonomy: the in-memory profile index addresses skills by it
 * @param related  related skills and how much of this skill each one transfers (0-1], as declared or implied by the
 *                 other side's declaration
 * @param source   file and line that declared the skill, for messages
 */
public record Skill(int ordinal, String id, String label, String domain, String broaderId, List<String> aliases,
                    Map<String, Double> related, String uri, String description, String source) {
}
