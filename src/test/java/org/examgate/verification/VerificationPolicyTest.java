package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Each exam's rules, over real HTTP: layouts, identifier kinds, windows, rosters, access codes. */
@ExamgateTest
class VerificationPolicyTest {

    private static final String PASSWORD = "exam day password";

    @Autowired
    Http http;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(http);
    }

    @Test
    void anUnregisteredExamUsesTheDefaultLayout() {
        JsonNode student = fixtures.student(PASSWORD);

        assertThat(fixtures.outcome(Fixtures.unique("never-registered-"), number(student), PASSWORD)).isEqualTo("verified");
    }

    @Test
    void anExamBeforeItsWindowIsNotOpenAndAfterItIsClosed() {
        JsonNode student = fixtures.student(PASSWORD);
        Instant now = Instant.now();
        String future = fixtures.exam(Map.of("opensAt", now.plus(1, ChronoUnit.HOURS).toString()));
        String past = fixtures.exam(Map.of("opensAt", now.minus(2, ChronoUnit.HOURS).toString(),
                "closesAt", now.minus(1, ChronoUnit.HOURS).toString()));
        String open = fixtures.exam(Map.of("opensAt", now.minus(1, ChronoUnit.HOURS).toString(),
                "closesAt", now.plus(1, ChronoUnit.HOURS).toString()));

        assertThat(fixtures.outcome(future, number(student), PASSWORD)).isEqualTo("exam_not_open");
        assertThat(fixtures.outcome(past, number(student), PASSWORD)).isEqualTo("exam_closed");
        assertThat(fixtures.outcome(open, number(student), PASSWORD)).isEqualTo("verified");
    }

    @Test
    void theWindowIsOnlyRevealedToSomeoneWithTheCredential() {
        JsonNode student = fixtures.student(PASSWORD);
        String future = fixtures.exam(Map.of("opensAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()));

        assertThat(fixtures.outcome(future, number(student), "wrong password")).isEqualTo("invalid_credentials");
    }

    @Test
    void anInactiveExamIsClosed() {
        JsonNode student = fixtures.student(PASSWORD);
        String inactive = fixtures.exam(Map.of("active", false));

        assertThat(fixtures.outcome(inactive, number(student), PASSWORD)).isEqualTo("exam_closed");
    }

    @Test
    void aRosterExamAdmitsOnlyEnrolledStudents() {
        JsonNode enrolled = fixtures.student(PASSWORD);
        JsonNode outsider = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("rosterRequired", true));
        Http.Response report = http.admin("POST", "/api/v1/exams/" + exam + "/roster",
                Http.json(Map.of("studentNumbers", List.of(number(enrolled), "NO-SUCH-STUDENT"))));

        assertThat(report.json().get("changed").intValue()).isEqualTo(1);
        assertThat(report.json().get("unknownStudentNumbers").get(0).stringValue()).isEqualTo("NO-SUCH-STUDENT");
        assertThat(fixtures.outcome(exam, number(enrolled), PASSWORD)).isEqualTo("verified");
        assertThat(fixtures.outcome(exam, number(outsider), PASSWORD)).isEqualTo("not_enrolled");
        assertThat(fixtures.outcome(exam, number(outsider), "wrong")).isEqualTo("invalid_credentials");
    }

    @Test
    void unenrollingRemovesAStudentFromTheRoster() {
        JsonNode student = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("rosterRequired", true));
        http.admin("POST", "/api/v1/exams/" + exam + "/roster", Http.json(Map.of("studentIds", List.of(id(student)))));
        assertThat(fixtures.outcome(exam, number(student), PASSWORD)).isEqualTo("verified");

        assertThat(http.admin("DELETE", "/api/v1/exams/" + exam + "/roster/" + id(student), null).status()).isEqualTo(204);

        assertThat(fixtures.outcome(exam, number(student), PASSWORD)).isEqualTo("not_enrolled");
    }

    @Test
    void theRosterCanBeLoadedFromCsv() {
        JsonNode first = fixtures.student(PASSWORD);
        JsonNode second = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("rosterRequired", true));
        String csv = "\uFEFFname;studentNumber\nFirst;" + number(first) + "\nSecond;" + number(second) + "\n";

        Http.Response report = http.send("POST", "/api/v1/exams/" + exam + "/roster",
                Map.of("Authorization", Http.basic(org.examgate.support.TestCredentials.ADMIN_USERNAME,
                        org.examgate.support.TestCredentials.ADMIN_PASSWORD), "Content-Type", "text/csv"),
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(report.json().get("changed").intValue()).as(report.toString()).isEqualTo(2);
        JsonNode listed = http.admin("GET", "/api/v1/exams/" + exam + "/roster", null).json();
        assertThat(listed.get("page").get("totalElements").intValue()).isEqualTo(2);
    }

    @Test
    void anExamMayAcceptOnlySomeIdentifierKinds() {
        JsonNode student = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("identifierKinds", List.of("EMAIL")));

        assertThat(fixtures.outcome(exam, student.get("email").stringValue(), PASSWORD)).isEqualTo("verified");
        assertThat(fixtures.outcome(exam, number(student), PASSWORD)).isEqualTo("invalid_credentials");
    }

    @Test
    void anExamMayPutItsFieldsAtOtherPositions() {
        JsonNode student = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("fieldLayout", List.of(Map.of("position", 2, "kind", "IDENTIFIER"),
                Map.of("position", 0, "kind", "PASSWORD"))));

        String answer = Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, PASSWORD, 1, "ignored", 2,
                number(student))));

        assertThat(answer).isEqualTo("verified");
    }

    @Test
    void anAccessCodeExamVerifiesTheIdentifierAndTheStudentsCurrentCode() {
        JsonNode student = fixtures.student(PASSWORD);
        JsonNode other = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("rosterRequired", true, "fieldLayout",
                List.of(Map.of("position", 0, "kind", "IDENTIFIER"), Map.of("position", 1, "kind", "ACCESS_CODE"))));
        http.admin("POST", "/api/v1/exams/" + exam + "/roster",
                Http.json(Map.of("studentIds", List.of(id(student), id(other)))));
        Map<String, String> codes = codes(exam);
        String code = codes.get(number(student));

        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(verifyWithCode(exam, number(student), code)).isEqualTo("verified");
        assertThat(verifyWithCode(exam, number(student), code.toLowerCase().replace("-", " ")))
                .as("case and separators do not matter").isEqualTo("verified");
        assertThat(verifyWithCode(exam, number(other), code)).as("another student's code").isEqualTo("invalid_credentials");
        String otherExam = fixtures.exam(Map.of("fieldLayout",
                List.of(Map.of("position", 0, "kind", "IDENTIFIER"), Map.of("position", 1, "kind", "ACCESS_CODE"))));
        assertThat(verifyWithCode(otherExam, number(student), code)).as("another exam").isEqualTo("invalid_credentials");
    }

    @Test
    void regeneratingACodeRevokesTheOldOne() {
        JsonNode student = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("fieldLayout",
                List.of(Map.of("position", 0, "kind", "IDENTIFIER"), Map.of("position", 1, "kind", "ACCESS_CODE"))));
        http.admin("POST", "/api/v1/exams/" + exam + "/roster", Http.json(Map.of("studentIds", List.of(id(student)))));
        String first = codes(exam).get(number(student));
        String second = codes(exam).get(number(student));

        assertThat(second).isNotEqualTo(first);
        assertThat(verifyWithCode(exam, number(student), first)).isEqualTo("invalid_credentials");
        assertThat(verifyWithCode(exam, number(student), second)).isEqualTo("verified");
    }

    @Test
    void anExamAskingOnlyForACodeFindsTheStudentByIt() {
        JsonNode student = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("fieldLayout", List.of(Map.of("position", 0, "kind", "ACCESS_CODE"))));
        http.admin("POST", "/api/v1/exams/" + exam + "/roster", Http.json(Map.of("studentIds", List.of(id(student)))));
        String code = codes(exam).get(number(student));

        JsonNode answer = http.webhook(Fixtures.verifyBody(exam, 0, code)).json();

        assertThat(answer.get("metadata").get("data").get("studentNumber").stringValue()).isEqualTo(number(student));
        assertThat(Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, "2222-3333-4444"))))
                .isEqualTo("invalid_credentials");
    }

    @Test
    void anExamAskingForPasswordAndCodeNeedsBoth() {
        JsonNode student = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("fieldLayout", List.of(Map.of("position", 0, "kind", "IDENTIFIER"),
                Map.of("position", 1, "kind", "PASSWORD"), Map.of("position", 2, "kind", "ACCESS_CODE"))));
        http.admin("POST", "/api/v1/exams/" + exam + "/roster", Http.json(Map.of("studentIds", List.of(id(student)))));
        String code = codes(exam).get(number(student));

        assertThat(Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, number(student), 1, PASSWORD, 2, code))))
                .isEqualTo("verified");
        assertThat(Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, number(student), 1, "wrong", 2, code))))
                .isEqualTo("invalid_credentials");
        assertThat(Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, number(student), 1, PASSWORD))))
                .isEqualTo("missing_credentials");
    }

    @Test
    void accessCodesAreShownOnceAndNeverStoredInClear() {
        JsonNode student = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of());
        http.admin("POST", "/api/v1/exams/" + exam + "/roster", Http.json(Map.of("studentIds", List.of(id(student)))));
        String code = codes(exam).get(number(student));

        assertThat(http.admin("GET", "/api/v1/exams/" + exam + "/roster", null).body()).doesNotContain(code);
        assertThat(http.admin("GET", "/api/v1/exams/" + exam, null).body()).doesNotContain(code);
    }

    @Test
    void unsoundExamsAreRefusedWithFieldErrors() {
        Http.Response noCredential = http.admin("POST", "/api/v1/exams", Http.json(Map.of("examId", "bad-1",
                "title", "t", "fieldLayout", List.of(Map.of("position", 0, "kind", "IDENTIFIER")))));
        Http.Response windowBackwards = http.admin("POST", "/api/v1/exams", Http.json(Map.of("examId", "bad-2",
                "title", "t", "opensAt", "2030-01-02T00:00:00Z", "closesAt", "2030-01-01T00:00:00Z")));
        Http.Response duplicatePosition = http.admin("POST", "/api/v1/exams", Http.json(Map.of("examId", "bad-3",
                "title", "t", "fieldLayout", List.of(Map.of("position", 0, "kind", "IDENTIFIER"),
                        Map.of("position", 0, "kind", "PASSWORD")))));

        for (Http.Response response : List.of(noCredential, windowBackwards, duplicatePosition)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").isArray()).isTrue();
        }
    }

    @Test
    void aSecondExamWithTheSameIdIsAConflict() {
        String exam = fixtures.exam(Map.of());

        Http.Response again = http.admin("POST", "/api/v1/exams", Http.json(Map.of("examId", exam, "title", "again")));

        assertThat(again.status()).isEqualTo(409);
    }

    private Map<String, String> codes(String exam) {
        Http.Response csv = http.admin("POST", "/api/v1/exams/" + exam + "/access-codes", "{}");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        Map<String, String> codes = new java.util.HashMap<>();
        csv.body().lines().skip(1).forEach(line -> {
            String[] columns = line.split(",");
            codes.put(columns[0], columns[columns.length - 1]);
        });
        return codes;
    }

    private String verifyWithCode(String exam, String identifier, String code) {
        return Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, identifier, 1, code)));
    }

    private static String number(JsonNode student) {
        return student.get("studentNumber").stringValue();
    }

    private static String id(JsonNode student) {
        return student.get("id").stringValue();
    }
}
