package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

@ExamgateTest
class StudentSearchTest {

    @Autowired
    Http http;

    @Test
    void aPageIsSpringDatasEnvelopeAndNothingElse() {
        String prefix = prefix();
        create(prefix + "-1", null, null, "Envelope One", "ACTIVE");

        Response response = search("q=" + encode(prefix));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(List.copyOf(body.propertyNames())).containsExactlyInAnyOrder("content", "page");
        assertThat(List.copyOf(body.get("page").propertyNames()))
                .containsExactlyInAnyOrder("size", "number", "totalElements", "totalPages");
        assertThat(body.get("content").isArray()).isTrue();
        assertThat(body.get("page").get("number").intValue()).isZero();
        assertThat(body.get("page").get("totalElements").longValue()).isEqualTo(1);
        assertThat(body.get("page").get("totalPages").intValue()).isEqualTo(1);
        JsonNode student = body.get("content").get(0);
        assertThat(student.get("studentNumber").stringValue()).isEqualTo(prefix + "-1");
        assertThat(student.has("hasPassword")).isTrue();
        assertThat(response.body()).doesNotContain("password\"").doesNotContain("passwordHash")
                .doesNotContain("{bcrypt}");
    }

    @Test
    void theDefaultPageSizeIs50() {
        JsonNode page = search("").json().get("page");

        assertThat(page.get("size").intValue()).isEqualTo(50);
        assertThat(page.get("number").intValue()).isZero();
    }

    @Test
    void aPageSizeOf500IsAccepted() {
        Response response = search("size=500");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("page").get("size").intValue()).isEqualTo(500);
    }

    @Test
    void aPageSizeOver500IsRejected() {
        assertFieldError(search("size=501"), "size");
    }

    @Test
    void aPageSizeOf0IsRejected() {
        assertFieldError(search("size=0"), "size");
    }

    @Test
    void aNegativePageIsRejected() {
        assertFieldError(search("page=-1"), "page");
    }

    @Test
    void aNonNumericPageSizeIsRejected() {
        assertFieldError(search("size=abc"), "size");
    }

    @Test
    void aPageTooFarToReachIsRejectedNotAnInternalError() {
        assertFieldError(search("page=999999999&size=500"), "page");
    }

    @Test
    void aPageBeyondTheLastIsEmpty() {
        String prefix = prefix();
        create(prefix + "-1", null, null, "Beyond", "ACTIVE");

        JsonNode body = search("q=" + encode(prefix) + "&page=5").json();

        assertThat(body.get("content").isEmpty()).isTrue();
        assertThat(body.get("page").get("totalElements").longValue()).isEqualTo(1);
    }

    @Test
    void anUnknownStatusFilterIsRejected() {
        assertFieldError(search("status=ENROLLED"), "status");
    }

    @Test
    void aQueryLongerThan200CharactersIsRejected() {
        assertFieldError(search("q=" + "x".repeat(201)), "q");
    }

    @Test
    void qMatchesTheStudentNumberCaseInsensitively() {
        String prefix = prefix();
        create(prefix + "-NUM", null, null, "Number Match", "ACTIVE");

        assertThat(numbers(search("q=" + encode(prefix.toLowerCase() + "-num")))).containsExactly(prefix + "-NUM");
    }

    @Test
    void qMatchesTheMatricNumberCaseInsensitively() {
        String prefix = prefix();
        String matric = "MAT/" + prefix.substring(1) + "/XY";
        create(prefix + "-MAT", matric, null, "Matric Match", "ACTIVE");

        assertThat(numbers(search("q=" + encode(matric.toLowerCase())))).containsExactly(prefix + "-MAT");
    }

    @Test
    void qMatchesTheEmailCaseInsensitively() {
        String prefix = prefix();
        String email = "Mixed.Case." + prefix.substring(1).toLowerCase() + "@Uni.Example";
        create(prefix + "-MAIL", null, email, "Email Match", "ACTIVE");

        assertThat(numbers(search("q=" + encode(email.toUpperCase())))).containsExactly(prefix + "-MAIL");
        assertThat(numbers(search("q=" + encode("case." + prefix.substring(1).toLowerCase() + "@uni"))))
                .containsExactly(prefix + "-MAIL");
    }

    @Test
    void qMatchesAnyPartOfTheNameCaseInsensitively() {
        String prefix = prefix();
        String surname = "Okonkwo" + prefix.substring(1).toLowerCase();
        create(prefix + "-NAME", null, null, "Chidi " + surname + " Junior", "ACTIVE");

        assertThat(numbers(search("q=" + encode(surname.toUpperCase())))).containsExactly(prefix + "-NAME");
    }

    @Test
    void surroundingWhitespaceInQIsIgnored() {
        String prefix = prefix();
        create(prefix + "-WS", null, null, "Whitespace", "ACTIVE");

        assertThat(numbers(search("q=" + encode("  " + prefix + "-WS  ")))).containsExactly(prefix + "-WS");
    }

    @Test
    void percentInQIsLiteral() {
        String prefix = prefix();
        create(prefix + "-PCT", null, null, "Rate 50% " + prefix, "ACTIVE");
        create(prefix + "-X", null, null, "Rate 50x " + prefix, "ACTIVE");

        assertThat(numbers(search("q=" + encode("50% " + prefix)))).containsExactly(prefix + "-PCT");
        assertThat(numbers(search("q=" + encode(prefix + "%")))).isEmpty();
    }

    @Test
    void underscoreInQIsLiteral() {
        String prefix = prefix();
        create(prefix + "-A_1", null, null, "Underscore", "ACTIVE");
        create(prefix + "-AB1", null, null, "No underscore", "ACTIVE");

        assertThat(numbers(search("q=" + encode(prefix + "-A_")))).containsExactly(prefix + "-A_1");
    }

    @Test
    void aBackslashInQIsLiteral() {
        String prefix = prefix();
        create(prefix + "\\1", null, null, "Backslash", "ACTIVE");
        create(prefix + "-1", null, null, "No backslash", "ACTIVE");

        assertThat(numbers(search("q=" + encode(prefix + "\\")))).containsExactly(prefix + "\\1");
    }

    @Test
    void theStatusFilterKeepsOnlyThatStatus() {
        String prefix = prefix();
        create(prefix + "-1", null, null, "Active", "ACTIVE");
        create(prefix + "-2", null, null, "Suspended", "SUSPENDED");
        create(prefix + "-3", null, null, "Graduated", "GRADUATED");

        assertThat(numbers(search("q=" + encode(prefix) + "&status=SUSPENDED"))).containsExactly(prefix + "-2");
        assertThat(numbers(search("q=" + encode(prefix) + "&status=WITHDRAWN"))).isEmpty();
        assertThat(numbers(search("q=" + encode(prefix)))).containsExactly(prefix + "-1", prefix + "-2",
                prefix + "-3");
    }

    @Test
    void theStatusFilterWorksWithoutQ() {
        String prefix = prefix();
        create(prefix + "-W", null, null, "Withdrawn", "WITHDRAWN");

        JsonNode body = search("status=WITHDRAWN&size=500").json();

        for (JsonNode student : body.get("content")) {
            assertThat(student.get("status").stringValue()).isEqualTo("WITHDRAWN");
        }
        assertThat(body.get("page").get("totalElements").longValue()).isPositive();
    }

    @Test
    void pagesFollowTheStudentNumberWithoutDuplicatesOrGaps() {
        String prefix = prefix();
        List<String> expected = List.of(prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4", prefix + "-5");
        // created out of order, so that creation order cannot pass for the sort order
        for (String suffix : List.of("-3", "-1", "-5", "-2", "-4")) {
            create(prefix + suffix, null, null, "Paged " + suffix, "ACTIVE");
        }

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = search("q=" + encode(prefix) + "&size=2&page=" + page).json();
            assertThat(body.get("page").get("number").intValue()).isEqualTo(page);
            assertThat(body.get("page").get("size").intValue()).isEqualTo(2);
            assertThat(body.get("page").get("totalElements").longValue()).isEqualTo(5);
            assertThat(body.get("page").get("totalPages").intValue()).isEqualTo(3);
            assertThat(body.get("content").size()).isEqualTo(page < 2 ? 2 : 1);
            body.get("content").forEach(student -> seen.add(student.get("studentNumber").stringValue()));
        }

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void theSamePageAskedTwiceHasTheSameStudents() {
        String prefix = prefix();
        for (int i = 0; i < 4; i++) {
            create(prefix + "-" + i, null, null, "Same name", "ACTIVE");
        }

        List<String> first = numbers(search("q=" + encode(prefix) + "&size=2&page=1"));
        List<String> again = numbers(search("q=" + encode(prefix) + "&size=2&page=1"));

        assertThat(first).hasSize(2).isEqualTo(again);
    }

    private void create(String studentNumber, String matricNumber, String email, String fullName, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("studentNumber", studentNumber);
        body.put("matricNumber", matricNumber);
        body.put("email", email);
        body.put("fullName", fullName);
        body.put("status", status);
        body.put("password", "a password for search");
        Response created = http.admin("POST", "/api/v1/students", Http.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private Response search(String query) {
        return http.admin("GET", "/api/v1/students" + (query.isEmpty() ? "" : "?" + query), null);
    }

    private static List<String> numbers(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        response.json().get("content").forEach(student -> numbers.add(student.get("studentNumber").stringValue()));
        return numbers;
    }

    private static void assertFieldError(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.get("field").stringValue()));
        assertThat(fields).as(response.toString()).containsExactly(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    }

    /** Upper-case, so that a lower-case query proves case-insensitivity; unique to one test. */
    private static String prefix() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
