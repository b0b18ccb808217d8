package org.examgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.examgate.support.Answers;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Errors the servlet container raises itself answer in examgate's shapes, not Spring Boot's default body. */
@ExamgateTest
class ErrorAnswersTest {

    @Autowired
    Http http;

    @Test
    void aWebhookPathTheFirewallRefusesIsAnsweredWithAnErrorMessage() {
        Response response = http.webhook(Http.platformHeaders(), "{\"event\":\"result_ready\"}");
        Response refused = http.send("POST", "/webhooks/examjoint;jsessionid=1", Http.platformHeaders(),
                "{\"event\":\"result_ready\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as("the same body on the right path is read").isEqualTo(400);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.json().propertyNames()).containsExactly("errorMessage");
        assertThat(refused.json().get("errorMessage").stringValue()).isEqualTo("bad request");
    }

    @Test
    void anAdminPathTheFirewallRefusesIsAProblem() {
        Response refused = http.admin("GET", "/api/v1/students;x=1", null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").stringValue()).isEqualTo("Bad Request");
        assertThat(refused.body()).doesNotContain("timestamp");
        Answers.assertNothingInternal(refused);
    }

    @Test
    void aWebhookCalledWithAnotherMethodThanPostAnswersInTheContractsShape() {
        for (String method : new String[] {"GET", "PUT", "PATCH", "DELETE"}) {
            Response response = http.send(method, "/webhooks/examjoint", Http.platformHeaders(),
                    method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(response.status()).as(method + " " + response).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("POST");
            assertThat(response.json().get("errorMessage").stringValue()).isEqualTo("only POST is accepted");
        }
    }

    /** Waits for the server's connection timeout (20 s): the one test here that takes its time. */
    @Test
    void aWebhookBodyThatStopsArrivingTimesOutWithAnErrorMessage() throws IOException {
        byte[] body = "{\"event\":\"result_ready\",\"exam_id\":\"e\",\"respondent_id\":\"r\"}"
                .getBytes(StandardCharsets.UTF_8);

        String answer = http.stall("POST", "/webhooks/examjoint", Http.platformHeaders(), body.length,
                Arrays.copyOf(body, 10));

        assertThat(answer).startsWith("HTTP/1.1 408").contains("{\"errorMessage\":")
                .doesNotContain("timestamp");
    }
}
