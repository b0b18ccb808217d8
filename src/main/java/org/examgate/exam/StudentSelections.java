package org.examgate.exam;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.examgate.api.ApiProblems;
import org.examgate.api.SafeText;
import org.examgate.student.RegisteredStudent;
import org.examgate.student.StudentDirectory;
import org.springframework.stereotype.Component;

/** Turns a selection of students (ids, numbers, or a CSV of numbers) into registered students. */
@Component
class StudentSelections {

    private final StudentDirectory directory;

    StudentSelections(StudentDirectory directory) {
        this.directory = directory;
    }

    /**
     * The selected students that exist, and what could not be found.
     */
    Resolved resolve(StudentSelection selection) {
        List<RegisteredStudent> byId = directory.findAllById(selection.studentIds());
        // A number no student can have (broken text) is simply unknown; it never reaches the database.
        List<RegisteredStudent> byNumber = directory.findByStudentNumbers(
                selection.studentNumbers().stream().filter(SafeText::isSafe).toList());
        Set<UUID> foundIds = byId.stream().map(RegisteredStudent::id).collect(Collectors.toSet());
        Set<String> foundNumbers = byNumber.stream().map(RegisteredStudent::studentNumber).collect(Collectors.toSet());
        Set<RegisteredStudent> students = new LinkedHashSet<>(byId);
        students.addAll(byNumber);
        return new Resolved(List.copyOf(students),
                selection.studentIds().stream().filter(id -> !foundIds.contains(id)).distinct().toList(),
                selection.studentNumbers().stream().filter(number -> !foundNumbers.contains(number)).toList());
    }

    /**
     * Reads student numbers from CSV: a header row with a {@code studentNumber} column (comma or
     * semicolon), or a single column of numbers without a header. No body at all is an empty CSV.
     */
    static StudentSelection fromCsv(String csv) {
        String given = csv == null ? "" : csv;
        String text = given.startsWith("\uFEFF") ? given.substring(1) : given;
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<CSVRecord> records;
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            records = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            // Commons CSV's complaints about a text already in memory: a quote never closed, and the like.
            throw ApiProblems.badRequest("The CSV could not be read (is a quote left open?): give one student "
                    + "number a line, under a studentNumber header.");
        }
        if (records.isEmpty()) {
            throw ApiProblems.badRequest("The CSV is empty: give one student number a line, under a "
                    + "studentNumber header.");
        }
        int column = headerColumn(records.get(0));
        List<String> numbers = new ArrayList<>();
        for (CSVRecord record : records.subList(column >= 0 ? 1 : 0, records.size())) {
            int at = Math.max(column, 0);
            if (record.size() > at) {
                numbers.add(record.get(at));
            }
        }
        return new StudentSelection(List.of(), numbers);
    }

    private static int headerColumn(CSVRecord first) {
        for (int i = 0; i < first.size(); i++) {
            String name = first.get(i).toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
            if (name.equals("studentnumber")) {
                return i;
            }
        }
        return -1;
    }

    record Resolved(List<RegisteredStudent> students, List<UUID> unknownIds, List<String> unknownNumbers) {
    }
}
