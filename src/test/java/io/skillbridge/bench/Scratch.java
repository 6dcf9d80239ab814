package io.skillbridge.bench;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary directories for a benchmark's databases, deleted when the JVM ends: a benchmark writes gigabytes (two
 * million evidence rows, 130,000 statements with their indexes), and runs left behind fill a disk.
 */
final class Scratch {

    private Scratch() {
    }

    static Path dir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                FileSystemUtils.deleteRecursively(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        return dir;
    }
}
