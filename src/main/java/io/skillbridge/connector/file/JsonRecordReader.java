package io.skillbridge.connector.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.TextNode;
import io.skillbridge.connector.SourceRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * JSON worker files in the two shapes exports come in: one top-level array of objects, streamed element by element,
 * or NDJSON, one object per line, where a bad line fails alone.
 */
abstract class JsonRecordReader extends RecordFileReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A line holding more than one value is not one object per line. */
    private static final ObjectReader LINE_READER = MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    JsonRecordReader(Reader text, Charset charset, FileDropSettings settings) {
        super(text, charset, settings);
    }

    /** Tells the two shapes apart by the first character that is not white space. */
    static JsonRecordReader open(PushbackReader text, Charset charset, FileDropSettings settings) throws IOException {
        int linesBefore = 0;
        int c;
        while ((c = readChar(text)) != -1 && Character.isWhitespace(c)) {
            if (c == '\n') {
                linesBefore++;
            }
        }
        if (c == -1) {
            throw new FileRejectedException("the file is empty");
        }
        text.unread(c);
        if (c == '[') {
            return new ArrayReader(text, charset, settings, linesBefore);
        }
        if (c == '{') {
            return new NdjsonReader(text, charset, settings, linesBefore + 1);
        }
        throw new FileRejectedException("line " + (linesBefore + 1) + ": not JSON: expected a top-level array of"
                + " objects or one object per line, found '" + (char) c + "'");
    }

    static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A top-level array, read one element at a time so the array never has to fit in memory. */
    private static final class ArrayReader extends JsonRecordReader {

        private final JsonParser parser;
        private final int lineOffset;
        private int index;
        private boolean ended;

        ArrayReader(Reader text, Charset charset, FileDropSettings settings, int lineOffset) throws IOException {
            super(text, charset, settings);
            this.parser = MAPPER.getFactory().createParser(text);
            this.lineOffset = lineOffset;
            parser.nextToken();
        }

        @Override
        public Item next() throws IOException {
            if (ended) {
                return null;
            }
            int line = lineOffset + 1;
            try {
                JsonToken token = parser.nextToken();
                line = lineOffset + parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.END_ARRAY) {
                    ended = true;
                    if (parser.nextToken() != null) {
                        throw new FileRejectedException("line " + (lineOffset + parser.currentTokenLocation()
                                .getLineNr()) + ": unexpected content after the top-level array");
                    }
                    return null;
                }
                if (token == null) {
                    throw new FileRejectedException("the file ends inside the top-level array, after " + index
                            + " elements");
                }
                JsonNode node = MAPPER.readTree(parser);
                String position = "$[" + index++ + "], line " + line;
                if (node.isObject()) {
                    return new Item(SourceRecord.of(refOf(node, position), node), node.toString());
                }
                return new Item(SourceRecord.unreadable(position, TextNode.valueOf(node.toString()),
                        position + ": expected an object, found " + typeOf(node)), node.toString());
            } catch (JsonProcessingException e) {
                // The parser cannot find its way back into an array after a syntax error: what follows is lost.
                throw new FileRejectedException("line " + line + ": the JSON array cannot be read from element "
                        + index + " on: " + e.getOriginalMessage(), e);
            }
        }

        @Override
        public byte[] pageRaw(List<Item> items) {
            return items.stream().map(Item::raw).collect(Collectors.joining(",\n", "[\n", "\n]\n"))
                    .getBytes(charset());
        }

        @Override
        public void close() throws IOException {
            parser.close();
            super.close();
        }
    }

    /** One object per line; a line that is not one is an unreadable record and the next line goes on. */
    private static final class NdjsonReader extends JsonRecordReader {

        private final PhysicalLines lines;

        NdjsonReader(Reader text, Charset charset, FileDropSettings settings, int firstLine) {
            super(text, charset, settings);
            this.lines = new PhysicalLines(text, firstLine);
        }

        @Override
        public Item next() throws IOException {
            PhysicalLines.Line line;
            do {
                line = lines.next();
                if (line == null) {
                    return null;
                }
            } while (line.content().isBlank());
            String position = "line " + line.number();
            String content = line.content();
            JsonNode node;
            try {
                node = LINE_READER.readTree(content);
            } catch (JsonProcessingException e) {
                return new Item(SourceRecord.unreadable(position, TextNode.valueOf(content),
                        position + ": not JSON: " + e.getOriginalMessage()), line.text());
            }
            if (!node.isObject()) {
                return new Item(SourceRecord.unreadable(position, TextNode.valueOf(content),
                        position + ": expected an object, found " + typeOf(node)), line.text());
            }
            return new Item(SourceRecord.of(refOf(node, position), node), line.text());
        }

        @Override
        public byte[] pageRaw(List<Item> items) {
            StringBuilder page = new StringBuilder();
            for (Item item : items) {
                page.append(item.raw());
                if (!item.raw().endsWith("\n")) {
                    page.append('\n');
                }
            }
            return page.toString().getBytes(charset());
        }
    }
}
