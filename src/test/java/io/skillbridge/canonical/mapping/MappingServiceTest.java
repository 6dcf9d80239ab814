package io.skillbridge.canonical.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private MappingService serviceWith(String file, String jsonata) throws Exception {
        Path mappings = home.resolve("mappings");
        Files.createDirectories(mappings.resolve(file).getParent());
        Files.writeString(mappings.resolve(file), jsonata);
        return new MappingService(home.toString());
    }

    @Test
    void mapsARecordAndKeepsJsonTypes() throws Exception {
        MappingService service = serviceWith("v/e.jsonata",
                "{ 'id': id, 'n': n + 1, 'half': n / 2, 'ok': flag, 'tags': [tags], 'none': nothing, 'nul': nul }");
        JsonNode out = service.map("v/e.jsonata",
                JSON.readTree("{\"id\":\"7\",\"n\":41,\"flag\":true,\"tags\":[\"a\"],\"nul\":null,\"extra\":1}"));
        assertThat(out).isEqualTo(JSON.readTree(
                "{\"id\":\"7\",\"n\":42,\"half\":20.5,\"ok\":true,\"tags\":[\"a\"],\"nul\":null}"));
    }

    @Test
    void undefinedResultIsAMappingError() throws Exception {
        MappingService service = serviceWith("v/e.jsonata", "missing.field");
        assertThatThrownBy(() -> service.map("v/e.jsonata", JSON.readTree("{\"a\":1}")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("v/e.jsonata").hasMessageContaining("no result");
    }

    @Test
    void evaluationErrorNamesTheFileAndTheReason() throws Exception {
        MappingService service = serviceWith("v/e.jsonata", "$error('no detail for ' & id)");
        assertThatThrownBy(() -> service.map("v/e.jsonata", JSON.readTree("{\"id\":\"9\"}")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("v/e.jsonata").hasMessageContaining("no detail for 9");
    }

    @Test
    void checkReportsTheFileAndTheJsonataPosition() throws Exception {
        MappingService service = serviceWith("v/bad.jsonata", "{\n  'a': (b + \n}");
        assertThatThrownBy(() -> service.check("v/bad.jsonata"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("v/bad.jsonata")
                .hasMessageContaining("does not compile")
                .hasMessageContaining("position");
    }

    @Test
    void checkReportsAMissingFile() throws Exception {
        MappingService service = serviceWith("v/e.jsonata", "a");
        assertThatThrownBy(() -> service.check("v/nope.jsonata"))
                .isInstanceOf(MappingException.class).hasMessageContaining("v/nope.jsonata");
        assertThatThrownBy(() -> service.check("../escape.jsonata"))
                .isInstanceOf(MappingException.class).hasMessageContaining("outside");
    }

    /**
     * jsonata 0.9.9 leaks one frame per evaluation into an expression evaluated on the thread that built it; the
     * service must not (a StackOverflowError or a slowdown would show here long before 300,000 records).
     */
    @Test
    void manyEvaluationsOnOneThreadStayFlat() throws Exception {
        MappingService service = serviceWith("v/e.jsonata", "( $x := $string(n); { 'n': $x, 'root': $$.n } )");
        service.check("v/e.jsonata");
        ObjectNode record = JSON.createObjectNode();
        for (int i = 0; i < 300_000; i++) {
            record.put("n", i);
            JsonNode out = service.map("v/e.jsonata", record);
            if (out.get("root").asInt() != i) {
                throw new AssertionError("record " + i + " mapped to " + out);
            }
        }
    }

    @Test
    void concurrentEvaluationsDoNotSeeEachOthersRecords() throws Exception {
        MappingService service = serviceWith("v/e.jsonata",
                "( $id := id; { 'id': $id, 'same': $$.id = id, 'tags': tags.( $ & '-' & $id ) } )");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String id = thread + "-" + i;
                        ObjectNode record = JSON.createObjectNode().put("id", id);
                        record.putArray("tags").add("a").add("b");
                        JsonNode out = service.map("v/e.jsonata", record);
                        assertThat(out.get("id").asText()).isEqualTo(id);
                        assertThat(out.get("same").asBoolean()).isTrue();
                        assertThat(out.get("tags").get(1).asText()).isEqualTo("b-" + id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
