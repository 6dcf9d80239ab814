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

    /** A hub on this home as the tests run it: no demo, no schedule, loopback vendors allowed. */
    public void register(org.springframework.test.context.DynamicPropertyRegistry r) {
        r.add("skillbridge.home", () -> root.toString());
        r.add("skillbridge.demo.enabled", () -> "false");
        r.add("skillbridge.scheduling.enabled", () -> "false");
        r.add("skillbridge.http.allow-private-networks", () -> "true");
    }

    /** Starts a hub on this home with its store in {@code dataDir}, the way the benchmarks measure it, plus {@code more} arguments. */
    public org.springframework.context.ConfigurableApplicationContext start(Path dataDir, String... more) {
        return new org.springframework.boot.builder.SpringApplicationBuilder(SkillbridgeApplication.class).run(
                Stream.concat(Stream.of("--server.port=0", "--skillbridge.home=" + root, "--skillbridge.data-dir=" + dataDir,
                        "--skillbridge.demo.enabled=false", "--skillbridge.scheduling.enabled=false",
                        "--skillbridge.http.allow-private-networks=true", "--logging.level.io.skillbridge=WARN"),
                        Stream.of(more)).toArray(String[]::new));
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
