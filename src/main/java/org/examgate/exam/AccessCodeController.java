package org.examgate.exam;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.examgate.api.ApiProblems;
import org.examgate.student.RegisteredStudent;
import org.examgate.student.StudentDirectory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exams/{examId}/access-codes")
@Tag(name = "Access codes", description = "Per-exam codes for enrolled students, shown once")
class AccessCodeController {

    private final ExamAdministration exams;
    private final Roster roster;
    private final StudentSelections selections;
    private final StudentDirectory directory;
    private final AccessCodes codes;

    AccessCodeController(ExamAdministration exams, Roster roster, StudentSelections selections,
            StudentDirectory directory, AccessCodes codes) {
        this.exams = exams;
        this.roster = roster;
        this.selections = selections;
        this.directory = directory;
        this.codes = codes;
    }

    @PostMapping(produces = "text/csv")
    @Operation(summary = "Generate access codes",
            description = "For the chosen students, or with an empty selection for the whole roster. Each new code "
                    + "revokes the student's earlier one. The CSV (studentNumber, fullName, email, accessCode) is the "
                    + "only place the codes are ever shown.")
    ResponseEntity<String> generate(@PathVariable String examId,
            @Valid @RequestBody(required = false) StudentSelection selection) throws IOException {
        exams.find(examId);
        List<RegisteredStudent> students;
        if (selection == null || selection.isEmpty()) {
            students = directory.findAllById(roster.enrolledStudents(examId));
        } else {
            StudentSelections.Resolved resolved = selections.resolve(selection);
            if (!resolved.unknownIds().isEmpty() || !resolved.unknownNumbers().isEmpty()) {
                throw ApiProblems.badRequest("No codes were generated: unknown students "
                        + resolved.unknownNumbers() + " " + resolved.unknownIds());
            }
            students = resolved.students();
        }
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder()
                .setHeader("studentNumber", "fullName", "email", "accessCode").get())) {
            for (RegisteredStudent student : students.stream()
                    .sorted(Comparator.comparing(RegisteredStudent::studentNumber)).toList()) {
                printer.printRecord(student.studentNumber(), student.fullName(), student.email(),
                        codes.issue(examId, student.id()));
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-codes.csv\"")
                .body(csv.toString());
    }
}
