package io.skillbridge.connector.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FileDropRouteIT extends DropRouteTestSupport {

    @TempDir
    Path drop;

    @Override
    void addConnector() throws Exception {
        DropTemplates.addRoute(context, DropTemplates.FILE_DROP, parameters(Map.of("directory", drop.toString())));
    }

    @Override
    Path dropFolder() {
        return drop;
    }

    @Override
    void assertNothingLeftBehind() {
        assertThat(drop.resolve("error")).doesNotExist();
    }

    @Test
    void aFailedRunMovesTheFileToErrorWithItsReason() throws Exception {
        addConnector();

        drop(drop, "failing.csv", FAILING_CSV);

        awaitFile(drop.resolve("error/failing.csv"));
        assertThat(read(drop.resolve("error/failing.csv.reason.txt")))
                .contains(CONNECTOR, "failing.csv", RecordingSyncService.FAILURE);
        assertThat(drop.resolve("done/failing.csv")).doesNotExist();
    }

    @Test
    void aRejectedFileNeverStartsARunAndSaysWhyInError() throws Exception {
        addConnector();

        drop(drop, "dup.csv", DUPLICATE_HEADER_CSV);

        awaitFile(drop.resolve("error/dup.csv"));
        assertThat(read(drop.resolve("error/dup.csv.reason.txt")))
                .contains("dup.csv rejected: line 1: header 'employeeId' appears twice (columns 1 and 3)");
        assertThat(sync.runs()).isEmpty();
    }

    @Test
    void filesOutsideTheIncludePatternAndLinksOutOfTheFolderAreNotRead() throws Exception {
        Path outside = Files.createTempFile("outside", ".csv");
        try {
            Files.writeString(outside, WORKERS_CSV);
            Files.createSymbolicLink(drop.resolve("link.csv"), outside);
            Files.writeString(drop.resolve("notes.txt"), "not a worker file");
            addConnector();

            awaitFile(drop.resolve("error/link.csv.reason.txt"));
            assertThat(read(drop.resolve("error/link.csv.reason.txt"))).contains("outside the drop folder");
            assertThat(sync.runs()).isEmpty();
            assertThat(drop.resolve("notes.txt")).exists();
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aRestartDoesNotIngestWhatIsAlreadyDone() throws Exception {
        addConnector();
        drop(drop, "workers.csv", WORKERS_CSV);
        awaitFile(drop.resolve("done/workers.csv"));

        context.getRouteController().stopRoute(CONNECTOR);
        context.getRouteController().startRoute(CONNECTOR);
        drop(drop, "later.csv", "employeeId,status\nE9,active\n");
        awaitFile(drop.resolve("done/later.csv"));

        assertThat(sync.runs()).hasSize(2);
        assertThat(sync.runs().get(1).records()).hasSize(1);
    }
}
