package org.examgate.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.examgate.support.Answers;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ExamgateTest
class RosterCsvTest {

    @Autowired
    Http http;

    private Http.Response postCsv(String exam, String path, String csv) {
        return http.send("POST", "/api/v1/exams/" + exam + "/roster" + path,
                Map.of("Authorization", Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD),
                        "Content-Type", "text/csv"),
                csv.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertBadRequestSaying(Http.Response response, String saying) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").stringValue()).contains(saying).contains("studentNumber");
        Answers.assertNothingInternal(response);
    }

    @Test
    void anEmptyCsvIsRefusedAsEmptyNotAsBadJson() {
        String exam = new Fixtures(http).exam(Map.of("rosterRequired", true));

        assertBadRequestSaying(postCsv(exam, "", ""), "The CSV is empty");
        assertBadRequestSaying(postCsv(exam, "/remove", "\n\n"), "The CSV is empty");
    }

    @Test
    void aQuoteLeftOpenIsNamedAsTheLikelyFault() {
        String exam = new Fixtures(http).exam(Map.of("rosterRequired", true));

        assertBadRequestSaying(postCsv(exam, "", "studentNumber\nS1\n\"unterminated"), "quote left open");
        assertThat(http.admin("GET", "/api/v1/exams/" + exam + "/roster", null).json().get("page")
                .get("totalElements").intValue()).as("nothing enrolled").isZero();
    }
}
