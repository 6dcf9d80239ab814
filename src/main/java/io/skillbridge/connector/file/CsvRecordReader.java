package io.skillbridge.connector.file;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.connector.file.PhysicalLines.Line;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV with a header row. Rows are cut out of the text by a small quote-aware scanner before commons-csv parses
 * each one on its own: that keeps every row's exact text and physical line number for dead letters, and lets a
 * broken row fail alone instead of stopping the parser for the rest of the file.
 */
final class CsvRecordReader extends RecordFileReader {

    private static final char QUOTE = '"';

    /**
     * A quoted field longer than this is taken for a stray quote rather than a real value: its first line becomes
     * an unreadable record and reading resumes on the next line, so one bad quote cannot swallow the file (nor
     * buffer all of it).
     */
    static final int MAX_QUOTED_RECORD_CHARS = 1 << 20;

    private enum Scan { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    /** A row's text, possibly over several physical lines; {@code unterminated} when its quote never closed. */
    private record Row(int line, String text, boolean unterminated) {
    }

    private final char delimiter;
    private final CSVFormat format;
    private final PhysicalLines lines;
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private final List<String> header;
    private final String headerText;

    CsvRecordReader(Reader text, Charset charset, FileDropSettings settings) throws IOException {
        super(text, charset, settings);
        this.lines = new PhysicalLines(text, 1);
        this.delimiter = delimiterOf(settings.getDelimiter());
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(QUOTE).get();
        Row headerRow = nextRow();
        if (headerRow == null) {
            throw new FileRejectedException("the file is empty: a CSV file needs a header row");
        }
        this.headerText = headerRow.text();
        this.header = parseHeader(headerRow);
    }

    static char delimiterOf(String setting) {
        String d = "\\t".equals(setting) ? "\t" : setting;
        if (d == null || d.length() != 1 || d.charAt(0) == QUOTE || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
            throw new IllegalArgumentException("delimiter must be one character other than a quote or line break,"
                    + " got '" + setting + "'");
        }
        return d.charAt(0);
    }

    private List<String> parseHeader(Row row) throws FileRejectedException {
        if (row.unterminated()) {
            throw new FileRejectedException("line 1: the header row has a quoted name that is never closed");
        }
        if (stripEol(row.text()).isEmpty()) {
            throw new FileRejectedException("line 1: the header row is empty; a CSV file must start with its"
                    + " column names");
        }
        List<String> names = new ArrayList<>();
        try {
            for (String name : parseOne(row.text())) {
                names.add(name.trim());
            }
        } catch (IOException | RuntimeException e) {
            throw new FileRejectedException("line 1: the header row cannot be parsed: " + reason(e), e);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw new FileRejectedException("line 1: header column " + (i + 1) + " has no name");
            }
            Integer first = seen.putIfAbsent(name, i + 1);
            if (first != null) {
                throw new FileRejectedException("line 1: header '" + name + "' appears twice (columns " + first
                        + " and " + (i + 1) + ")");
            }
        }
        return List.copyOf(names);
    }

    @Override
    public Item next() throws IOException {
        Row row;
        do {
            row = nextRow();
            if (row == null) {
                return null;
            }
        } while (stripEol(row.text()).isEmpty());
        String position = "line " + row.line();
        if (row.unterminated()) {
            return unreadable(row, position, "a quoted field is never closed; the line was skipped and reading"
                    + " went on at the next one");
        }
        List<String> values;
        try {
            values = parseOne(row.text());
        } catch (IOException | RuntimeException e) {
            return unreadable(row, position, reason(e));
        }
        if (values.size() != header.size()) {
            return unreadable(row, position, "expected " + header.size() + " fields as in the header, found "
                    + values.size());
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < values.size(); i++) {
            payload.put(header.get(i), values.get(i));
        }
        return new Item(SourceRecord.of(refOf(payload, position), payload), row.text());
    }

    private static Item unreadable(Row row, String position, String reason) {
        return new Item(SourceRecord.unreadable(position, TextNode.valueOf(stripEol(row.text())),
                position + ": " + reason), row.text());
    }

    /** Parses one row's text; more than one record means a bare carriage return split it. */
    private List<String> parseOne(String rowText) throws IOException {
        try (CSVParser parser = CSVParser.parse(rowText, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IOException("the row holds a line break outside quotes");
            }
            return records.get(0).toList();
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public byte[] pageRaw(List<Item> items) {
        StringBuilder page = new StringBuilder(headerText);
        if (!headerText.endsWith("\n")) {
            page.append('\n');
        }
        for (Item item : items) {
            page.append(item.raw());
        }
        return page.toString().getBytes(charset());
    }

    private Row nextRow() throws IOException {
        Line first = nextLine();
        if (first == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(first.text());
        List<Line> continuation = new ArrayList<>();
        Scan state = scan(first.text(), Scan.FIELD_START);
        while (state == Scan.QUOTED) {
            Line more = text.length() > MAX_QUOTED_RECORD_CHARS ? null : nextLine();
            if (more == null) {
                for (int i = continuation.size() - 1; i >= 0; i--) {
                    pushedBack.push(continuation.get(i));
                }
                return new Row(first.number(), first.text(), true);
            }
            continuation.add(more);
            text.append(more.text());
            state = scan(more.text(), Scan.QUOTED);
        }
        return new Row(first.number(), text.toString(), false);
    }

    /** Where a physical line leaves the quoting: only {@code QUOTED} carries over to the next line. */
    private Scan scan(String line, Scan state) {
        int end = line.length() - PhysicalLines.terminatorLength(line);
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            state = switch (state) {
                case FIELD_START -> c == QUOTE ? Scan.QUOTED : c == delimiter ? Scan.FIELD_START : Scan.UNQUOTED;
                case UNQUOTED -> c == delimiter ? Scan.FIELD_START : Scan.UNQUOTED;
                case QUOTED -> c == QUOTE ? Scan.QUOTE_IN_QUOTED : Scan.QUOTED;
                case QUOTE_IN_QUOTED -> c == QUOTE ? Scan.QUOTED : c == delimiter ? Scan.FIELD_START : Scan.UNQUOTED;
            };
        }
        return state;
    }

    private Line nextLine() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.pop();
    }

    private static String stripEol(String text) {
        return text.substring(0, text.length() - PhysicalLines.terminatorLength(text));
    }
}
