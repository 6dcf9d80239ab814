package io.skillbridge.connector.file;

import io.skillbridge.connector.Page;
import io.skillbridge.connector.PageSource;
import io.skillbridge.connector.SourceRecord;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one dropped file in pages of {@link FileDropSettings#getPageSize()}. A page state is the index of
 * the page's first record. Pages asked for in order are read on from where the last one stopped, so a whole run
 * reads the file once; any other state (a resumed run) reads the file again from its start and skips to it.
 */
public final class FilePageSource implements PageSource, Closeable {

    private final String fileName;
    private final FileDropSettings settings;
    private final FileContent content;
    private RecordFileReader reader;
    private RecordFileReader.Item lookahead;
    private long position;

    /**
     * Opens the file at once, so that a file that cannot be read at all is rejected before any run starts.
     *
     * @throws FileRejectedException naming the file and why
     */
    public FilePageSource(String fileName, FileDropSettings settings, FileContent content) throws IOException {
        if (settings.getPageSize() < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, got " + settings.getPageSize());
        }
        this.fileName = fileName;
        this.settings = settings;
        this.content = content;
        reopen();
    }

    @Override
    public Page fetch(String pageState, String incrementalCursor) throws IOException {
        long start = startOf(pageState);
        if (reader == null || position != start) {
            reopen();
            while (position < start && take() != null) {
                // skipping the records earlier pages delivered
            }
        }
        List<RecordFileReader.Item> items = new ArrayList<>();
        RecordFileReader.Item item;
        while (items.size() < settings.getPageSize() && (item = take()) != null) {
            items.add(item);
        }
        boolean more = peek() != null;
        List<SourceRecord> records = items.stream().map(RecordFileReader.Item::record).toList();
        Page page = new Page(records, more ? String.valueOf(position) : null, null, reader.pageRaw(items));
        if (!more) {
            close();
        }
        return page;
    }

    private long startOf(String pageState) {
        if (pageState == null) {
            return 0;
        }
        try {
            long start = Long.parseLong(pageState);
            if (start >= 0) {
                return start;
            }
        } catch (NumberFormatException e) {
            // reported below with the file's name
        }
        throw new IllegalArgumentException(fileName + ": page state '" + pageState + "' is not a record index");
    }

    private RecordFileReader.Item take() throws IOException {
        RecordFileReader.Item item = peek();
        lookahead = null;
        if (item != null) {
            position++;
        }
        return item;
    }

    private RecordFileReader.Item peek() throws IOException {
        if (lookahead == null) {
            try {
                lookahead = reader.next();
            } catch (FileRejectedException e) {
                throw named(e);
            }
        }
        return lookahead;
    }

    private void reopen() throws IOException {
        close();
        try {
            reader = RecordFileReader.open(content.open(), settings);
        } catch (FileRejectedException e) {
            throw named(e);
        }
        lookahead = null;
        position = 0;
    }

    private FileRejectedException named(FileRejectedException e) {
        return new FileRejectedException(fileName + " rejected: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            RecordFileReader open = reader;
            reader = null;
            lookahead = null;
            open.close();
        }
    }
}
