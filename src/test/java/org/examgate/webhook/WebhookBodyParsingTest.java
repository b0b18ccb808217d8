package org.examgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExamgateTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookBodyParsingTest {

    private static final int LIMIT = 256 * 1024;

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    private final String examId = "exam-body-" + UUID.randomUUID();
    private final String respondentId = "r-" + UUID.randomUUID();

    private String resultReady() {
        return "{\"event\":\"result_ready\",\"exam_id\":\"" + examId + "\",\"respondent_id\":\"" + respondentId + "\"}";
    }

    private long storedForExam() {
        return jdbc.sql("select count(*) from webhook_event where exam_id = ?").param(examId).query(Long.class).single();
    }

    /** An error in the platform's format, with nothing internal in it. */
    private static JsonNode assertError(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertNothingInternal(response);
        JsonNode body = response.json();
        assertThat(body.isObject()).as(response.toString()).isTrue();
        assertThat(body.get("errorMessage").stringValue()).isNotBlank();
        return body;
    }

    private static void assertNothingInternal(Response response) {
        assertThat(response.body())
                .doesNotContain("at org.")
                .doesNotContain("at java.")
                .doesNotContain("Exception")
                .doesNotContain("tools.jackson")
                .doesNotContain("com.fasterxml")
                .doesNotContain("trace");
    }

    /** A notification padded in an ignored member so that the whole body is exactly {@code size} bytes. */
    private String notificationOfSize(int size) {
        String prefix = "{\"event\":\"result_ready\",\"exam_id\":\"" + examId + "\",\"respondent_id\":\"" + respondentId
                + "\",\"padding\":\"";
        String suffix = "\"}";
        String body = prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        return body;
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @NullSource
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
            "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
            "application/octet-stream", "multipart/form-data; boundary=xyz"})
    void aNotificationIsReadAsJsonWhateverTheContentTypeSays(String contentType) {
        Response response = http.webhook(Http.platformHeaders(contentType), resultReady());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").stringValue()).isEqualTo("received");
        assertThat(storedForExam()).isEqualTo(1);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @NullSource
    @ValueSource(strings = {"application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded"})
    void aVerificationIsReadAsJsonWhateverTheContentTypeSays(String contentType) {
        String body = Http.json(Map.of("event", "verify_respondent", "exam_id", examId, "choosenLang", "en",
                "fields", List.of(Map.of("position", 0, "value", "U-nobody-" + UUID.randomUUID()),
                        Map.of("position", 1, "value", "some password"))));

        Response response = http.webhook(Http.platformHeaders(contentType), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("errorCode").stringValue())
                .as("the fields were read, so the answer is about the credentials, not their absence")
                .isEqualTo("invalid_credentials");
    }

    @Test
    void aBodyNamingAKeyTwiceIsRefusedAndStoresNothing() {
        String twice = "{\"event\":\"result_ready\",\"event\":\"verify_respondent\",\"exam_id\":\"" + examId
                + "\",\"respondent_id\":\"" + respondentId + "\"}";

        Response response = http.webhook(twice);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errorMessage").stringValue()).isEqualTo("the body is not valid JSON");
        assertThat(storedForExam()).isZero();
    }

    @Test
    void aBodyAbandonedHalfwayIsLoggedAsTheCallerGoneNotAsAFailureAndStoresNothing(CapturedOutput output)
            throws IOException {
        byte[] body = resultReady().getBytes(StandardCharsets.UTF_8);

        http.abandon("POST", "/webhooks/examjoint", Http.platformHeaders(), body.length,
                Arrays.copyOf(body, body.length / 2));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getAll()).contains("The caller went away before its request"));
        assertThat(output.getAll()).as("no failure, no stack trace").doesNotContain("Unexpected failure")
                .doesNotContain("\tat org.apache");
        assertThat(storedForExam()).isZero();
    }

    @Test
    void unknownPropertiesAreIgnored() {
        String body = "{\"event\":\"result_ready\",\"exam_id\":\"" + examId + "\",\"respondent_id\":\"" + respondentId
                + "\",\"somethingNew\":{\"nested\":[1,2,{\"deeper\":true}]},\"score\":97.5,\"flag\":null}";

        Response response = http.webhook(body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").stringValue()).isEqualTo("received");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertError(http.webhook("{\"event\":\"result_ready\",\"exam_id\":"), 400);
        assertError(http.webhook("{event: result_ready}"), 400);
        assertError(http.webhook("not json at all"), 400);
        assertThat(storedForExam()).isZero();
    }

    @Test
    void trailingContentAfterTheJsonObjectIsABadRequest() {
        assertError(http.webhook(resultReady() + " {\"event\":\"result_ready\"}"), 400);
        assertError(http.webhook(resultReady() + " garbage"), 400);
        assertThat(storedForExam()).isZero();
    }

    @Test
    void validJsonWithoutAnEventIsABadRequest() {
        JsonNode body = assertError(http.webhook("{\"exam_id\":\"" + examId + "\",\"respondent_id\":\"r-1\"}"), 400);

        assertThat(body.get("errorMessage").stringValue()).contains("event");
        assertThat(storedForExam()).isZero();
    }

    @Test
    void aNullEventIsABadRequest() {
        assertError(http.webhook("{\"event\":null,\"exam_id\":\"" + examId + "\",\"respondent_id\":\"r-1\"}"), 400);
        assertThat(storedForExam()).isZero();
    }

    @Test
    void anEventOfTheWrongTypeIsABadRequest() {
        JsonNode number = assertError(http.webhook("{\"event\":42,\"exam_id\":\"" + examId + "\",\"respondent_id\":\"r-1\"}"),
                400);
        assertError(http.webhook("{\"event\":{\"name\":\"result_ready\"},\"exam_id\":\"" + examId + "\"}"), 400);
        assertError(http.webhook("{\"event\":[\"result_ready\"],\"exam_id\":\"" + examId + "\"}"), 400);
        assertError(http.webhook("{\"event\":true,\"exam_id\":\"" + examId + "\"}"), 400);

        assertThat(number.get("errorMessage").stringValue()).contains("event");
        assertThat(storedForExam()).isZero();
    }

    @Test
    void aJsonArrayIsABadRequest() {
        assertError(http.webhook("[" + resultReady() + "]"), 400);
        assertError(http.webhook("[]"), 400);
        assertThat(storedForExam()).isZero();
    }

    @Test
    void aJsonScalarIsABadRequest() {
        assertError(http.webhook("42"), 400);
        assertError(http.webhook("\"result_ready\""), 400);
        assertError(http.webhook("true"), 400);
        assertError(http.webhook("null"), 400);
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        assertError(http.webhook(""), 400);
        assertError(http.webhook("   \n"), 400);
        assertError(http.webhookBytes(Http.platformHeaders(null), new byte[0]), 400);
    }

    @Test
    void aBodyOverTheLimitIsTooLargeAndNothingIsStored() {
        Response response = http.webhook(notificationOfSize(300 * 1024));

        assertError(response, 413);
        assertThat(storedForExam()).isZero();
    }

    @Test
    void aBodyOneByteOverTheLimitIsTooLarge() {
        assertError(http.webhook(notificationOfSize(LIMIT + 1)), 413);
        assertThat(storedForExam()).isZero();
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        Response response = http.webhook(notificationOfSize(LIMIT));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").stringValue()).isEqualTo("received");
        assertThat(storedForExam()).isEqualTo(1);
    }

    @Test
    void aBodyJustBelowTheLimitIsAccepted() {
        Response response = http.webhook(notificationOfSize(LIMIT - 1));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(storedForExam()).isEqualTo(1);
    }

    @Test
    void aBodyOverTheLimitSentWithoutContentLengthIsTooLarge() {
        byte[] body = notificationOfSize(300 * 1024).getBytes(StandardCharsets.UTF_8);

        Response response = http.sendChunked("/webhooks/examjoint", Http.platformHeaders(), body);

        assertError(response, 413);
        assertThat(storedForExam()).isZero();
    }

    @Test
    void aBodySentWithoutContentLengthIsAcceptedUnderTheLimit() {
        Response response = http.sendChunked("/webhooks/examjoint", Http.platformHeaders(),
                resultReady().getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(storedForExam()).isEqualTo(1);
    }

    @Test
    void deeplyNestedJsonIsABadRequestNotAFailure() {
        int depth = 5000;
        String nestedArrays = "[".repeat(depth) + "]".repeat(depth);
        String nestedObjects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);

        assertError(http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"" + examId + "\",\"respondent_id\":\""
                + respondentId + "\",\"deep\":" + nestedArrays + "}"), 400);
        assertError(http.webhook("{\"event\":\"proctor_flagged\",\"exam_id\":\"" + examId + "\",\"deep\":"
                + nestedObjects + "}"), 400);
        assertError(http.webhook(nestedArrays), 400);
        assertThat(storedForExam()).isZero();
    }

    @Test
    void moderatelyNestedUnknownPropertiesAreAcceptedAndKept() {
        int depth = 100;
        String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);

        Response response = http.webhook("{\"event\":\"proctor_flagged\",\"exam_id\":\"" + examId + "\",\"deep\":"
                + nested + "}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").stringValue()).isEqualTo("ignored");
        assertThat(storedForExam()).isEqualTo(1);
    }

    @Test
    void nestingAroundTheParsersLimitIsEitherStoredOrABadRequestNeverAFailure() {
        // Whatever depth the parser accepts must also be writable and storable in the event log.
        int deepestAccepted = 0;
        for (int depth : new int[] {200, 400, 490, 497, 498, 499, 500, 501, 999, 1000, 1001}) {
            String nested = "[".repeat(depth) + "]".repeat(depth);
            Response response = http.webhook("{\"event\":\"proctor_flagged\",\"exam_id\":\"" + examId + "\",\"deep\":"
                    + nested + "}");
            assertThat(response.status()).as("depth " + depth + ": " + response).isIn(200, 400);
            assertNothingInternal(response);
            if (response.status() == 200) {
                deepestAccepted = depth;
            }
        }
        assertThat(deepestAccepted).as("ordinary nesting is accepted").isGreaterThanOrEqualTo(200);
    }

    @Test
    void noErrorAnswerCarriesInternalDetails() {
        List<Response> responses = List.of(
                http.webhook("{\"event\":"),
                http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"" + examId + "\",\"respondent_id\":{}}"),
                http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"" + "e".repeat(300) + "\",\"respondent_id\":\"r\"}"),
                http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"a\\u0000b\",\"respondent_id\":\"r\"}"),
                http.webhookBytes(Http.platformHeaders(), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}),
                http.webhook("\"\\ud800\""));

        for (Response response : responses) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertError(response, 400);
        }
        assertThat(storedForExam()).isZero();
    }
}
