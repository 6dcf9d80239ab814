package io.skillbridge.canonical;

import java.util.List;

/**
 * Told, inside the page's transaction, which persons a worker sync created, changed or deactivated: what must leave
 * the hub because of it (outbox rows for webhooks) is then written atomically with the change.
 */
public interface PersonChangeListener {

    /** @param system the source system whose records changed the persons */
    void personsChanged(String system, List<String> personIds);
}
