package org.examgate.student;

import org.apache.commons.csv.CSVRecord;
import org.examgate.api.SafeText;

/** One data row of an import: its cells by column, exactly as in the file. */
final class ImportRow {

    private final long index;
    private final long line;
    private final String[] fields;
    private final String[] attributes;
    private final boolean extraCells;
    private final boolean utf8;
    private final boolean storable;

    private ImportRow(long index, long line, String[] fields, String[] attributes, boolean extraCells, boolean utf8,
            boolean storable) {
        this.index = index;
        this.line = line;
        this.fields = fields;
        this.attributes = attributes;
        this.extraCells = extraCells;
        this.utf8 = utf8;
        this.storable = storable;
    }

    static ImportRow of(StudentCsvFile.CsvRow row, StudentCsvHeader header) {
        CSVRecord record = row.record();
        String[] fields = new String[StudentColumn.values().length];
        for (StudentColumn column : StudentColumn.values()) {
            fields[column.ordinal()] = header.cell(record, column);
        }
        String[] attributes = new String[header.attributeKeys().size()];
        for (int i = 0; i < attributes.length; i++) {
            attributes[i] = header.attributeCell(record, i);
        }
        boolean extraCells = false;
        for (int i = header.width(); i < record.size() && !extraCells; i++) {
            extraCells = !record.get(i).isBlank();
        }
        boolean utf8 = record.stream().allMatch(cell -> cell.indexOf(StudentCsvFile.NOT_UTF8) < 0);
        boolean storable = record.stream().allMatch(SafeText::isSafe);
        return new ImportRow(row.index(), row.line(), fields, attributes, extraCells, utf8, storable);
    }

    /** The row's record number in the file, the same on every reading of it. */
    long index() {
        return index;
    }

    /** The physical line the row starts on. */
    long line() {
        return line;
    }

    /** The cell of a field column, or null when the file has no such column. */
    String cell(StudentColumn column) {
        return fields[column.ordinal()];
    }

    /** The cell of the header's attribute column number {@code i} ("" when empty). */
    String attribute(int i) {
        return attributes[i];
    }

    /** The plain password, exactly as in the file (never trimmed), or null when the cell is empty or absent. */
    String password() {
        return emptyToNull(cell(StudentColumn.PASSWORD));
    }

    String passwordHash() {
        String hash = emptyToNull(cell(StudentColumn.PASSWORD_HASH));
        return hash == null ? null : hash.strip();
    }

    /** Whether the row has filled cells beyond the header's columns, which no column names. */
    boolean hasExtraCells() {
        return extraCells;
    }

    /** False when the row held bytes that are not UTF-8, e.g. a name from a file saved as Latin-1. */
    boolean isUtf8() {
        return utf8;
    }

    /** False when a cell holds a NUL character or broken text, which the database cannot keep as given. */
    boolean isStorable() {
        return storable;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        // Rows may hold passwords and hashes.
        return "ImportRow[line " + line + "]";
    }
}
