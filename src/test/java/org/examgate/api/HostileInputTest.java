package org.examgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Inputs that once gave a 500, a wrong answer or a silent change; each now gets a clear answer. */
@ExamgateTest
class HostileInputTest {

    @Autowired
    Http http;

    private Http.Response raw(String method, String path, String contentType, String body) {
        return http.send(method, path, Map.of("Authorization",
                        Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD), "Content-Type", contentType),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertBadRequest(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void queryParametersWithNulOrBrokenEncodingAreBadRequests() {
        for (String query : List.of("q=%00", "q=%ff", "q=%C0%80", "q=%e2%28%a1")) {
            assertBadRequest(http.admin("GET", "/api/v1/students?" + query, null));
        }
        assertThat(http.send("GET", "/actuator/health?x=%ff", Map.of(), null).status()).isLessThan(500);
    }

    @Test
    void studentTextWithNulOrBrokenSurrogatesIsABadRequest() {
        assertBadRequest(raw("POST", "/api/v1/students", "application/json",
                "{\"studentNumber\":\"S-nul\",\"fullName\":\"A\\u0000B\"}"));
        assertBadRequest(raw("POST", "/api/v1/students", "application/json",
                "{\"studentNumber\":\"S-\\ud800\",\"fullName\":\"Lone surrogate\"}"));
        assertBadRequest(raw("POST", "/api/v1/students", "application/json",
                "{\"studentNumber\":\"S-attr-nul\",\"fullName\":\"A\",\"attributes\":{\"k\":\"v\\u0000\"}}"));
        assertBadRequest(raw("POST", "/api/v1/students", "application/json",
                "{\"studentNumber\":\"S-attr-big\",\"fullName\":\"A\",\"attributes\":{\"k\":\"" + "x".repeat(20_000) + "\"}}"));
    }

    @Test
    void unmanageableExamsAreRefusedUpFront() {
        for (String body : List.of(
                "{\"examId\":\"ex-nul\\u0000\",\"title\":\"t\"}",
                "{\"examId\":\"ex-title-nul\",\"title\":\"T\\u0000\"}",
                "{\"examId\":\"ex<x>\",\"title\":\"t\"}",
                "{\"examId\":\"..\",\"title\":\"t\"}",
                "{\"examId\":\"ex;semi\",\"title\":\"t\"}",
                "{\"examId\":\"ex\\\\back\",\"title\":\"t\"}",
                "{\"examId\":\"ex-null-field\",\"title\":\"t\",\"fieldLayout\":[null,{\"position\":1,\"kind\":\"PASSWORD\"}]}",
                "{\"examId\":\"ex-far-future\",\"title\":\"t\",\"opensAt\":\"+1000000000-01-01T00:00:00Z\"}",
                "{\"examId\":\"ex-millis\",\"title\":\"t\",\"opensAt\":1719221380326}")) {
            assertBadRequest(raw("POST", "/api/v1/exams", "application/json", body));
        }
        assertThat(http.admin("GET", "/api/v1/exams/ex%3Cx%3E", null).status()).isEqualTo(404);
    }

    @Test
    void rosterNumbersNoStudentCanHaveAreRefusedOrReportedUnknown() {
        String exam = new Fixtures(http).exam(Map.of());

        assertBadRequest(raw("POST", "/api/v1/exams/" + exam + "/roster", "application/json",
                "{\"studentNumbers\":[\"a\\u0000b\",\"c\\udc00\"]}"));
        Http.Response csv = raw("POST", "/api/v1/exams/" + exam + "/roster", "text/csv", "studentNumber\na\u0000b\n");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.json().get("unknownStudentNumbers").size()).isEqualTo(1);
    }

    @Test
    void aNulInTheTypedIdentifierIsJustAWrongCredential() {
        String answer = Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody("exam-hostile", 0, "U2024\u0000/0042", 1, "pw")));

        assertThat(answer).isEqualTo("invalid_credentials");
    }

    @Test
    void respondentIdsThatCannotBeStoredAsSentAreBadRequests() {
        Http.Response response = http.webhook("{\"event\":\"result_ready\",\"exam_id\":\"e\",\"respondent_id\":\"r-\\ud800\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errorMessage").stringValue()).contains("respondent_id");
    }

    @Test
    void importedHashesWithExtremeCostsAreRefused() {
        String id = new Fixtures(http).student("pw").get("id").stringValue();

        assertBadRequest(http.admin("PUT", "/api/v1/students/" + id + "/password",
                Http.json(Map.of("passwordHash", "{bcrypt}$2a$99$" + "a".repeat(53)))));
        assertBadRequest(http.admin("PUT", "/api/v1/students/" + id + "/password",
                Http.json(Map.of("passwordHash", "{argon2}$argon2id$v=19$m=524288,t=4,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"))));
    }
}
