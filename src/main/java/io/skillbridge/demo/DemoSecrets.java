package io.skillbridge.demo;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Credentials of the simulated vendors, new at every start: the demo never ships a password, and the connector files
 * name them as {@code ${DEMO_...}} references like any real secret.
 */
final class DemoSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
