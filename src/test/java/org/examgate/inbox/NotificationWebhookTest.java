package org.examgate.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExamgateTest
class NotificationWebhookTest {

    private static final long ADMITTED_ON = 1719221380326L;

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InboxStore store;

    private final String examId = "exam-" + UUID.randomUUID();
    private final String respondentId = "r-" + UUID.randomUUID();

    private static String notification(String event, String examId, String respondentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("respondent_id", respondentId);
        body.put("exam_id", examId);
        return Http.json(body);
    }

    private static String admitted(String examId, String respondentId, Object admittedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "admitted_respondent");
        body.put("respondent_id", respondentId);
        body.put("exam_id", examId);
        body.put("admittedOn", admittedOn);
        return Http.json(body);
    }

    private static String status(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json().get("status").stringValue();
    }

    private List<Map<String, Object>> storedEvents(String examId) {
        return jdbc.sql("""
                select event_type, exam_id, respondent_id, delivery_count, occurred_at, payload::text as payload
                  from webhook_event where exam_id = ? order by id
                """).param(examId).query().listOfRows();
    }

    private long rows(String eventType, String examId, String respondentId) {
        return jdbc.sql("select count(*) from webhook_event where event_type = ? and exam_id = ? and respondent_id = ?")
                .params(eventType, examId, respondentId).query(Long.class).single();
    }

    private int deliveryCount(String eventType, String examId, String respondentId) {
        return jdbc.sql("select delivery_count from webhook_event where event_type = ? and exam_id = ? and respondent_id = ?")
                .params(eventType, examId, respondentId).query(Integer.class).single();
    }

    /** The exam's respondents as the admin API shows them. */
    private JsonNode respondents(String examId) {
        Response response = http.admin("GET", "/api/v1/exams/" + examId + "/respondents", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode timeline(String examId, String respondentId) {
        for (JsonNode entry : respondents(examId).get("content")) {
            if (respondentId.equals(entry.get("respondentId").stringValue())) {
                return entry;
            }
        }
        throw new AssertionError("no timeline for " + respondentId + " in " + respondents(examId));
    }

    @Test
    void anAdmittedRespondentIsReceivedStoredAndShownInTheTimeline() {
        assertThat(status(http.webhook(admitted(examId, respondentId, ADMITTED_ON)))).isEqualTo("received");

        assertThat(rows("admitted_respondent", examId, respondentId)).isEqualTo(1);
        JsonNode entry = timeline(examId, respondentId);
        assertThat(entry.get("examId").stringValue()).isEqualTo(examId);
        assertThat(entry.get("admittedAt").stringValue()).isEqualTo("2024-06-24T09:29:40.326Z");
        assertThat(entry.get("resultReadyAt").isNull()).isTrue();
        assertThat(entry.get("investigationCompletedAt").isNull()).isTrue();
        assertThat(entry.get("lastEventAt").isNull()).isFalse();
    }

    @Test
    void aResultReadyIsReceivedStoredAndShownInTheTimeline() {
        Instant before = Instant.now().minusSeconds(60);

        assertThat(status(http.webhook(notification("result_ready", examId, respondentId)))).isEqualTo("received");

        assertThat(rows("result_ready", examId, respondentId)).isEqualTo(1);
        JsonNode entry = timeline(examId, respondentId);
        assertThat(Instant.parse(entry.get("resultReadyAt").stringValue())).isAfter(before);
        assertThat(entry.get("admittedAt").isNull()).isTrue();
        assertThat(entry.get("investigationCompletedAt").isNull()).isTrue();
    }

    @Test
    void anInvestigationCompleteIsReceivedStoredAndShownInTheTimeline() {
        Instant before = Instant.now().minusSeconds(60);

        assertThat(status(http.webhook(notification("investigation_complete", examId, respondentId))))
                .isEqualTo("received");

        assertThat(rows("investigation_complete", examId, respondentId)).isEqualTo(1);
        JsonNode entry = timeline(examId, respondentId);
        assertThat(Instant.parse(entry.get("investigationCompletedAt").stringValue())).isAfter(before);
        assertThat(entry.get("admittedAt").isNull()).isTrue();
        assertThat(entry.get("resultReadyAt").isNull()).isTrue();
    }

    @Test
    void theSampleBodiesAreAllReceivedIntoOneTimeline() {
        assertThat(status(http.webhook(admitted(examId, respondentId, ADMITTED_ON)))).isEqualTo("received");
        assertThat(status(http.webhook(notification("result_ready", examId, respondentId)))).isEqualTo("received");
        assertThat(status(http.webhook(notification("investigation_complete", examId, respondentId))))
                .isEqualTo("received");

        JsonNode content = respondents(examId).get("content");
        assertThat(content).hasSize(1);
        JsonNode entry = content.get(0);
        assertThat(entry.get("admittedAt").stringValue()).isEqualTo("2024-06-24T09:29:40.326Z");
        assertThat(entry.get("resultReadyAt").isNull()).isFalse();
        assertThat(entry.get("investigationCompletedAt").isNull()).isFalse();
        assertThat(storedEvents(examId)).extracting(row -> row.get("event_type"))
                .containsExactly("admitted_respondent", "result_ready", "investigation_complete");
    }

    @Test
    void theStoredEventKeepsThePayloadAsReceived() {
        http.webhook(admitted(examId, respondentId, ADMITTED_ON));

        Boolean same = jdbc.sql("select payload::jsonb = cast(? as jsonb) from webhook_event where exam_id = ?")
                .params(admitted(examId, respondentId, ADMITTED_ON), examId).query(Boolean.class).single();
        assertThat(same).isTrue();
        Instant occurredAt = jdbc.sql("select occurred_at from webhook_event where exam_id = ?").param(examId)
                .query(Timestamp.class).single().toInstant();
        assertThat(occurredAt).isEqualTo(Instant.ofEpochMilli(ADMITTED_ON));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"admitted_respondent", "result_ready", "investigation_complete"})
    void theSameEventDeliveredAgainIsADuplicateCountedNotStoredTwice(String event) {
        String body = "admitted_respondent".equals(event) ? admitted(examId, respondentId, ADMITTED_ON)
                : notification(event, examId, respondentId);

        assertThat(status(http.webhook(body))).isEqualTo("received");
        assertThat(status(http.webhook(body))).isEqualTo("duplicate");

        assertThat(rows(event, examId, respondentId)).isEqualTo(1);
        assertThat(deliveryCount(event, examId, respondentId)).isEqualTo(2);
    }

    @Test
    void aRepeatedAdmissionWithAnotherTimeDoesNotChangeTheTimeline() {
        assertThat(status(http.webhook(admitted(examId, respondentId, ADMITTED_ON)))).isEqualTo("received");

        assertThat(status(http.webhook(admitted(examId, respondentId, ADMITTED_ON + 3_600_000)))).isEqualTo("duplicate");

        assertThat(timeline(examId, respondentId).get("admittedAt").stringValue()).isEqualTo("2024-06-24T09:29:40.326Z");
        assertThat(rows("admitted_respondent", examId, respondentId)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentCopiesOfOneEventAreStoredOnce() throws Exception {
        int copies = 20;
        String body = admitted(examId, respondentId, ADMITTED_ON);
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch ready = new CountDownLatch(copies);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> deliveries = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                deliveries.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return http.webhook(body);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();

            List<String> statuses = new ArrayList<>();
            for (Future<Response> delivery : deliveries) {
                statuses.add(status(delivery.get(60, TimeUnit.SECONDS)));
            }

            assertThat(statuses).filteredOn("received"::equals).hasSize(1);
            assertThat(statuses).filteredOn("duplicate"::equals).hasSize(copies - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows("admitted_respondent", examId, respondentId)).isEqualTo(1);
        assertThat(deliveryCount("admitted_respondent", examId, respondentId)).isEqualTo(copies);
        assertThat(timeline(examId, respondentId).get("admittedAt").stringValue())
                .isEqualTo("2024-06-24T09:29:40.326Z");
    }

    @Test
    void anEarlierDeliveryStoredAfterALaterOneDoesNotMoveTheLastReceivedTimeBack() {
        // Concurrent copies commit in any order: the later arrival may be stored first.
        Instant later = Instant.parse("2026-06-24T09:00:02Z");
        Instant earlier = Instant.parse("2026-06-24T09:00:01Z");
        Notification notification = new Notification(NotificationType.RESULT_READY, examId, respondentId, null,
                notification("result_ready", examId, respondentId));

        assertThat(store.storeKnown(notification, later)).isTrue();
        assertThat(store.storeKnown(notification, earlier)).isFalse();

        Instant lastReceived = jdbc.sql("select last_received_at from webhook_event where exam_id = ?").param(examId)
                .query(Timestamp.class).single().toInstant();
        assertThat(lastReceived).isEqualTo(later);
        assertThat(deliveryCount("result_ready", examId, respondentId)).isEqualTo(2);
    }

    @Test
    void aResultReadyBeforeItsAdmissionIsKeptAndBothTimesAreInTheTimeline() {
        assertThat(status(http.webhook(notification("result_ready", examId, respondentId)))).isEqualTo("received");
        JsonNode afterResult = timeline(examId, respondentId);
        assertThat(afterResult.get("admittedAt").isNull()).isTrue();
        String resultReadyAt = afterResult.get("resultReadyAt").stringValue();

        assertThat(status(http.webhook(admitted(examId, respondentId, ADMITTED_ON)))).isEqualTo("received");

        JsonNode entry = timeline(examId, respondentId);
        assertThat(entry.get("admittedAt").stringValue()).isEqualTo("2024-06-24T09:29:40.326Z");
        assertThat(entry.get("resultReadyAt").stringValue()).isEqualTo(resultReadyAt);
        assertThat(rows("result_ready", examId, respondentId)).isEqualTo(1);
        assertThat(rows("admitted_respondent", examId, respondentId)).isEqualTo(1);
    }

    @Test
    void admittedOnInEpochMillisecondsIsShownAsAnIsoInstantInUtc() {
        http.webhook(admitted(examId, respondentId, ADMITTED_ON));

        Response response = http.admin("GET", "/api/v1/exams/" + examId + "/respondents", null);

        assertThat(response.body()).contains("\"admittedAt\":\"2024-06-24T09:29:40.326Z\"");
    }

    @Test
    void admittedOnAsNumericTextIsAcceptedToo() {
        assertThat(status(http.webhook(admitted(examId, respondentId, String.valueOf(ADMITTED_ON)))))
                .isEqualTo("received");

        assertThat(timeline(examId, respondentId).get("admittedAt").stringValue())
                .isEqualTo("2024-06-24T09:29:40.326Z");
    }

    @Test
    void anAdmissionWithoutAdmittedOnIsReceivedAndTimedOnArrival() {
        Instant before = Instant.now().minusSeconds(60);

        assertThat(status(http.webhook(notification("admitted_respondent", examId, respondentId))))
                .isEqualTo("received");

        assertThat(Instant.parse(timeline(examId, respondentId).get("admittedAt").stringValue())).isAfter(before);
    }

    @Test
    void aNotificationWithoutRespondentIdIsABadRequestNamingItAndNothingIsStored() {
        Response response = http.webhook(Http.json(Map.of("event", "result_ready", "exam_id", examId)));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errorMessage").stringValue()).contains("respondent_id");
        assertThat(storedEvents(examId)).isEmpty();
        assertThat(respondents(examId).get("content")).isEmpty();
    }

    @Test
    void aNotificationWithoutExamIdIsABadRequestNamingItAndNothingIsStored() {
        Response response = http.webhook(Http.json(Map.of("event", "admitted_respondent", "respondent_id", respondentId,
                "admittedOn", ADMITTED_ON)));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errorMessage").stringValue()).contains("exam_id");
        assertThat(jdbc.sql("select count(*) from webhook_event where respondent_id = ?").param(respondentId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBlankOrNullIdCountsAsMissing() {
        Response blank = http.webhook(notification("result_ready", examId, "  "));
        Response nullId = http.webhook(notification("investigation_complete", examId, null));

        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.json().get("errorMessage").stringValue()).contains("respondent_id");
        assertThat(nullId.status()).as(nullId.toString()).isEqualTo(400);
        assertThat(nullId.json().get("errorMessage").stringValue()).contains("respondent_id");
        assertThat(storedEvents(examId)).isEmpty();
    }

    @Test
    void anUnusableAdmittedOnStillKeepsTheAdmissionTimedOnArrival() {
        // Refusing it would make the platform deliver it again forever; the arrival time stands in.
        String otherRespondent = respondentId + "-object";
        Instant before = Instant.now().minusSeconds(1);
        Response text = http.webhook(admitted(examId, respondentId, "yesterday"));
        Response object = http.webhook(admitted(examId, otherRespondent, Map.of("millis", ADMITTED_ON)));

        assertThat(status(text)).isEqualTo("received");
        assertThat(status(object)).isEqualTo("received");
        assertThat(storedEvents(examId)).hasSize(2);
        Instant admittedAt = Instant.parse(timeline(examId, respondentId).get("admittedAt").stringValue());
        assertThat(admittedAt).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void anAdmittedOnWrittenAsAWholeFloatingPointNumberIsRead() {
        assertThat(status(http.webhook(admitted(examId, respondentId, 1719221380326.0)))).isEqualTo("received");

        assertThat(timeline(examId, respondentId).get("admittedAt").stringValue()).isEqualTo("2024-06-24T09:29:40.326Z");
    }

    @Test
    void anUnknownEventIsIgnoredButStoredWithItsPayload() {
        String body = "{\"event\":\"proctor_flagged\",\"exam_id\":\"" + examId + "\",\"respondent_id\":\"" + respondentId
                + "\",\"reason\":\"second face\",\"at\":1719221380326}";

        assertThat(status(http.webhook(body))).isEqualTo("ignored");

        List<Map<String, Object>> stored = storedEvents(examId);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("event_type")).isEqualTo("proctor_flagged");
        assertThat(stored.get(0).get("respondent_id")).isEqualTo(respondentId);
        Boolean same = jdbc.sql("select payload::jsonb = cast(? as jsonb) from webhook_event where exam_id = ?")
                .params(body, examId).query(Boolean.class).single();
        assertThat(same).as("payload " + stored.get(0).get("payload")).isTrue();
        assertThat(respondents(examId).get("content")).as("an unknown event does not touch the timeline").isEmpty();
    }

    @Test
    void anUnknownEventWithoutIdsIsStillIgnoredAndStored() {
        String marker = UUID.randomUUID().toString();
        String body = "{\"event\":\"platform_maintenance\",\"marker\":\"" + marker + "\"}";

        assertThat(status(http.webhook(body))).isEqualTo("ignored");

        assertThat(jdbc.sql("select count(*) from webhook_event where event_type = 'platform_maintenance' "
                + "and payload::jsonb ->> 'marker' = ?").param(marker).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownEventWithAVeryLongNameIsStillIgnoredAndStored() {
        String name = "proctor_" + "x".repeat(200);

        Response response = http.webhook("{\"event\":\"" + name + "\",\"exam_id\":\"" + examId + "\"}");

        assertThat(status(response)).isEqualTo("ignored");
        assertThat(storedEvents(examId)).hasSize(1);
    }

    @Test
    void anUnknownEventWithControlCharactersInItsNameIsIgnoredAndStoredNotRefused() {
        Response response = http.webhook("{\"event\":\"proctor\\u0000flagged\\n\",\"exam_id\":\"" + examId + "\"}");

        assertThat(status(response)).as("the platform must not be told to deliver it again").isEqualTo("ignored");
        assertThat(storedEvents(examId)).extracting(row -> row.get("event_type")).containsExactly("proctorflagged");
    }

    @Test
    void aNotificationWhoseIgnoredMembersHoldControlCharactersOrBrokenTextIsReceived() {
        String body = "{\"event\":\"result_ready\",\"exam_id\":\"" + examId + "\",\"respondent_id\":\"" + respondentId
                + "\",\"note\":\"a\\u0000b\\ud800c\",\"\\u0000\":1}";

        assertThat(status(http.webhook(body))).isEqualTo("received");
        assertThat(rows("result_ready", examId, respondentId)).isEqualTo(1);
    }

    @Test
    void anUnknownEventWithUnusableIdsIsStillIgnoredAndStored() {
        String marker = UUID.randomUUID().toString();
        String body = "{\"event\":\"proctor_flagged\",\"exam_id\":{\"id\":1},\"respondent_id\":\"" + "r".repeat(300)
                + "\",\"marker\":\"" + marker + "\"}";

        assertThat(status(http.webhook(body))).isEqualTo("ignored");

        // Read as text: jsonb cannot hold the NUL that other stored payloads may carry.
        assertThat(jdbc.sql("select count(*) from webhook_event where event_type = 'proctor_flagged' "
                + "and strpos(payload::text, ?) > 0").param(marker).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameEventForAnotherExamOrRespondentIsReceivedSeparately() {
        String otherExam = "exam-" + UUID.randomUUID();
        String otherRespondent = "r-" + UUID.randomUUID();

        assertThat(status(http.webhook(notification("result_ready", examId, respondentId)))).isEqualTo("received");
        assertThat(status(http.webhook(notification("result_ready", otherExam, respondentId)))).isEqualTo("received");
        assertThat(status(http.webhook(notification("result_ready", examId, otherRespondent)))).isEqualTo("received");

        assertThat(rows("result_ready", examId, respondentId)).isEqualTo(1);
        assertThat(rows("result_ready", otherExam, respondentId)).isEqualTo(1);
        assertThat(rows("result_ready", examId, otherRespondent)).isEqualTo(1);
        assertThat(deliveryCount("result_ready", examId, respondentId)).isEqualTo(1);
        assertThat(respondents(examId).get("content")).extracting(entry -> entry.get("respondentId").stringValue())
                .containsExactlyInAnyOrder(respondentId, otherRespondent);
        assertThat(respondents(otherExam).get("content")).hasSize(1);
    }

    @Test
    void aDifferentEventForTheSameRespondentIsNotADuplicate() {
        assertThat(status(http.webhook(notification("result_ready", examId, respondentId)))).isEqualTo("received");

        assertThat(status(http.webhook(notification("investigation_complete", examId, respondentId))))
                .isEqualTo("received");
    }

    @Test
    void idsAreComparedAfterSurroundingWhitespaceIsRemoved() {
        assertThat(status(http.webhook(notification("result_ready", examId, respondentId)))).isEqualTo("received");

        assertThat(status(http.webhook(notification("result_ready", " " + examId + " ", respondentId + "\t"))))
                .isEqualTo("duplicate");
        assertThat(deliveryCount("result_ready", examId, respondentId)).isEqualTo(2);
    }
}
