package io.skillbridge.connector.file;

/**
 * A dropped file that did not sync. Its message is what lands in {@code error/<file>.reason.txt}, so it names the
 * file and says why, and never carries connection details.
 */
public class FileIngestException extends Exception {

    public FileIngestException(String message) {
        super(message);
    }

    public FileIngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
