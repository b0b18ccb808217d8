package org.examgate.student;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/students/export")
@Tag(name = "Students", description = "The student registry")
class StudentExportController {

    private final StudentCsvExport export;
    private final Clock clock;

    StudentExportController(StudentCsvExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    /**
     * Written straight to the response as it is read, rather than as an asynchronous streaming body: a
     * large registry over a slow link must not be cut off by the asynchronous request timeout.
     */
    @GetMapping(produces = "text/csv")
    @Operation(summary = "The registry as CSV in the import's format (never passwords)")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("students-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv").build()
                .toString());
        // Personal data: not for shared caches or the browser's disk cache.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        export.writeTo(response.getOutputStream());
    }
}
