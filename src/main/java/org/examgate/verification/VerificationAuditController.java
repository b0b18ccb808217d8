package org.examgate.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiPaging;
import org.examgate.api.ApiProblems;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/verifications")
@Tag(name = "Verifications", description = "The verification audit trail")
class VerificationAuditController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));
    private static final String OUTCOME_CODES = Arrays.stream(Outcome.values()).map(Outcome::code)
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    VerificationAuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "Verifications, newest first",
            description = "Filters combine; from is inclusive and to exclusive. Identifiers are shown masked.")
    PagedModel<VerificationView> search(@RequestParam(required = false) @Size(max = 256) String examId,
            @RequestParam(required = false) UUID studentId,
            @Parameter(description = "An outcome code, e.g. invalid_credentials")
            @RequestParam(required = false) String outcome,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) Instant from,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblems.badRequest("from must not be after to.");
        }
        // Built from fixed fragments only; every value travels as a bind parameter.
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (examId != null) {
            where.append(" and exam_id = :examId");
            params.put("examId", examId);
        }
        if (studentId != null) {
            where.append(" and student_id = :studentId");
            params.put("studentId", studentId);
        }
        if (outcome != null) {
            where.append(" and outcome = :outcome");
            params.put("outcome", outcomeCode(outcome));
        }
        if (from != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(to));
        }
        Pageable pageable = ApiPaging.of(page, size, NEWEST_FIRST);
        long total = jdbc.sql("select count(*) from verification_attempt" + where).params(params)
                .query(Long.class).single();
        List<VerificationView> content = jdbc.sql("""
                select id, occurred_at, exam_id, student_id, identifier_masked, outcome, language, latency_ms
                  from verification_attempt""" + where + """
                 order by occurred_at desc, id desc
                 limit :limit offset :offset
                """)
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, row) -> new VerificationView(rs.getObject("id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("exam_id"),
                        rs.getObject("student_id", UUID.class), rs.getString("identifier_masked"),
                        rs.getString("outcome"), rs.getString("language"), rs.getInt("latency_ms")))
                .list();
        return new PagedModel<>(new PageImpl<>(content, pageable, total));
    }

    private static String outcomeCode(String outcome) {
        String code = outcome.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(Outcome.values()).map(Outcome::code).filter(code::equals).findFirst()
                .orElseThrow(() -> ApiProblems.badRequest("outcome must be one of: " + OUTCOME_CODES + "."));
    }
}
