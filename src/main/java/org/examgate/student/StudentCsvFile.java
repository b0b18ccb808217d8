package org.examgate.student;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a spooled student CSV one row at a time with Commons CSV: UTF-8 with or without a byte order
 * mark, comma or semicolon, a header row first, quoted fields holding delimiters and line breaks.
 */
final class StudentCsvFile implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** What the decoder makes of bytes that are not UTF-8. */
    static final char NOT_UTF8 = '\uFFFD';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final StudentCsvHeader header;

    private StudentCsvFile(Path file, char delimiter) throws IOException {
        // Empty lines are kept as records so that the parser's line count stays the file's physical lines.
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        this.parser = CSVParser.builder().setReader(reader(file)).setFormat(format).get();
        this.records = parser.iterator();
        try {
            CsvRow first = next();
            if (first == null) {
                throw new StudentImportException("The file is empty: it needs a header row naming the columns.");
            }
            if (first.record().stream().anyMatch(name -> name.indexOf(NOT_UTF8) >= 0)) {
                throw new StudentImportException("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it "
                        + "again.");
            }
            this.header = StudentCsvHeader.of(first.record().toList());
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** Opens the file and reads its header row. */
    static StudentCsvFile open(Path file) {
        try {
            return new StudentCsvFile(file, delimiterOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StudentCsvHeader header() {
        return header;
    }

    /** The next row with any content, or null at the end of the file. */
    CsvRow next() {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw unreadable(e, line);
            }
            if (!record.stream().allMatch(String::isBlank)) {
                return new CsvRow(record.getRecordNumber(), line, record);
            }
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Semicolon if it splits the header row into more columns than the comma (Excel's in much of Europe). */
    private static char delimiterOf(Path file) throws IOException {
        return columnsOfHeader(file, ';') > columnsOfHeader(file, ',') ? ';' : ',';
    }

    private static int columnsOfHeader(Path file, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader(file)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().size() : 0;
        } catch (UncheckedIOException e) {
            // The real reading reports it, with the line.
            return 0;
        }
    }

    /**
     * Bytes that are not UTF-8 become U+FFFD rather than an error: the decoder works in blocks, so an
     * error could not say which line it is on, while a row holding the replacement character can be
     * rejected with its line (see {@link ImportRow#isUtf8()}).
     */
    private static BufferedReader reader(Path file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8));
        try {
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            reader.close();
            throw e;
        }
    }

    private static RuntimeException unreadable(UncheckedIOException e, long line) {
        if (e.getCause() instanceof CSVException) {
            return new StudentImportException("The file is not valid CSV near line " + line
                    + ": a quoted field is not closed, or a quote stands inside an unquoted field.");
        }
        return e;
    }

    /**
     * One row of the file.
     *
     * @param index the row's record number in the file (the header is 1), the same on every reading
     * @param line the physical line the row starts on, as an editor shows it (the header's is 1 unless
     *     blank lines precede it)
     */
    record CsvRow(long index, long line, CSVRecord record) {

        @Override
        public String toString() {
            // Rows may hold passwords.
            return "CsvRow[line " + line + "]";
        }
    }
}
