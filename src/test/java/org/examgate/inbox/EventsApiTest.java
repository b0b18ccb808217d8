package org.examgate.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

@ExamgateTest
class EventsApiTest {

    @Autowired
    Http http;

    @Test
    void receivedEventsAreListedNewestFirstAndFilteredByTypeAndExam() {
        String exam = "exam-events-" + UUID.randomUUID();
        http.webhook("{\"event\":\"admitted_respondent\",\"exam_id\":\"" + exam + "\",\"respondent_id\":\"r1\",\"admittedOn\":1719221380326}");
        http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"" + exam + "\",\"respondent_id\":\"r1\"}");
        http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"" + exam + "\",\"respondent_id\":\"r1\"}");
        http.webhook("{\"event\":\"proctor_flagged\",\"exam_id\":\"" + exam + "\",\"respondent_id\":\"r1\",\"why\":\"x\"}");

        JsonNode all = http.admin("GET", "/api/v1/events?examId=" + exam, null).json();
        JsonNode results = http.admin("GET", "/api/v1/events?examId=" + exam + "&type=result_ready", null).json();

        assertThat(all.get("page").get("totalElements").intValue()).isEqualTo(3);
        assertThat(all.get("content").get(0).get("event").stringValue()).isEqualTo("proctor_flagged");
        assertThat(all.get("content").get(0).get("payload").get("why").stringValue()).isEqualTo("x");
        assertThat(results.get("page").get("totalElements").intValue()).isEqualTo(1);
        assertThat(results.get("content").get(0).get("deliveryCount").intValue()).isEqualTo(2);
        JsonNode admitted = all.get("content").get(2);
        assertThat(admitted.get("occurredAt").stringValue()).isEqualTo("2024-06-24T09:29:40.326Z");
    }

    @Test
    void aTimeRangeSelectsByArrival() {
        String exam = "exam-events-range-" + UUID.randomUUID();
        http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"" + exam + "\",\"respondent_id\":\"r1\"}");

        JsonNode future = http.admin("GET", "/api/v1/events?examId=" + exam + "&from=2199-01-01T00:00:00Z", null).json();
        JsonNode past = http.admin("GET", "/api/v1/events?examId=" + exam + "&to=2001-01-01T00:00:00Z", null).json();
        JsonNode now = http.admin("GET", "/api/v1/events?examId=" + exam + "&from=2001-01-01T00:00:00Z", null).json();

        assertThat(future.get("page").get("totalElements").intValue()).isZero();
        assertThat(past.get("page").get("totalElements").intValue()).isZero();
        assertThat(now.get("page").get("totalElements").intValue()).isEqualTo(1);
    }

    @Test
    void timesOutsideWhatCanBeStoredAreBadRequestsNotErrors() {
        assertThat(http.admin("GET", "/api/v1/events?from=%2B999999999-01-01T00:00:00Z", null).status()).isEqualTo(400);
        assertThat(http.admin("GET", "/api/v1/verifications?from=%2B999999999-01-01T00:00:00Z", null).status())
                .isEqualTo(400);
        Http.Response token = http.admin("POST", "/api/v1/api-tokens",
                Http.json(Map.of("name", "far", "role", "VIEWER", "expiresAt", "+999999999-12-31T23:59:59Z")));
        assertThat(token.status()).as(token.toString()).isEqualTo(400);
    }

    @Test
    void theEventLogIsForStaffOnly() {
        assertThat(http.send("GET", "/api/v1/events", Map.of(), null).status()).isEqualTo(401);
    }
}
