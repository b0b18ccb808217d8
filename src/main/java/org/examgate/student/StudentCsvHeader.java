package org.examgate.student;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

/** Which column of a student CSV holds what: student fields by name, every other named column an attribute. */
final class StudentCsvHeader {

    /**
     * Marks an attribute whose name would otherwise be read as a field: an export writes an attribute
     * called "email" as "attributes.email", so that importing the export gives the attribute back.
     */
    static final String ATTRIBUTE_PREFIX = "attributes.";

    private final int[] fieldIndex;
    private final List<String> attributeKeys;
    private final int[] attributeIndex;
    private final int width;

    private StudentCsvHeader(int[] fieldIndex, List<String> attributeKeys, int[] attributeIndex, int width) {
        this.fieldIndex = fieldIndex;
        this.attributeKeys = attributeKeys;
        this.attributeIndex = attributeIndex;
        this.width = width;
    }

    /**
     * Reads the header row. Columns without a name are ignored (spreadsheets often add an empty one at
     * the end). Messages name columns by position only: a file without a header row would otherwise
     * have a student's data quoted back.
     */
    static StudentCsvHeader of(List<String> names) {
        int[] fieldIndex = new int[StudentColumn.values().length];
        Arrays.fill(fieldIndex, -1);
        Map<String, Integer> attributes = new HashMap<>();
        List<String> attributeKeys = new ArrayList<>();
        List<Integer> attributePositions = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                continue;
            }
            if (hasAttributePrefix(name) || StudentColumn.named(name).isEmpty()) {
                String key = hasAttributePrefix(name) ? name.substring(ATTRIBUTE_PREFIX.length()) : name;
                Integer earlier = attributes.putIfAbsent(key, i);
                if (earlier != null) {
                    throw sameName(earlier, i);
                }
                attributeKeys.add(key);
                attributePositions.add(i);
                continue;
            }
            StudentColumn column = StudentColumn.named(name).orElseThrow();
            if (fieldIndex[column.ordinal()] >= 0) {
                throw sameName(fieldIndex[column.ordinal()], i);
            }
            fieldIndex[column.ordinal()] = i;
        }
        if (fieldIndex[StudentColumn.STUDENT_NUMBER.ordinal()] < 0) {
            throw new StudentImportException("The header row has no studentNumber column. The first row must name the "
                    + "columns, e.g. studentNumber,fullName,email.");
        }
        return new StudentCsvHeader(fieldIndex, List.copyOf(attributeKeys),
                attributePositions.stream().mapToInt(Integer::intValue).toArray(), names.size());
    }

    /** The header an export writes for an attribute, read back by {@link #of} as that same attribute. */
    static String exportName(String attributeKey) {
        boolean readAsSomethingElse = attributeKey.isBlank() || hasAttributePrefix(attributeKey)
                || StudentColumn.named(attributeKey).isPresent();
        return readAsSomethingElse ? ATTRIBUTE_PREFIX + attributeKey : attributeKey;
    }

    boolean has(StudentColumn column) {
        return fieldIndex[column.ordinal()] >= 0;
    }

    /** The cell of a field column: null if the file has no such column, "" if the row stops short of it. */
    String cell(CSVRecord record, StudentColumn column) {
        int index = fieldIndex[column.ordinal()];
        return index < 0 ? null : cellAt(record, index);
    }

    List<String> attributeKeys() {
        return attributeKeys;
    }

    String attributeCell(CSVRecord record, int attribute) {
        return cellAt(record, attributeIndex[attribute]);
    }

    /** How many columns the header names, counting unnamed ones: a longer row has cells nobody named. */
    int width() {
        return width;
    }

    private static String cellAt(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : "";
    }

    private static boolean hasAttributePrefix(String name) {
        return name.regionMatches(true, 0, ATTRIBUTE_PREFIX, 0, ATTRIBUTE_PREFIX.length());
    }

    private static StudentImportException sameName(int first, int second) {
        return new StudentImportException("Columns " + (first + 1) + " and " + (second + 1)
                + " of the header row name the same field or attribute.");
    }
}
