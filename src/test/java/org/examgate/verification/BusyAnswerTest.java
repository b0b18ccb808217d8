package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * More students than one hash thread can serve before a short deadline: the excess is answered
 * {@code busy} at once, and no admitted one is lost.
 */
@ExamgateTest
@TestPropertySource(properties = {"examgate.verification.deadline=1500ms", "examgate.verification.hash-threads=1"})
class BusyAnswerTest {

    @Autowired
    Http http;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void verificationsThatCannotBeHashedInTimeAreAnsweredBusy() {
        List<CompletableFuture<JsonNode>> answers = IntStream.range(0, 48)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.webhook(
                        Fixtures.verifyBody("exam-busy", 0, "NOBODY-" + i, 1, "some password")).json()))
                .toList();

        List<JsonNode> bodies = answers.stream().map(CompletableFuture::join).toList();

        List<String> codes = bodies.stream().map(body -> body.get("errorCode").stringValue()).toList();
        assertThat(codes).contains("busy");
        assertThat(codes).contains("invalid_credentials");
        assertThat(codes).allMatch(code -> code.equals("busy") || code.equals("invalid_credentials"));
        bodies.stream().filter(body -> body.get("errorCode").stringValue().equals("busy"))
                .forEach(body -> assertThat(body.get("errorMessage").stringValue()).contains("try again"));
    }

    @Test
    void aBusyAnswerClosesItsConnectionAndOthersKeepTheirs() {
        List<Http.Response> answers = IntStream.range(0, 48)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.webhook(
                        Fixtures.verifyBody("exam-busy-close", 0, "CLOSE-" + i, 1, "some password"))))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).anySatisfy(answer -> assertThat(answer.body()).contains("\"busy\""));
        for (Http.Response answer : answers) {
            boolean busy = answer.body().contains("\"busy\"");
            assertThat(answer.headers().firstValue("Connection"))
                    .as(busy ? "busy: the connection is let go" : "other answers keep the connection")
                    .isEqualTo(busy ? java.util.Optional.of("close") : java.util.Optional.empty());
        }
    }

    @Test
    void aBusyAnswerIsRecordedInTheAuditTrailButNotCountedAgainstTheIdentifier() {
        String prefix = Fixtures.unique("BUSY-");
        List<String> identifiers = IntStream.range(0, 48).mapToObj(i -> prefix + "-" + i).toList();
        List<JsonNode> bodies = identifiers.stream()
                .map(identifier -> CompletableFuture.supplyAsync(() -> http.webhook(
                        Fixtures.verifyBody("exam-busy-audit", 0, identifier, 1, "wrong")).json()))
                .toList().stream().map(CompletableFuture::join).toList();

        long busy = bodies.stream().filter(body -> body.get("errorCode").stringValue().equals("busy")).count();
        assertThat(busy).isPositive();
        // A busy answer does not wait for its row, which follows within the audit writer's next commit.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.admin("GET",
                "/api/v1/verifications?examId=exam-busy-audit&outcome=busy&size=500", null).json()
                .get("page").get("totalElements").longValue()).isEqualTo(busy));
        for (int i = 0; i < identifiers.size(); i++) {
            long failuresCounted = jdbc.sql("select count(*) from lockout where subject_masked = ?")
                    .param(org.examgate.credential.Secrets.mask(identifiers.get(i))).query(Long.class).single();
            boolean wasBusy = bodies.get(i).get("errorCode").stringValue().equals("busy");
            assertThat(failuresCounted).as("a busy answer is not a failure; a hashed one is").isEqualTo(wasBusy ? 0 : 1);
        }
    }

    @Test
    void aRememberedCredentialIsVerifiedEvenWhileEveryHashIsTaken() {
        String number = new Fixtures(http).student("remembered password").get("studentNumber").stringValue();
        assertThat(new Fixtures(http).outcome("exam-busy-recheck", number, "remembered password")).isEqualTo("verified");

        List<CompletableFuture<JsonNode>> flood = IntStream.range(0, 48)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.webhook(
                        Fixtures.verifyBody("exam-busy-recheck", 0, "FLOOD-" + i, 1, "wrong")).json()))
                .toList();
        String recheck = new Fixtures(http).outcome("exam-busy-recheck", number, "remembered password");
        long busy = flood.stream().map(CompletableFuture::join)
                .filter(body -> body.get("errorCode").stringValue().equals("busy")).count();

        assertThat(busy).as("the pool was full meanwhile").isPositive();
        assertThat(recheck).isEqualTo("verified");
    }
}
