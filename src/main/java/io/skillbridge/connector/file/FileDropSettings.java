package io.skillbridge.connector.file;

/**
 * How a dropped file is read. Bound from the file-drop and sftp-drop template parameters of the same names, so
 * the defaults here are the ones a connector gets when its instance config leaves a parameter out.
 */
public class FileDropSettings {

    private String format = "csv";
    private String delimiter = ",";
    private String encoding = "UTF-8";
    private int pageSize = 1000;
    private String recordIdField = "";

    /** {@code csv} (with a header row) or {@code json} (a top-level array of objects, or one object per line). */
    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    /** The CSV field separator: a single character; {@code \t} stands for a tab. */
    public String getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    /** Records per page, and so per store transaction and checkpoint. */
    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /**
     * The column or field whose value names a record in dead letters; empty (or a record without a value there)
     * falls back to {@code line N}.
     */
    public String getRecordIdField() {
        return recordIdField;
    }

    public void setRecordIdField(String recordIdField) {
        this.recordIdField = recordIdField;
    }
}
