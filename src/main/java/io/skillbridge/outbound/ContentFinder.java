package io.skillbridge.outbound;

import java.util.List;

/**
 * Which content closes a skill gap. The catalog decides (its own package and tables); assignments only need this
 * answer, so another recommender can replace the default by being a bean of this type.
 */
public interface ContentFinder {

    /** An item of the catalog, with where it is hosted so that the enrolment goes to that system. */
    record Content(String id, String provider, String externalId, String title) {
    }

    /** Content that teaches {@code skillId} above {@code currentLevel}, best first, at most {@code limit}. */
    List<Content> closing(String skillId, double currentLevel, double requiredLevel, int limit);
}
