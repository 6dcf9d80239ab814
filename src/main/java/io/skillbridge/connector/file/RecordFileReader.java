package io.skillbridge.connector.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.connector.SourceRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Locale;

/**
 * Reads the records of one dropped file in order, one at a time, so that a file of any size passes through a
 * bounded amount of memory. A record that cannot be read comes back as {@link SourceRecord#unreadable} and the
 * reader goes on; a file that cannot be read at all is a {@link FileRejectedException}, thrown by {@link #open}
 * when it shows at the start (a bad header, not JSON) or by {@link #next} when it shows later.
 */
public abstract class RecordFileReader implements Closeable {

    /** A record and the text it was read from, kept only until its page is archived. */
    public record Item(SourceRecord record, String raw) {
    }

    private final Reader reader;
    private final Charset charset;
    private final String recordIdField;

    RecordFileReader(Reader reader, Charset charset, FileDropSettings settings) {
        this.reader = reader;
        this.charset = charset;
        this.recordIdField = settings.getRecordIdField() == null ? "" : settings.getRecordIdField().trim();
    }

    /**
     * Opens {@code in} as the settings' format says and reads as far as needed to know the file is usable.
     * {@code in} is closed with the reader, or here if opening fails.
     */
    public static RecordFileReader open(InputStream in, FileDropSettings settings) throws IOException {
        try {
            Charset charset = Charset.forName(settings.getEncoding());
            // Strict decoding: a file in the wrong encoding must fail loudly, not store names full of U+FFFD.
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            PushbackReader text = new PushbackReader(new BufferedReader(new InputStreamReader(in, decoder), 65536), 1);
            skipBom(text);
            return switch (settings.getFormat().toLowerCase(Locale.ROOT)) {
                case "csv" -> new CsvRecordReader(text, charset, settings);
                case "json" -> JsonRecordReader.open(text, charset, settings);
                default -> throw new IllegalArgumentException("unknown format '" + settings.getFormat()
                        + "' (csv or json)");
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void skipBom(PushbackReader text) throws IOException {
        int first = readChar(text);
        if (first != -1 && first != '\uFEFF') {
            text.unread(first);
        }
    }

    /** Reads one char, turning a decoding failure into a rejection that says what to change. */
    static int readChar(Reader text) throws IOException {
        try {
            return text.read();
        } catch (CharacterCodingException e) {
            throw new FileRejectedException("the file is not valid in its configured encoding; set the encoding"
                    + " parameter to the file's (" + e.getMessage() + ")", e);
        }
    }

    /** The next record, or {@code null} at the end of the file. */
    public abstract Item next() throws IOException;

    /** The archived form of a page of records read by this reader, such that the page alone can be read again. */
    public abstract byte[] pageRaw(List<Item> items);

    Charset charset() {
        return charset;
    }

    /** The record's own id when the connector names a field for it and the record has one, else the position. */
    String refOf(JsonNode payload, String position) {
        if (!recordIdField.isEmpty() && payload != null && payload.isObject()) {
            JsonNode id = payload.get(recordIdField);
            if (id != null && id.isValueNode() && !id.asText().isBlank()) {
                return id.asText();
            }
        }
        return position;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
