package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whether a student exists must not show in the work done: a missing student costs one password
 * hash, exactly like a wrong password. Counted with the application's own hash meter, not timed.
 */
@ExamgateTest
class VerificationHashCostTest {

    @Autowired
    VerifyRespondent verifyRespondent;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Http http;

    private long hashesDuring(Runnable work) {
        long before = meters.timer("examgate.password.hashes").count();
        work.run();
        return meters.timer("examgate.password.hashes").count() - before;
    }

    private static VerificationRequest typed(String identifier, String password) {
        return new VerificationRequest("exam-cost", Map.of(0, identifier, 1, password), "en");
    }

    @Test
    void aMissingStudentCostsExactlyOneHashLikeAWrongPassword() {
        String number = "C" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.admin("POST", "/api/v1/students", Http.json(Map.of("studentNumber", number,
                "fullName", "Cost Check", "password", "right password"))).status()).isEqualTo(201);

        long wrongPassword = hashesDuring(() -> assertThat(verifyRespondent.verify(typed(number, "wrong")).join().outcome())
                .isEqualTo(Outcome.INVALID_CREDENTIALS));
        long missingStudent = hashesDuring(() -> assertThat(verifyRespondent.verify(typed("nobody-" + number, "wrong")).join()
                .outcome()).isEqualTo(Outcome.INVALID_CREDENTIALS));

        assertThat(wrongPassword).isEqualTo(1);
        assertThat(missingStudent).isEqualTo(1);
    }

    @Test
    void aLongPasswordForAMissingStudentStillCostsOneHash() {
        long missingStudent = hashesDuring(() -> verifyRespondent.verify(typed("nobody-long", "x".repeat(1024))).join());

        assertThat(missingStudent).isEqualTo(1);
    }

    @Test
    void missingCredentialsCostNoHash() {
        long missingPassword = hashesDuring(() -> assertThat(verifyRespondent.verify(
                new VerificationRequest("exam-cost", Map.of(0, "U1"), "en")).join().outcome())
                .isEqualTo(Outcome.MISSING_CREDENTIALS));

        assertThat(missingPassword).isZero();
    }
}
