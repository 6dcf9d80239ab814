package io.skillbridge.canonical.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mapping file against its fixtures: {@code fixtures/<domain>/<vendor>/<entity>[.<case>].json} (domains: hris,
 * lms, content) is mapped with
 * {@code mappings/<vendor>/<entity>.jsonata} and must equal {@code <same name>.expected.json} exactly. A mapping
 * without a fixture pair, or a fixture without its expectation or mapping, fails the build, so the packs cannot drift
 * from their examples.
 */
class MappingFixturesTest {

    private static final Path MAPPINGS = Path.of("mappings");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MappingService service = new MappingService(MAPPINGS);

    @TestFactory
    Stream<DynamicTest> everyFixturePairMapsExactly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path input : inputs()) {
            String mapping = mappingFor(input);
            tests.add(DynamicTest.dynamicTest(FIXTURES.relativize(input) + " via " + mapping, () -> {
                Path expectedFile = expectedFor(input);
                assertThat(expectedFile).as("expected output next to the fixture").exists();
                assertThat(MAPPINGS.resolve(mapping)).as("mapping for the fixture").exists();
                JsonNode actual = JSON.readTree(JSON.writeValueAsString(
                        service.map(mapping, JSON.readTree(input.toFile()))));
                assertThat(actual).isEqualTo(JSON.readTree(expectedFile.toFile()));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyMappingHasAFixturePair() throws IOException {
        Set<String> covered = new TreeSet<>();
        for (Path input : inputs()) {
            if (Files.exists(expectedFor(input))) {
                covered.add(mappingFor(input));
            }
        }
        List<String> mappings;
        try (Stream<Path> files = Files.walk(MAPPINGS)) {
            mappings = files.filter(p -> p.toString().endsWith(".jsonata"))
                    .map(p -> MAPPINGS.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(mappings).isNotEmpty();
        return mappings.stream().map(m -> DynamicTest.dynamicTest(m + " has a fixture pair",
                () -> assertThat(covered).as("fixture pairs under " + FIXTURES).contains(m)));
    }

    private static List<Path> inputs() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
    }

    /** {@code workday/rest-worker.terminated.json} is a case of {@code workday/rest-worker.jsonata}. */
    private static String mappingFor(Path input) {
        String name = input.getFileName().toString();
        String entity = name.substring(0, name.indexOf('.'));
        String vendor = input.getParent().getFileName().toString();
        return vendor + "/" + entity + ".jsonata";
    }

    private static Path expectedFor(Path input) {
        String name = input.getFileName().toString();
        return input.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expected.json");
    }
}
