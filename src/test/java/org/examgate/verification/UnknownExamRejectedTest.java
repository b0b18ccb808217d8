package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With {@code examgate.exams.unknown=REJECT}, only registered exams are verified. */
@ExamgateTest
@TestPropertySource(properties = "examgate.exams.unknown=REJECT")
class UnknownExamRejectedTest {

    @Autowired
    Http http;

    @Test
    void anUnregisteredExamIsRefusedAsUnknownBeforeAnyCredentialIsLookedAt() {
        Fixtures fixtures = new Fixtures(http);
        String number = fixtures.student("pw for unknown exams").get("studentNumber").stringValue();

        assertThat(fixtures.outcome("exam-nobody-registered", number, "pw for unknown exams")).isEqualTo("unknown_exam");
        assertThat(fixtures.outcome("exam-nobody-registered", number, "wrong")).isEqualTo("unknown_exam");
    }

    @Test
    void aRegisteredExamIsVerifiedAsUsual() {
        Fixtures fixtures = new Fixtures(http);
        String number = fixtures.student("pw for known exams").get("studentNumber").stringValue();
        String exam = fixtures.exam(Map.of());

        assertThat(fixtures.outcome(exam, number, "pw for known exams")).isEqualTo("verified");
    }
}
