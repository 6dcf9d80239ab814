package io.skillbridge.outbound;

import java.time.LocalDate;

/** Learning assigned to a person to close a skill gap; the event data of {@code assignment.created}. */
public record Assignment(String id, String personId, String contentId, String contentProvider, String contentExternalId,
                         String contentTitle, String skillId, String reason, String reasonRef, String status,
                         LocalDate dueDate) {
}
