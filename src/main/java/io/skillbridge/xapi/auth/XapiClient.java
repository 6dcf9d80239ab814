package io.skillbridge.xapi.auth;

import java.util.Set;

/**
 * A learning tool allowed to use the Statements resource: its key (the Basic user name), a display name, the
 * resolved secret and what it may do.
 */
public record XapiClient(String key, String name, String secret, Set<Scope> scopes) {

    public enum Scope { READ, WRITE }

    @Override
    public String toString() {
        // never the secret: clients end up in log lines and error messages
        return "XapiClient[" + key + "]";
    }
}
