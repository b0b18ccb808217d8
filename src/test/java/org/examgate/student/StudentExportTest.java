package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExamgateTest
class StudentExportTest {

    private static final String PASSWORD = "export-test password";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    ImportCalls calls;
    Fixtures fixtures;
    String prefix;

    @BeforeEach
    void setUp() {
        calls = new ImportCalls(http);
        fixtures = new Fixtures(http);
        prefix = Fixtures.unique("E");
    }

    @Test
    void theExportIsAnAttachedCsvWithEveryStudentAndTheirAttributesButNoPassword() {
        JsonNode ada = fixtures.student(Map.of("studentNumber", prefix + "-1", "fullName", "Obi, Ada",
                "about", "Line one\nline \"two\"", "status", "SUSPENDED", "photoUrl", "https://p.uni.example/a.jpg",
                "password", PASSWORD,
                "attributes", Map.of("faculty", "Science", "level", 200, "email", "attribute, not the field")));
        JsonNode bob = fixtures.student(Map.of("studentNumber", prefix + "-2", "fullName", "Bob",
                "passwordHash", "{bcrypt}$2a$04$abcdefghijklmnopqrstuu1234567890123456789012345678901",
                "attributes", Map.of("mentor", "Ada")));

        Response export = calls.export();

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains("filename=\"students-");
        assertThat(export.body()).doesNotContain(PASSWORD).doesNotContain("$2a$").doesNotContain("{bcrypt}");
        List<CSVRecord> records = parse(export.body());
        List<String> header = records.get(0).toList();
        assertThat(header).doesNotContain("password", "passwordHash", "hasPassword");
        assertThat(header.subList(0, 7)).containsExactly("studentNumber", "matricNumber", "email", "fullName", "about",
                "status", "photoUrl");
        assertThat(header).contains("faculty", "level", "mentor", "attributes.email");
        Map<String, String> adaRow = row(records, prefix + "-1");
        assertThat(adaRow).containsEntry("matricNumber", ada.get("matricNumber").stringValue())
                .containsEntry("email", ada.get("email").stringValue())
                .containsEntry("fullName", "Obi, Ada")
                .containsEntry("about", "Line one\nline \"two\"")
                .containsEntry("status", "SUSPENDED")
                .containsEntry("photoUrl", "https://p.uni.example/a.jpg")
                .containsEntry("faculty", "Science")
                .containsEntry("level", "200")
                .containsEntry("attributes.email", "attribute, not the field")
                .containsEntry("mentor", "");
        assertThat(row(records, prefix + "-2")).containsEntry("mentor", "Ada").containsEntry("faculty", "")
                .containsEntry("email", bob.get("email").stringValue());
    }

    @Test
    void importingAnUneditedExportReportsEveryRowUnchanged() {
        fixtures.student(Map.of("studentNumber", prefix + "-1", "fullName", "Ada", "password", PASSWORD,
                "attributes", Map.of("level", 200, "honours", true, "modules", List.of("CS101", "CS102"),
                        "advisor", Map.of("name", "Dr. No"), "email", "kept apart", "note", "")));
        fixtures.student(Map.of("studentNumber", prefix + "-2", "fullName", "Bob"));
        String export = calls.export().body();
        int rows = parse(export).size() - 1;
        JsonNode ada = calls.student(prefix + "-1");

        JsonNode job = calls.importCsv(export);

        JsonNode report = job.get("report");
        assertThat(report.get("rows").intValue()).isEqualTo(rows);
        assertThat(report.get("unchanged").intValue()).as(job.toString()).isEqualTo(rows);
        assertThat(report.get("created").intValue() + report.get("updated").intValue()
                + report.get("rejected").intValue()).isZero();
        assertThat(calls.student(prefix + "-1")).as("types of attributes kept, nothing rewritten").isEqualTo(ada);
        assertThat(fixtures.outcome(Fixtures.unique("exam-"), prefix + "-1", PASSWORD)).isEqualTo("verified");
    }

    @Test
    void anEditedExportUpdatesExactlyTheEditedRows() {
        for (int i = 1; i <= 3; i++) {
            fixtures.student(Map.of("studentNumber", prefix + "-" + i, "fullName", "Student " + i,
                    "attributes", Map.of("faculty", "Science")));
        }
        JsonNode untouched = calls.student(prefix + "-3");
        List<CSVRecord> records = parse(calls.export().body());
        List<String> header = records.get(0).toList();
        List<List<String>> edited = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            List<String> values = new ArrayList<>(record.toList());
            if (values.get(0).equals(prefix + "-1")) {
                values.set(header.indexOf("fullName"), "Renamed Student");
            }
            if (values.get(0).equals(prefix + "-2")) {
                values.set(header.indexOf("faculty"), "Arts");
                values.set(header.indexOf("status"), "GRADUATED");
            }
            edited.add(values);
        }

        JsonNode job = calls.importCsv(print(header, edited));

        JsonNode report = job.get("report");
        assertThat(report.get("updated").intValue()).as(job.toString()).isEqualTo(2);
        assertThat(report.get("unchanged").intValue()).isEqualTo(edited.size() - 2);
        assertThat(report.get("created").intValue() + report.get("rejected").intValue()).isZero();
        assertThat(calls.student(prefix + "-1").get("fullName").stringValue()).isEqualTo("Renamed Student");
        JsonNode second = calls.student(prefix + "-2");
        assertThat(second.get("attributes").get("faculty").stringValue()).isEqualTo("Arts");
        assertThat(second.get("status").stringValue()).isEqualTo("GRADUATED");
        assertThat(calls.student(prefix + "-3")).isEqualTo(untouched);
    }

    @Test
    void anonymousCallersMayNotExport() {
        Response anonymous = http.send("GET", "/api/v1/students/export", Map.of(), null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("studentNumber");
    }

    private static List<CSVRecord> parse(String csv) {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> row(List<CSVRecord> records, String studentNumber) {
        List<String> header = records.get(0).toList();
        for (CSVRecord record : records) {
            if (record.get(0).equals(studentNumber)) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), record.get(i));
                }
                return row;
            }
        }
        throw new AssertionError("no row for " + studentNumber);
    }

    private static String print(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
