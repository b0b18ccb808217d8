package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.examgate.credential.Secrets;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExamgateTest
class VerificationAuditApiTest {

    private static final String PASSWORD = "audit trail password";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a student and returns its id. */
    private String register(String number) {
        Response created = http.admin("POST", "/api/v1/students",
                Http.json(Map.of("studentNumber", number, "fullName", "Audit Trail", "password", PASSWORD)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    private void verify(String examId, String identifier, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "verify_respondent");
        body.put("fields", List.of(Map.of("position", 0, "value", identifier), Map.of("position", 1, "value", password)));
        body.put("exam_id", examId);
        body.put("choosenLang", "fr");
        assertThat(http.webhook(Http.json(body)).status()).isEqualTo(200);
    }

    /** A row at a chosen time: a time range is tested on times the test fixes, not on the clock. */
    private void recordAt(String examId, Instant at, String outcome) {
        jdbc.sql("""
                insert into verification_attempt (id, occurred_at, exam_id, identifier_masked, outcome, language, latency_ms)
                values (?, ?, ?, 'U2******42', ?, 'en', 7)
                """).params(UUID.randomUUID(), Timestamp.from(at), examId, outcome).update();
    }

    private JsonNode search(String query) {
        Response response = http.admin("GET", "/api/v1/verifications?" + query, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> rows(JsonNode page) {
        return page.get("content").valueStream().toList();
    }

    private static void assertBadRequest(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void filtersByExamAndShowsRowsNewestFirstWithMaskedIdentifiers() {
        String examId = unique("exam-audit-");
        String number = unique("U");
        String studentId = register(number);
        verify(examId, number, "wrong password");
        verify(examId, number, PASSWORD);
        verify(unique("exam-other-"), number, PASSWORD);

        JsonNode page = search("examId=" + examId);

        List<JsonNode> rows = rows(page);
        assertThat(page.get("page").get("totalElements").longValue()).isEqualTo(2);
        assertThat(rows).extracting(row -> row.get("examId").stringValue()).containsOnly(examId);
        assertThat(rows).extracting(row -> row.get("outcome").stringValue())
                .containsExactly("verified", "invalid_credentials");
        JsonNode verified = rows.get(0);
        assertThat(verified.get("studentId").stringValue()).isEqualTo(studentId);
        assertThat(verified.get("identifier").stringValue()).isEqualTo(Secrets.mask(number));
        assertThat(verified.get("language").stringValue()).isEqualTo("fr");
        assertThat(verified.get("latencyMs").isInt()).isTrue();
        assertThat(Instant.parse(verified.get("occurredAt").stringValue()))
                .isAfterOrEqualTo(Instant.parse(rows.get(1).get("occurredAt").stringValue()));
        assertThat(page.toString()).doesNotContain(number).doesNotContain(PASSWORD);
    }

    @Test
    void filtersByOutcomeAndStudent() {
        String examId = unique("exam-outcome-");
        String number = unique("U");
        String studentId = register(number);
        verify(examId, number, "wrong password");
        verify(examId, number, PASSWORD);

        List<JsonNode> refused = rows(search("examId=" + examId + "&outcome=invalid_credentials"));
        List<JsonNode> byStudent = rows(search("studentId=" + studentId));

        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("outcome").stringValue()).isEqualTo("invalid_credentials");
        assertThat(byStudent).extracting(row -> row.get("outcome").stringValue()).containsExactly("verified");
    }

    @Test
    void filtersByTimeRangeFromInclusiveToExclusive() {
        String examId = unique("exam-time-");
        recordAt(examId, Instant.parse("2030-01-01T08:00:00Z"), "verified");
        recordAt(examId, Instant.parse("2030-01-01T09:00:00Z"), "locked");
        recordAt(examId, Instant.parse("2030-01-01T10:00:00Z"), "busy");

        List<JsonNode> rows = rows(search("examId=" + examId + "&from=2030-01-01T09:00:00Z&to=2030-01-01T10:00:00Z"));
        List<JsonNode> since = rows(search("examId=" + examId + "&from=2030-01-01T08:30:00Z"));
        List<JsonNode> until = rows(search("examId=" + examId + "&to=2030-01-01T08:30:00Z"));

        assertThat(rows).extracting(row -> row.get("outcome").stringValue()).containsExactly("locked");
        assertThat(rows.get(0).get("occurredAt").stringValue()).isEqualTo("2030-01-01T09:00:00Z");
        assertThat(since).extracting(row -> row.get("outcome").stringValue()).containsExactly("busy", "locked");
        assertThat(until).extracting(row -> row.get("outcome").stringValue()).containsExactly("verified");
    }

    @Test
    void pagesAreStableAndCounted() {
        String examId = unique("exam-pages-");
        for (int hour = 0; hour < 3; hour++) {
            recordAt(examId, Instant.parse("2031-05-05T0" + hour + ":00:00Z"), "verified");
        }

        JsonNode first = search("examId=" + examId + "&size=2&page=0");
        JsonNode second = search("examId=" + examId + "&size=2&page=1");

        assertThat(first.get("page").get("totalElements").longValue()).isEqualTo(3);
        assertThat(first.get("page").get("totalPages").longValue()).isEqualTo(2);
        assertThat(rows(first)).extracting(row -> row.get("occurredAt").stringValue())
                .containsExactly("2031-05-05T02:00:00Z", "2031-05-05T01:00:00Z");
        assertThat(rows(second)).extracting(row -> row.get("occurredAt").stringValue())
                .containsExactly("2031-05-05T00:00:00Z");
    }

    @Test
    void badFiltersAreRefusedAsProblems() {
        assertBadRequest(http.admin("GET", "/api/v1/verifications?outcome=maybe", null));
        assertBadRequest(http.admin("GET",
                "/api/v1/verifications?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", null));
        assertBadRequest(http.admin("GET", "/api/v1/verifications?from=yesterday", null));
        assertBadRequest(http.admin("GET", "/api/v1/verifications?studentId=not-a-uuid", null));
        assertBadRequest(http.admin("GET", "/api/v1/verifications?size=501", null));
    }
}
