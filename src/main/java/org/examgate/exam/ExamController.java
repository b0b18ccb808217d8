package org.examgate.exam;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiPaging;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exams")
@Tag(name = "Exams", description = "Exams by the platform's exam_id, with the rules their verifications follow")
class ExamController {

    private final ExamRepository exams;
    private final ExamAdministration administration;

    ExamController(ExamRepository exams, ExamAdministration administration) {
        this.exams = exams;
        this.administration = administration;
    }

    @GetMapping
    PagedModel<ExamResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        return new PagedModel<>(exams.findAll(ApiPaging.of(page, size, Sort.by("examId")))
                .map(administration::response));
    }

    @PostMapping
    @Operation(summary = "Register an exam")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ExamResponse> create(@Valid @RequestBody ExamRequest request) {
        ExamResponse exam = administration.create(request);
        return ResponseEntity.created(URI.create("/api/v1/exams/" + exam.examId())).body(exam);
    }

    @GetMapping("/{examId}")
    ExamResponse read(@PathVariable String examId) {
        return administration.read(examId);
    }

    @PutMapping("/{examId}")
    @Operation(summary = "Replace an exam's rules")
    ExamResponse update(@PathVariable String examId, @Valid @RequestBody ExamRequest request) {
        return administration.update(examId, request);
    }

    @DeleteMapping("/{examId}")
    @Operation(summary = "Remove an exam with its roster and access codes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String examId) {
        administration.delete(examId);
        return ResponseEntity.noContent().build();
    }
}
