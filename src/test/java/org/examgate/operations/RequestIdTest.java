package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExamgateTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest {

    @Autowired
    Http http;

    @Test
    void everyAnswerCarriesARequestIdAndAWellFormedOneSentInIsKept() {
        Http.Response generated = http.send("GET", "/actuator/health", Map.of(), null);
        Http.Response kept = http.send("GET", "/actuator/health", Map.of("X-Request-Id", "platform-req-12345"), null);
        Http.Response replaced = http.send("GET", "/actuator/health", Map.of("X-Request-Id", "bad id\twith junk"), null);

        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(kept.header("X-Request-Id")).isEqualTo("platform-req-12345");
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void aVerificationsLogLineCarriesItsRequestIdEvenThoughItIsAnsweredOnAnotherThread(CapturedOutput output) {
        Map<String, String> headers = new LinkedHashMap<>(Http.platformHeaders());
        headers.put("X-Request-Id", "verify-req-67890");

        http.webhook(headers, Fixtures.verifyBody("exam-request-id", 0, "NOBODY-REQ", 1, "pw"));

        assertThat(output.getAll().lines().filter(line -> line.contains("Verification ") && line.contains("exam-request-id")))
                .isNotEmpty()
                .allMatch(line -> line.contains("[verify-req-67890]"));
    }
}
