package io.skillbridge.canonical;

/** A mapped record that breaks the canonical contract; the message names the field. It goes to dead letters. */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }
}
