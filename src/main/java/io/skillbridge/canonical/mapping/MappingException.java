package io.skillbridge.canonical.mapping;

/**
 * A mapping file is missing, does not compile, or could not turn a record into a canonical record. The message names
 * the file and the JSONata error, because it ends up in dead letters and connector checks read by people.
 */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
