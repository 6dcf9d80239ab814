package io.skillbridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throw-away hub home for a test: the project's templates, mappings, taxonomy, scales and role requirements, plus the connector files and mappings
 * the test writes, the way an integration engineer would add them.
 */
public final class HubHome {

    private final Path root;

    public HubHome() {
        try {
            root = Files.createTempDirectory("skillbridge-home");
            copy(Path.of("routes"), root.resolve("routes"));
            copy(Path.of("mappings"), root.resolve("mappings"));
            for (String shared : new String[]{"taxonomy", "skills", "roles"}) {
                copy(Path.of("config", shared), root.resolve("config").resolve(shared));
            }
            Files.createDirectories(root.resolve("config/connectors"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path connectorsDir() {
        return root.resolve("config/connectors");
    }

    public HubHome write(String relativePath, String content) {
        try {
            Path f = root.resolve(relativePath);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
