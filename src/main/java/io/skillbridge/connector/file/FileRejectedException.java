package io.skillbridge.connector.file;

import java.io.IOException;

/**
 * The file as a whole cannot be read (no usable header, not JSON, wrong encoding, cut off mid-structure). It is an
 * {@link IOException} so that a {@link io.skillbridge.connector.PageSource} may throw it from a later page too.
 */
public class FileRejectedException extends IOException {

    public FileRejectedException(String message) {
        super(message);
    }

    public FileRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
