package io.skillbridge.connector.file;

import io.skillbridge.connector.RunMode;
import io.skillbridge.connector.SourceRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the file-drop and sftp-drop route tests share: a plain Camel context with both kamelets loaded from
 * routes/templates, the ingest component, and a recording sync service in place of the store.
 */
abstract class DropRouteTestSupport {

    static final String CONNECTOR = "acme-workers";

    /** Three workers, one row with a field too many on line 3. */
    static final String WORKERS_CSV = "employeeId,workEmail,status\n"
            + "E1,ann@acme.io,active\n"
            + "E2,bob@acme.io,active,surplus\n"
            + "E3,\"cy, the third\"\"@acme.io\",leave\n";

    static final String FAILING_CSV = "employeeId,workEmail,status\n"
            + RecordingSyncService.FAILING_EMPLOYEE + ",x@acme.io,active\n";

    static final String DUPLICATE_HEADER_CSV = "employeeId,status,employeeId\nE1,active,E1\n";

    final RecordingSyncService sync = new RecordingSyncService();
    CamelContext context;

    @BeforeEach
    void startContext() throws Exception {
        context = new DefaultCamelContext();
        context.addComponent(FileIngestComponent.SCHEME, new FileIngestComponent());
        context.getRegistry().bind("syncService", sync);
        for (String template : List.of("file-drop", "sftp-drop")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                    "file:routes/templates/" + template + ".kamelet.yaml"));
        }
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    /** Adds the connector under test, reading {@link #dropFolder()}. */
    abstract void addConnector() throws Exception;

    /** The folder files are dropped into, as this test's file system sees it. */
    abstract Path dropFolder();

    /** What a successful drop must leave clean besides the drop folder itself. */
    abstract void assertNothingLeftBehind();

    @Test
    void aDroppedCsvIsSyncedWholeAndMovedToDone() throws Exception {
        addConnector();

        drop(dropFolder(), "workers.csv", WORKERS_CSV);

        awaitFile(dropFolder().resolve("done/workers.csv"));
        assertThat(sync.runs()).hasSize(1);
        assertWorkersRun(sync.runs().get(0));
        assertThat(dropFolder().resolve("workers.csv")).doesNotExist();
        assertNothingLeftBehind();
    }

    /** The parameters every connector instance gives, plus {@code more}; everything else keeps its default. */
    static Map<String, Object> parameters(Map<String, Object> more) {
        Map<String, Object> parameters = new HashMap<>(Map.of(
                "connectorId", CONNECTOR,
                "system", "acme-hris",
                "mapping", "acme/worker.jsonata",
                "pollInterval", 100,
                "readLockCheckInterval", 200));
        parameters.putAll(more);
        return parameters;
    }

    /** Writes under a name the include pattern skips, then renames: the way a well-behaved uploader drops. */
    static void drop(Path folder, String name, String content) throws IOException {
        Path part = folder.resolve(name + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static void awaitFile(Path file) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(file));
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The workers file came through whole: the good rows as objects, the bad row unreadable at its line. */
    void assertWorkersRun(RecordingSyncService.Run run) {
        assertThat(run.connector().getConnectorId()).isEqualTo(CONNECTOR);
        assertThat(run.connector().getSystem()).isEqualTo("acme-hris");
        assertThat(run.connector().getEntity()).isEqualTo("worker");
        assertThat(run.connector().isReconcile()).isFalse();
        assertThat(run.connector().matchKeys()).containsExactly("employeeId", "workEmail");
        assertThat(run.mode()).isEqualTo(RunMode.FILE);
        assertThat(run.trigger()).isEqualTo("file");
        assertThat(run.records()).extracting(SourceRecord::ref).containsExactly("line 2", "line 3", "line 4");
        assertThat(run.records().get(0).payload().get("workEmail").asText()).isEqualTo("ann@acme.io");
        assertThat(run.records().get(1).parseError()).isEqualTo("line 3: expected 3 fields as in the header, found 4");
        assertThat(run.records().get(1).payload().asText()).isEqualTo("E2,bob@acme.io,active,surplus");
        assertThat(run.records().get(2).payload().get("workEmail").asText()).isEqualTo("cy, the third\"@acme.io");
    }
}
