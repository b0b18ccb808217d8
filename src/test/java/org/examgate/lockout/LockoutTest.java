package org.examgate.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Progressive waits per identifier, over real HTTP with the default policy: 5 failures in 15 minutes. */
@ExamgateTest
class LockoutTest {

    private static final String PASSWORD = "the right password";
    private static final String EXAM = "exam-lockout";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(http);
    }

    private void fail(String identifier, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(fixtures.outcome(EXAM, identifier, "wrong " + i)).isEqualTo("invalid_credentials");
        }
    }

    @Test
    void fiveFailuresLockTheIdentifierEvenAgainstTheRightPassword() {
        String number = fixtures.student(PASSWORD).get("studentNumber").stringValue();
        fail(number, 5);

        JsonNode answer = http.webhook(Fixtures.verifyBody(EXAM, 0, number, 1, PASSWORD)).json();

        assertThat(answer.get("errorCode").stringValue()).isEqualTo("locked");
        assertThat(answer.get("errorMessage").stringValue()).contains("1 minute");
        assertThat(answer.has("metadata")).isFalse();
    }

    @Test
    void anUnknownIdentifierIsLockedWithTheSameAnswer() {
        String known = fixtures.student(PASSWORD).get("studentNumber").stringValue();
        String unknown = Fixtures.unique("NOBODY-");
        fail(known, 5);
        fail(unknown, 5);

        JsonNode knownAnswer = http.webhook(Fixtures.verifyBody(EXAM, 0, known, 1, "x")).json();
        JsonNode unknownAnswer = http.webhook(Fixtures.verifyBody(EXAM, 0, unknown, 1, "x")).json();

        assertThat(unknownAnswer).isEqualTo(knownAnswer);
        assertThat(unknownAnswer.get("errorCode").stringValue()).isEqualTo("locked");
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        String number = fixtures.student(PASSWORD).get("studentNumber").stringValue();
        fail(number, 4);
        assertThat(fixtures.outcome(EXAM, number, PASSWORD)).isEqualTo("verified");

        fail(number, 4);

        assertThat(fixtures.outcome(EXAM, number, PASSWORD)).isEqualTo("verified");
    }

    @Test
    void theIdentifierIsMatchedAsRetypedWhateverItsCaseOrSpacing() {
        String email = fixtures.student(PASSWORD).get("email").stringValue();
        fail(email, 3);
        fail(" " + email.toUpperCase() + " ", 2);

        assertThat(fixtures.outcome(EXAM, email, PASSWORD)).isEqualTo("locked");
    }

    @Test
    void failuresDuringAWaitDoNotExtendIt() {
        String number = fixtures.student(PASSWORD).get("studentNumber").stringValue();
        fail(number, 5);
        Instant lockedUntil = lockedUntil(number);

        for (int i = 0; i < 5; i++) {
            assertThat(fixtures.outcome(EXAM, number, "still wrong")).isEqualTo("locked");
        }

        assertThat(lockedUntil(number)).isEqualTo(lockedUntil);
    }

    @Test
    void eachFurtherWaitIsLongerUpToTheCap() {
        String number = fixtures.student(PASSWORD).get("studentNumber").stringValue();
        fail(number, 5);
        Duration first = Duration.between(Instant.now(), lockedUntil(number));

        endTheWait(number);
        fail(number, 5);
        Duration second = Duration.between(Instant.now(), lockedUntil(number));

        assertThat(first).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
        assertThat(second).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(121));
        for (int lock = 3; lock <= 6; lock++) {
            endTheWait(number);
            fail(number, 5);
        }
        assertThat(Duration.between(Instant.now(), lockedUntil(number))).isBetween(Duration.ofMinutes(14),
                Duration.ofMinutes(15).plusSeconds(1));
    }

    @Test
    void staffClearALockoutAtOnceById() {
        String number = fixtures.student(PASSWORD).get("studentNumber").stringValue();
        fail(number, 5);
        JsonNode current = http.admin("GET", "/api/v1/lockouts?size=500", null).json();
        JsonNode entry = null;
        for (JsonNode candidate : current.get("content")) {
            if (candidate.get("identifier").stringValue().equals(org.examgate.credential.Secrets.mask(number))) {
                entry = candidate;
            }
        }
        assertThat(entry).as("the lockout is listed with the identifier masked").isNotNull();
        assertThat(current.toString()).doesNotContain(number);

        assertThat(http.admin("DELETE", "/api/v1/lockouts/" + entry.get("id").stringValue(), null).status())
                .isEqualTo(204);

        assertThat(fixtures.outcome(EXAM, number, PASSWORD)).isEqualTo("verified");
    }

    @Test
    void staffClearALockoutByTheIdentifierTheStudentTypes() {
        String number = fixtures.student(PASSWORD).get("studentNumber").stringValue();
        fail(number, 5);

        Http.Response cleared = http.admin("DELETE", "/api/v1/lockouts?identifier=" + number, null);

        assertThat(cleared.json().get("cleared").intValue()).isEqualTo(1);
        assertThat(fixtures.outcome(EXAM, number, PASSWORD)).isEqualTo("verified");
    }

    @Test
    void clearingAnUnknownLockoutIsNotFound() {
        Http.Response response = http.admin("DELETE", "/api/v1/lockouts/" + java.util.UUID.randomUUID(), null);

        assertThat(response.status()).isEqualTo(404);
    }

    private Instant lockedUntil(String identifier) {
        return jdbc.sql("select locked_until from lockout where subject_masked = ?")
                .param(org.examgate.credential.Secrets.mask(identifier))
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    /** Time passing, as the database sees it: the current wait ended a moment ago. */
    private void endTheWait(String identifier) {
        jdbc.sql("update lockout set locked_until = now() - interval '1 second' where subject_masked = ?")
                .param(org.examgate.credential.Secrets.mask(identifier)).update();
    }

}
