package org.examgate.exam;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiPaging;
import org.examgate.api.ApiProblems;
import org.examgate.student.RegisteredStudent;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exams/{examId}/roster")
@Tag(name = "Rosters", description = "Who may sit an exam that requires enrollment")
class RosterController {

    private final ExamAdministration exams;
    private final Roster roster;
    private final StudentSelections selections;
    private final JdbcClient jdbc;

    RosterController(ExamAdministration exams, Roster roster, StudentSelections selections, JdbcClient jdbc) {
        this.exams = exams;
        this.roster = roster;
        this.selections = selections;
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "The enrolled students, by student number")
    PagedModel<Enrollment> list(@PathVariable String examId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        exams.find(examId);
        Pageable pageable = ApiPaging.of(page, size, Sort.by("studentNumber", "studentId"));
        long total = jdbc.sql("select count(*) from exam_enrollment where exam_id = ?").param(examId)
                .query(Long.class).single();
        List<Enrollment> content = jdbc.sql("""
                select s.id, s.student_number, s.full_name, e.enrolled_at
                  from exam_enrollment e join student s on s.id = e.student_id
                 where e.exam_id = :examId
                 order by s.student_number, s.id limit :limit offset :offset
                """)
                .param("examId", examId).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, row) -> new Enrollment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return new PagedModel<>(new PageImpl<>(content, pageable, total));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enroll students by id or student number; unknown ones are reported, not fatal")
    RosterReport enroll(@PathVariable String examId, @Valid @RequestBody StudentSelection selection) {
        return change(examId, selection, true);
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Enroll students from CSV with a studentNumber column")
    RosterReport enrollCsv(@PathVariable String examId, @RequestBody(required = false) String csv) {
        return change(examId, StudentSelections.fromCsv(csv), true);
    }

    @PostMapping(path = "/remove", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Unenroll students by id or student number; their access codes are revoked")
    RosterReport unenroll(@PathVariable String examId, @Valid @RequestBody StudentSelection selection) {
        return change(examId, selection, false);
    }

    @PostMapping(path = "/remove", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Unenroll students from CSV with a studentNumber column")
    RosterReport unenrollCsv(@PathVariable String examId, @RequestBody(required = false) String csv) {
        return change(examId, StudentSelections.fromCsv(csv), false);
    }

    @DeleteMapping("/{studentId}")
    @Operation(summary = "Unenroll one student; the student's access code is revoked")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> unenrollOne(@PathVariable String examId, @PathVariable UUID studentId) {
        exams.find(examId);
        if (roster.unenroll(examId, List.of(studentId)) == 0) {
            throw ApiProblems.notFound("enrolled student", studentId);
        }
        return ResponseEntity.noContent().build();
    }

    private RosterReport change(String examId, StudentSelection selection, boolean enroll) {
        exams.find(examId);
        if (selection.isEmpty()) {
            throw ApiProblems.badRequest("Name at least one student by studentIds or studentNumbers.");
        }
        StudentSelections.Resolved resolved = selections.resolve(selection);
        List<UUID> ids = resolved.students().stream().map(RegisteredStudent::id).toList();
        int changed = enroll ? roster.enroll(examId, ids) : roster.unenroll(examId, ids);
        return new RosterReport(changed, ids.size() - changed, resolved.unknownIds(), resolved.unknownNumbers());
    }

    record Enrollment(UUID studentId, String studentNumber, String fullName, Instant enrolledAt) {
    }

    /**
     * @param changed students enrolled (or unenrolled) by this request
     * @param unchanged students found that were already in (or already out of) the roster
     */
    record RosterReport(int changed, int unchanged, List<UUID> unknownStudentIds, List<String> unknownStudentNumbers) {
    }
}
