package org.examgate.student;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/students/import")
@Tag(name = "Students", description = "The student registry")
class StudentImportController {

    private static final String DESCRIPTION = """
            Upsert by student number from a UTF-8 CSV (comma or semicolon, header row). Answers 202 with the \
            job's URL in Location; GET it for progress and, once DONE, the report. dryRun validates without \
            writing; atomic writes nothing if any row is rejected.""";

    private final StudentImports imports;
    private final StudentImportProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    StudentImportController(StudentImports imports, StudentImportProperties properties, JsonMapper json, Clock clock) {
        this.imports = imports;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import students from a CSV file uploaded as the multipart field file",
            description = DESCRIPTION)
    @ApiResponse(responseCode = "202", description = "Queued; the job's URL is in Location")
    ResponseEntity<StudentImportJobResponse> importFile(@RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean atomic)
            throws IOException {
        imports.checkRoom();
        StudentImportJob job = imports.submit(ImportUploads.spool(file, properties.maxFileSize()),
                ImportUploads.fileName(file.getOriginalFilename()), dryRun, atomic);
        return accepted(job);
    }

    @PostMapping(consumes = {"text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import students from a CSV request body", description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @ApiResponse(responseCode = "202", description = "Queued; the job's URL is in Location")
    ResponseEntity<StudentImportJobResponse> importBody(HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean atomic)
            throws IOException {
        imports.checkRoom();
        StudentImportJob job = imports.submit(ImportUploads.spool(request.getInputStream(),
                request.getContentLengthLong(), properties.maxFileSize()), null, dryRun, atomic);
        return accepted(job);
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "An import's phase, progress and, once done, its report")
    StudentImportJobResponse job(@PathVariable UUID jobId) {
        return response(imports.find(jobId).orElseThrow(() -> ApiProblems.notFound("student import", jobId)));
    }

    private ResponseEntity<StudentImportJobResponse> accepted(StudentImportJob job) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/students/import/" + job.id()))
                .body(response(job));
    }

    private StudentImportJobResponse response(StudentImportJob job) {
        StudentImportReport report = job.reportJson() == null ? null
                : json.readValue(job.reportJson(), StudentImportReport.class);
        return StudentImportJobResponse.of(job, report, clock.instant());
    }
}
