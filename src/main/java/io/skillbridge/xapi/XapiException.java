package io.skillbridge.xapi;

import org.springframework.http.HttpStatus;

/** A request the Statements resource refuses: the status to answer with and, when one field is to blame, its JSON path. */
public class XapiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public XapiException(HttpStatus status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static XapiException badRequest(String field, String message) {
        return new XapiException(HttpStatus.BAD_REQUEST, field == null ? message : field + ": " + message, field);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
