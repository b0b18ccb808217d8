package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** With the database gone, a student is told to try again shortly, never shown an error. */
@ExamgateTest
@TestPropertySource(properties = "examgate.test.context=database-unavailable")
@DirtiesContext
class DatabaseUnavailableTest {

    @Autowired
    Http http;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aVerificationWithoutTheDatabaseIsAnsweredUnavailable() throws Exception {
        postgres.close();

        Http.Response response = http.webhook(Fixtures.verifyBody("exam-x", 0, "U2024/0042", 1, "pw"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("errorCode").stringValue()).isEqualTo("unavailable");
        assertThat(body.get("errorMessage").stringValue()).contains("try again");
    }

    @Test
    void staffWhoseCredentialsCannotBeCheckedAreToldToRetryNotThatTheyAreWrong() throws Exception {
        postgres.close();

        Http.Response answer = http.admin("GET", "/api/v1/exams", null);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.json().get("detail").stringValue()).contains("Try again");
    }

    /**
     * Found by trying 300 at once against a stopped database: every verification of an exam waited for
     * the one before it to time out on the exam's rules, two seconds each, and the answers stopped.
     * Here 48 at once, for an exam whose rules were read before the outage and one never read: one
     * after the other they would need 96 s, far beyond the client's 30 s.
     */
    @Test
    void manyVerificationsAtOnceWithoutTheDatabaseAreAllAnsweredUnavailableWithoutQueueing() throws Exception {
        http.webhook(Fixtures.verifyBody("exam-outage-read", 0, "U2024/0001", 1, "pw"));
        postgres.close();

        ExecutorService callers = Executors.newFixedThreadPool(48);
        try {
            List<CompletableFuture<Http.Response>> answers = IntStream.range(0, 48)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.webhook(Fixtures.verifyBody(
                            i % 2 == 0 ? "exam-outage-read" : "exam-outage-unread", 0, "U2024/1" + i, 1, "pw")),
                            callers))
                    .toList();

            for (CompletableFuture<Http.Response> answer : answers) {
                Http.Response response = answer.join();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.json().get("errorCode").stringValue()).isEqualTo("unavailable");
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
