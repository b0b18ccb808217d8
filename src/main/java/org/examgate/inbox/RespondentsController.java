package org.examgate.inbox;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiPaging;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Respondents", description = "What the platform reported about each respondent of an exam")
class RespondentsController {

    private final JdbcClient jdbc;

    RespondentsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/exams/{examId}/respondents")
    @Operation(summary = "The notification timeline of each respondent of an exam",
            description = "Ordered by respondent id")
    PagedModel<RespondentTimeline> respondents(@PathVariable String examId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        Pageable pageable = ApiPaging.of(page, size, Sort.by("respondentId"));
        long total = jdbc.sql("select count(*) from respondent_timeline where exam_id = ?")
                .param(examId).query(Long.class).single();
        List<RespondentTimeline> content = jdbc.sql("""
                select exam_id, respondent_id, admitted_at, result_ready_at, investigation_completed_at, last_event_at
                  from respondent_timeline
                 where exam_id = :examId
                 order by respondent_id
                 limit :limit offset :offset
                """)
                .param("examId", examId)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, row) -> new RespondentTimeline(rs.getString(1), rs.getString(2),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6))))
                .list();
        return new PagedModel<>(new PageImpl<>(content, pageable, total));
    }

    private static java.time.Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
