package io.skillbridge.skills.evidence;

/**
 * The record a claim came from. Withdrawing an origin withdraws every claim it made.
 *
 * @param type        what kind of record: {@code evidence} (a skills feed), {@code learningRecord}, {@code statement}
 * @param system      the system whose id {@code ref} is
 * @param ref         the record's id in that system
 * @param connectorId the connector that delivered it, when one did
 */
public record Origin(String type, String system, String ref, String connectorId) {
}
