package io.skillbridge.connector.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a dropped file, which can be opened more than once: a page source resumed from a checkpoint reads
 * the file again from its start.
 */
@FunctionalInterface
public interface FileContent {

    InputStream open() throws IOException;
}
