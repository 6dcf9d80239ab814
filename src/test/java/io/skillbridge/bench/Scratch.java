package io.skillbridge.bench;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmarks share: temporary directories for their databases, deleted when the JVM ends (a benchmark writes
 * gigabytes: two million evidence rows, 130,000 statements with their indexes, and runs left behind fill a disk), H2
 * URLs as durable as the hub's own store, and the best of a few runs of a raw limit.
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

    /** A fresh H2 file database that writes each commit before it returns, as the hub's store does (application.yml). */
    static String durableH2(String prefix) throws IOException {
        return "jdbc:h2:file:" + dir(prefix).resolve("db") + ";WRITE_DELAY=0";
    }

    /** What a raw limit measures, per second. */
    interface Measurement {
        double perSecond() throws Exception;
    }

    /**
     * The best of {@code runs} runs: the first runs in a JVM that has compiled nothing yet, at a third of the speed of
     * the next, and a raw limit that low flatters the hub beside it.
     */
    static double best(int runs, Measurement m) throws Exception {
        double best = 0;
        for (int i = 0; i < runs; i++) {
            best = Math.max(best, m.perSecond());
        }
        return best;
    }
}
