package io.skillbridge.xapi.pull;

/** The parameters of the {@code lrs-pull} kind beyond those every connector has (see its template). */
public class LrsPullSettings {

    private String endpoint;
    private String username = "";
    private String password = "";
    private int pageSize = 500;
    private String initialSince = "";

    /** The remote LRS's xAPI base, e.g. {@code https://lrs.example.com/xapi/}. */
    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** A {@code ${ENV}} reference, resolved when a run starts. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Where the first run starts: statements stored after this time; empty for everything the LRS has. */
    public String getInitialSince() {
        return initialSince;
    }

    public void setInitialSince(String initialSince) {
        this.initialSince = initialSince;
    }
}
