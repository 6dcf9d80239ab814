package io.skillbridge.xapi.pull;

/**
 * The parameters of the {@code lrs-pull} kind beyond those every connector has; the template declares each with
 * its default.
 *
 * @param endpoint     the remote LRS's xAPI base, e.g. {@code https://lrs.example.com/xapi/}
 * @param password     a {@code ${ENV}} reference, resolved when a run starts
 * @param initialSince where the first run starts: statements stored after this time; empty for all the LRS holds
 */
public record LrsPullSettings(String endpoint, String username, String password, int pageSize, String initialSince) {
}
