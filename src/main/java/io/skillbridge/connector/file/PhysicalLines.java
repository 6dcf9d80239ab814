package io.skillbridge.connector.file;

import java.io.IOException;
import java.io.Reader;

/** The physical lines of a text, numbered from {@code firstNumber} and kept with their terminators. */
final class PhysicalLines {

    record Line(int number, String text) {

        /** The text without its line terminator. */
        String content() {
            return text.substring(0, text.length() - terminatorLength(text));
        }
    }

    private final Reader text;
    private int number;

    PhysicalLines(Reader text, int firstNumber) {
        this.text = text;
        this.number = firstNumber - 1;
    }

    /** The next line, or {@code null} at the end of the text. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder(128);
        int c;
        while ((c = RecordFileReader.readChar(text)) != -1) {
            line.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return line.isEmpty() ? null : new Line(++number, line.toString());
    }

    static int terminatorLength(String line) {
        if (line.endsWith("\r\n")) {
            return 2;
        }
        return line.endsWith("\n") ? 1 : 0;
    }
}
