package org.examgate.exam;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.examgate.api.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import tools.jackson.databind.json.JsonMapper;

/** Staff register, change and remove exams. */
@Service
class ExamAdministration {

    private final ExamRepository exams;
    private final ExamCatalog catalog;
    private final JsonMapper json;
    private final Clock clock;

    ExamAdministration(ExamRepository exams, ExamCatalog catalog, JsonMapper json, Clock clock) {
        this.exams = exams;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    ExamResponse create(ExamRequest request) {
        if (exams.existsById(request.examId())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "An exam with this examId is already registered.");
            problem.setTitle("Conflict");
            problem.setProperty("field", "examId");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        Exam exam = new Exam(request.examId(), now());
        apply(exam, request);
        catalog.forget(request.examId());
        return response(exams.save(exam));
    }

    @Transactional
    ExamResponse update(String examId, ExamRequest request) {
        if (!examId.equals(request.examId())) {
            throw ApiProblems.badRequest("The examId in the body must match the one in the path.");
        }
        Exam exam = find(examId);
        apply(exam, request);
        catalog.forget(examId);
        return response(exams.saveAndFlush(exam));
    }

    @Transactional
    void delete(String examId) {
        exams.delete(find(examId));
        catalog.forget(examId);
    }

    @Transactional(readOnly = true)
    ExamResponse read(String examId) {
        return response(find(examId));
    }

    Exam find(String examId) {
        return exams.findById(examId).orElseThrow(() -> ApiProblems.notFound("exam", examId));
    }

    ExamResponse response(Exam exam) {
        List<FieldSpec> layout = catalog.layout(exam).stream()
                .sorted(java.util.Comparator.comparing(FieldSpec::position)).toList();
        return new ExamResponse(exam.getExamId(), exam.getTitle(), layout, catalog.identifierKinds(exam),
                exam.isRosterRequired(), exam.getOpensAt(), exam.getClosesAt(), exam.isActive(), exam.getCreatedAt(),
                exam.getUpdatedAt());
    }

    private void apply(Exam exam, ExamRequest request) {
        exam.update(request.title().strip(), json.writeValueAsString(request.layoutOrDefault()),
                json.writeValueAsString(Stream.of(org.examgate.student.IdentifierKind.values())
                        .filter(request.identifierKindsOrAll()::contains).toList()),
                Boolean.TRUE.equals(request.rosterRequired()), request.opensAt(), request.closesAt(),
                request.active() == null || request.active(), now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
