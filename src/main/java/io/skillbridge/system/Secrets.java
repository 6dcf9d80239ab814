package io.skillbridge.system;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves secret references ({@code ${NAME}}: an environment variable, a system property or an application
 * property) at the moment they are used, and remembers every value it handed out so that {@link #redact} can
 * strike them from anything that is logged, stored or answered.
 */
@Component
public class Secrets {

    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{([A-Za-z0-9_.\\-]+)}$");

    private final Environment environment;
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();

    public Secrets(Environment environment) {
        this.environment = environment;
    }

    /** Whether a configured value is a reference rather than a literal secret. */
    public static boolean isReference(String value) {
        return value != null && REFERENCE.matcher(value.trim()).matches();
    }

    /**
     * @return the secret's value; {@code ""} for an empty reference; a literal as it is
     * @throws IllegalStateException naming the reference (never a value) when nothing defines it
     */
    public String resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            return "";
        }
        Matcher m = REFERENCE.matcher(reference.trim());
        if (!m.matches()) {
            // only credentials declared as allowing a literal (a user name) get here with one
            return reference;
        }
        String value = environment.getProperty(m.group(1));
        if (value == null) {
            throw new IllegalStateException("secret ${" + m.group(1) + "} is not set (environment variable or property "
                    + m.group(1) + ")");
        }
        if (value.length() >= 4) {
            handedOut.add(value);
        }
        return value;
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : handedOut) {
            out = out.replace(s, "****");
        }
        return out;
    }
}
