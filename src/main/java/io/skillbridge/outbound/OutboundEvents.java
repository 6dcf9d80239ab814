package io.skillbridge.outbound;

import java.util.Set;

/** The events the hub sends out, as targets and subscribers name them. */
public final class OutboundEvents {

    public static final String PROFILE_UPDATED = "profile.updated";
    public static final String ASSIGNMENT_CREATED = "assignment.created";
    public static final String PERSON_CHANGED = "person.changed";
    public static final Set<String> ALL = Set.of(PROFILE_UPDATED, ASSIGNMENT_CREATED, PERSON_CHANGED);

    private OutboundEvents() {
    }
}
