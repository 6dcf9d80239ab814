package io.skillbridge.skills.profile;

import java.util.List;
import java.util.Map;

/**
 * Told, inside the recompute's transaction, which persons' profiles changed and how: what must leave the hub
 * because of a profile change (outbox rows for write-backs and webhooks) is then written atomically with it.
 */
public interface ProfileChangeListener {

    /** A skill whose level changed by a tenth of a level or more; {@code before} is null for a new skill, {@code after} 0 for a lost one. */
    record LevelChange(String skillId, Double before, double after) {
    }

    void profilesChanged(Map<String, List<LevelChange>> changesByPerson);
}
