package io.skillbridge.connector.file;

import io.skillbridge.connector.Page;
import io.skillbridge.connector.SourceRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordFileReaderTest {

    private static FileDropSettings csv() {
        return new FileDropSettings();
    }

    private static FileDropSettings json() {
        FileDropSettings settings = new FileDropSettings();
        settings.setFormat("json");
        return settings;
    }

    private static List<SourceRecord> readAll(String text, FileDropSettings settings) throws IOException {
        return readAll(text.getBytes(StandardCharsets.UTF_8), settings);
    }

    private static List<SourceRecord> readAll(byte[] bytes, FileDropSettings settings) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordFileReader reader = RecordFileReader.open(new ByteArrayInputStream(bytes), settings)) {
            RecordFileReader.Item item;
            while ((item = reader.next()) != null) {
                records.add(item.record());
            }
        }
        return records;
    }

    @Test
    void csvRowsBecomeObjectsKeyedByTrimmedHeader() throws IOException {
        List<SourceRecord> records = readAll(" employeeId , workEmail,status\nE1,a@x.io,active\r\nE2,b@x.io,leave\n",
                csv());

        assertThat(records).hasSize(2);
        assertThat(records.get(0).ref()).isEqualTo("line 2");
        assertThat(records.get(0).parseError()).isNull();
        assertThat(records.get(0).payload().toString())
                .isEqualTo("{\"employeeId\":\"E1\",\"workEmail\":\"a@x.io\",\"status\":\"active\"}");
        assertThat(records.get(1).ref()).isEqualTo("line 3");
        assertThat(records.get(1).payload().get("status").asText()).isEqualTo("leave");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndLineNumbersStayPhysical() throws IOException {
        String text = "id,name,note\n"
                + "1,\"Doe, Jane\",\"said \"\"hi\"\"\"\n"
                + "2,Bob,\"first line\nsecond line\"\n"
                + "3,Eve,plain\n";

        List<SourceRecord> records = readAll(text, csv());

        assertThat(records).extracting(SourceRecord::ref).containsExactly("line 2", "line 3", "line 5");
        assertThat(records.get(0).payload().get("name").asText()).isEqualTo("Doe, Jane");
        assertThat(records.get(0).payload().get("note").asText()).isEqualTo("said \"hi\"");
        assertThat(records.get(1).payload().get("note").asText()).isEqualTo("first line\nsecond line");
        assertThat(records.get(2).payload().get("note").asText()).isEqualTo("plain");
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstHeader() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "employeeId,status\nE1,active\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        List<SourceRecord> records = readAll(file, csv());

        assertThat(records.get(0).payload().has("employeeId")).isTrue();
    }

    @Test
    void malformedRowsAreUnreadableWithTheirLineAndTheRestIsRead() throws IOException {
        String text = "id,name\n"
                + "1,Ann\n"
                + "2,Bob,extra\n"
                + "3,\"Cy\"x\n"
                + "4,\"never closed\n"
                + "5,Dee\n";

        List<SourceRecord> records = readAll(text, csv());

        assertThat(records).extracting(SourceRecord::ref)
                .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6");
        assertThat(records.get(1).parseError()).isEqualTo("line 3: expected 2 fields as in the header, found 3");
        assertThat(records.get(1).payload().isTextual()).isTrue();
        assertThat(records.get(1).payload().asText()).isEqualTo("2,Bob,extra");
        assertThat(records.get(2).parseError()).startsWith("line 4: ");
        assertThat(records.get(3).parseError()).startsWith("line 5: a quoted field is never closed");
        assertThat(records.get(3).payload().asText()).isEqualTo("4,\"never closed");
        assertThat(records.get(0).parseError()).isNull();
        assertThat(records.get(4).parseError()).isNull();
        assertThat(records.get(4).payload().get("name").asText()).isEqualTo("Dee");
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        List<SourceRecord> records = readAll("id\n\n1\n\n2\n", csv());

        assertThat(records).extracting(SourceRecord::ref).containsExactly("line 3", "line 5");
    }

    @Test
    void recordIdFieldNamesTheRecordAndFallsBackToTheLine() throws IOException {
        FileDropSettings settings = csv();
        settings.setRecordIdField("employeeId");

        List<SourceRecord> records = readAll("employeeId,status\nE7,active\n,leave\n", settings);

        assertThat(records).extracting(SourceRecord::ref).containsExactly("E7", "line 3");
    }

    @Test
    void otherDelimiters() throws IOException {
        FileDropSettings settings = csv();
        settings.setDelimiter("\\t");

        List<SourceRecord> records = readAll("id\tname\n1\tAnn, B.\n", settings);

        assertThat(records.get(0).payload().get("name").asText()).isEqualTo("Ann, B.");
    }

    @Test
    void aFileWithoutUsableHeaderIsRejected() {
        assertThatThrownBy(() -> readAll("", csv()))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("needs a header row");
        assertThatThrownBy(() -> readAll("\nE1,active\n", csv()))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("line 1: the header row is empty");
        assertThatThrownBy(() -> readAll("id,,status\n", csv()))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("header column 2 has no name");
        assertThatThrownBy(() -> readAll("id,email,id\n", csv()))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("header 'id' appears twice (columns 1 and 3)");
    }

    @Test
    void aFileInAnotherEncodingThanConfiguredIsRejected() {
        byte[] latin1 = "id,name\n1,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> readAll(latin1, csv()))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("set the encoding parameter");
    }

    @Test
    void jsonArrayOfObjects() throws IOException {
        String text = "[\n  {\"employeeId\": \"E1\", \"active\": true},\n  {\"employeeId\": \"E2\"}\n]\n";

        List<SourceRecord> records = readAll(text, json());

        assertThat(records).hasSize(2);
        assertThat(records.get(0).ref()).isEqualTo("$[0], line 2");
        assertThat(records.get(0).payload().get("active").asBoolean()).isTrue();
        assertThat(records.get(1).ref()).isEqualTo("$[1], line 3");
    }

    @Test
    void ndjsonOneObjectPerLine() throws IOException {
        List<SourceRecord> records = readAll("{\"id\":1}\n\n{\"id\":2}\r\n{\"id\":3}", json());

        assertThat(records).extracting(SourceRecord::ref).containsExactly("line 1", "line 3", "line 4");
        assertThat(records).allSatisfy(r -> assertThat(r.parseError()).isNull());
        assertThat(records.get(2).payload().get("id").asInt()).isEqualTo(3);
    }

    @Test
    void elementsThatAreNotObjectsAreUnreadableAndNamed() throws IOException {
        List<SourceRecord> array = readAll("[{\"id\":1}, \"stray\", {\"id\":3}]", json());
        List<SourceRecord> ndjson = readAll("{\"id\":1}\n[1,2]\n{\"id\": oops}\n{\"id\":4}\n", json());

        assertThat(array.get(1).parseError()).isEqualTo("$[1], line 1: expected an object, found string");
        assertThat(array.get(2).parseError()).isNull();
        assertThat(ndjson).extracting(SourceRecord::ref).containsExactly("line 1", "line 2", "line 3", "line 4");
        assertThat(ndjson.get(1).parseError()).isEqualTo("line 2: expected an object, found array");
        assertThat(ndjson.get(2).parseError()).startsWith("line 3: not JSON:");
        assertThat(ndjson.get(2).payload().asText()).isEqualTo("{\"id\": oops}");
        assertThat(ndjson.get(3).parseError()).isNull();
    }

    @Test
    void aFileThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> readAll("employeeId,status\nE1,active\n", json()))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("line 1: not JSON");
        assertThatThrownBy(() -> readAll("  \n ", json()))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> readAll("[{\"id\":1},\n{\"id\":", json()))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("from element 1 on");
    }

    @Test
    void pagesOfPageSizeResumeFromTheirPageState() throws IOException {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i <= 7; i++) {
            text.append(i).append(",n").append(i).append('\n');
        }
        FileDropSettings settings = csv();
        settings.setPageSize(3);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        FileContent content = () -> new ByteArrayInputStream(bytes);

        List<Page> pages = new ArrayList<>();
        try (FilePageSource source = new FilePageSource("w.csv", settings, content)) {
            Page page = source.fetch(null, null);
            pages.add(page);
            while (page.nextState() != null) {
                page = source.fetch(page.nextState(), null);
                pages.add(page);
            }
        }

        assertThat(pages).extracting(Page::nextState).containsExactly("3", "6", null);
        assertThat(pages).extracting(p -> p.records().size()).containsExactly(3, 3, 1);
        assertThat(new String(pages.get(1).raw(), StandardCharsets.UTF_8)).isEqualTo("id,name\n4,n4\n5,n5\n6,n6\n");

        try (FilePageSource resumed = new FilePageSource("w.csv", settings, content)) {
            Page page = resumed.fetch("3", null);
            assertThat(page.records()).extracting(SourceRecord::ref).containsExactly("line 5", "line 6", "line 7");
            assertThat(page.nextState()).isEqualTo("6");
        }
    }

    @Test
    void aFileEndingExactlyOnAPageBoundaryHasNoEmptyLastPage() throws IOException {
        FileDropSettings settings = json();
        settings.setPageSize(2);
        byte[] bytes = "{\"id\":1}\n{\"id\":2}\n".getBytes(StandardCharsets.UTF_8);

        try (FilePageSource source = new FilePageSource("w.ndjson", settings, () -> new ByteArrayInputStream(bytes))) {
            Page page = source.fetch(null, null);
            assertThat(page.records()).hasSize(2);
            assertThat(page.nextState()).isNull();
        }
    }

    @Test
    void aRejectedFileIsNamed() {
        assertThatThrownBy(() -> new FilePageSource("workers.csv", csv(),
                () -> new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(FileRejectedException.class).hasMessageStartingWith("workers.csv rejected: ");
    }
}
