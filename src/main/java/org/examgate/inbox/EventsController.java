package org.examgate.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.examgate.api.ApiPaging;
import org.examgate.api.ApiProblems;
import org.examgate.api.PlausibleTime;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Events", description = "Webhook events received from the platform")
class EventsController {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventsController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "Received events, newest first",
            description = "Filter by event type (e.g. result_ready), exam id and time received: from inclusive, to exclusive")
    PagedModel<ReceivedEvent> events(@RequestParam(required = false) @Size(max = 64) String type,
            @RequestParam(required = false) @Size(max = 256) String examId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ApiPaging.MAX_SIZE) int size) {
        for (Instant bound : new Instant[] {from, to}) {
            if (!PlausibleTime.isPlausible(bound)) {
                throw ApiProblems.invalidField(bound == from ? "from" : "to", "must be " + PlausibleTime.RANGE);
            }
        }
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (type != null) {
            where.append(" and event_type = ?");
            params.add(type);
        }
        if (examId != null) {
            where.append(" and exam_id = ?");
            params.add(examId);
        }
        if (from != null) {
            where.append(" and received_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and received_at < ?");
            params.add(Timestamp.from(to));
        }
        Pageable pageable = ApiPaging.of(page, size, Sort.by(Sort.Direction.DESC, "receivedAt", "id"));
        long total = jdbc.sql("select count(*) from webhook_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(pageable.getPageSize());
        pageParams.add(pageable.getOffset());
        List<ReceivedEvent> content = jdbc.sql("""
                select id, event_type, exam_id, respondent_id, occurred_at, received_at, last_received_at,
                       delivery_count, payload::text
                  from webhook_event""" + where + " order by received_at desc, id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, row) -> new ReceivedEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        rs.getInt(8), json.readTree(rs.getString(9))))
                .list();
        return new PagedModel<>(new PageImpl<>(content, pageable, total));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * One event as received: a repeated delivery of a known notification counts up
     * {@code deliveryCount} instead of adding a row.
     */
    record ReceivedEvent(long id, String event, String examId, String respondentId, Instant occurredAt,
            Instant receivedAt, Instant lastReceivedAt, int deliveryCount, JsonNode payload) {
    }
}
