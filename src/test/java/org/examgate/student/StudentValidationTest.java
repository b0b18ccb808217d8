package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExamgateTest
class StudentValidationTest {

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMissingStudentNumberIsAFieldError() {
        Map<String, Object> body = studentBody();
        body.remove("studentNumber");

        assertFieldErrors(http.admin("POST", "/api/v1/students", Http.json(body)), "studentNumber");
    }

    @Test
    void aBlankStudentNumberIsAFieldError() {
        Map<String, Object> body = studentBody();
        body.put("studentNumber", "   ");

        assertFieldErrors(http.admin("POST", "/api/v1/students", Http.json(body)), "studentNumber");
    }

    @Test
    void aMissingFullNameIsAFieldError() {
        Map<String, Object> body = studentBody();
        body.remove("fullName");

        assertFieldErrors(http.admin("POST", "/api/v1/students", Http.json(body)), "fullName");
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Map<String, Object> body = studentBody();
        body.remove("studentNumber");
        body.remove("fullName");
        body.put("email", "not-an-email");

        assertFieldErrors(http.admin("POST", "/api/v1/students", Http.json(body)), "studentNumber", "fullName",
                "email");
    }

    @Test
    void aBadEmailIsAFieldError() {
        Map<String, Object> body = studentBody();
        body.put("email", "not-an-email");

        assertFieldErrors(http.admin("POST", "/api/v1/students", Http.json(body)), "email");
    }

    @Test
    void anUnknownStatusIsAFieldError() {
        Map<String, Object> body = studentBody();
        body.put("status", "ENROLLED");

        Response response = http.admin("POST", "/api/v1/students", Http.json(body));

        assertFieldErrors(response, "status");
        assertThat(response.body()).doesNotContain("StudentStatus").doesNotContain("org.examgate");
    }

    @Test
    void attributesThatAreNotAnObjectAreAFieldError() {
        Map<String, Object> body = studentBody();
        body.put("attributes", List.of("Science", 200));

        assertFieldErrors(http.admin("POST", "/api/v1/students", Http.json(body)), "attributes");
    }

    @Test
    void anAttributeNumberTooLargeToStoreIsAFieldErrorNotInfinity() {
        Map<String, Object> body = studentBody();
        body.put("attributes", Map.of("level", "PLACEHOLDER"));
        String json = Http.json(body).replace("\"PLACEHOLDER\"", "1e999999");

        assertFieldErrors(http.admin("POST", "/api/v1/students", json), "attributes");
    }

    @Test
    void aRelativePhotoUrlIsAFieldError() {
        Map<String, Object> body = studentBody();
        body.put("photoUrl", "/photos/ada.jpg");

        assertFieldErrors(http.admin("POST", "/api/v1/students", Http.json(body)), "photoUrl");
    }

    @Test
    void tooLongFieldsAreFieldErrors() {
        Map<String, Object> body = studentBody();
        body.put("studentNumber", "U" + "9".repeat(64));
        body.put("matricNumber", "M".repeat(65));
        body.put("email", "a".repeat(250) + "@uni.example");
        body.put("fullName", "N".repeat(201));
        body.put("about", "A".repeat(1001));
        body.put("password", "p".repeat(1025));

        assertFieldErrors(http.admin("POST", "/api/v1/students", Http.json(body)), "studentNumber", "matricNumber",
                "email", "fullName", "about", "password");
    }

    @Test
    void fieldsAtTheirMaximumLengthAreAccepted() {
        Map<String, Object> body = studentBody();
        String fragment = fragment();
        body.put("studentNumber", fragment + "9".repeat(64 - fragment.length()));
        body.put("matricNumber", fragment + "M".repeat(64 - fragment.length()));
        body.put("fullName", "N".repeat(200));
        body.put("about", "A".repeat(1000));
        body.put("password", "p".repeat(1024));

        Response created = http.admin("POST", "/api/v1/students", Http.json(body));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void anEmptyPasswordIsAFieldError() {
        Map<String, Object> body = studentBody();
        body.put("password", "");

        assertFieldErrors(http.admin("POST", "/api/v1/students", Http.json(body)), "password");
    }

    @Test
    void anInvalidUpdateIsAFieldErrorAndChangesNothing() {
        String id = create(studentBody()).json().get("id").stringValue();
        Map<String, Object> body = studentBody();
        body.put("email", "not-an-email");

        assertFieldErrors(http.admin("PUT", "/api/v1/students/" + id, Http.json(body)), "email");
        assertThat(http.admin("GET", "/api/v1/students/" + id, null).json().get("email").stringValue())
                .isNotEqualTo("not-an-email");
    }

    @Test
    void aBodyThatIsNotJsonIsA400Problem() {
        Response response = http.admin("POST", "/api/v1/students", "{\"studentNumber\": \"U1\", fullName: ");

        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("Unexpected character").doesNotContain("tools.jackson");
    }

    @Test
    void aMissingBodyIsA400Problem() {
        assertProblem(http.admin("POST", "/api/v1/students", null), 400);
    }

    @Test
    void aBodyThatIsAJsonArrayIsA400Problem() {
        assertProblem(http.admin("POST", "/api/v1/students", "[]"), 400);
    }

    @Test
    void aBadUuidInThePathIsAFieldErrorOnTheId() {
        for (String method : List.of("GET", "DELETE")) {
            Response response = http.admin(method, "/api/v1/students/not-a-uuid", null);

            assertFieldErrors(response, "id");
        }
        assertFieldErrors(http.admin("PUT", "/api/v1/students/not-a-uuid", Http.json(studentBody())), "id");
        assertFieldErrors(http.admin("PUT", "/api/v1/students/not-a-uuid/password",
                Http.json(Map.of("password", "whatever"))), "id");
    }

    @Test
    void anUnknownIdIsA404Problem() {
        UUID unknown = UUID.randomUUID();

        for (Response response : List.of(
                http.admin("GET", "/api/v1/students/" + unknown, null),
                http.admin("PUT", "/api/v1/students/" + unknown, Http.json(studentBody())),
                http.admin("DELETE", "/api/v1/students/" + unknown, null))) {
            assertProblem(response, 404);
        }
        assertThat(jdbc.sql("select count(*) from student where id = ?").param(unknown).query(Long.class).single())
                .as("PUT does not create").isZero();
    }

    @Test
    void aDuplicateStudentNumberIsA409NamingTheField() {
        Map<String, Object> first = studentBody();
        create(first);
        Map<String, Object> second = studentBody();
        second.put("studentNumber", first.get("studentNumber"));

        Response conflict = http.admin("POST", "/api/v1/students", Http.json(second));

        assertConflictOn(conflict, "studentNumber");
        assertThat(conflict.body()).doesNotContain((String) first.get("studentNumber"));
    }

    @Test
    void aStudentNumberDifferingOnlyBySurroundingSpacesIsADuplicate() {
        Map<String, Object> first = studentBody();
        create(first);
        Map<String, Object> second = studentBody();
        second.put("studentNumber", "  " + first.get("studentNumber") + " ");

        assertConflictOn(http.admin("POST", "/api/v1/students", Http.json(second)), "studentNumber");
    }

    @Test
    void aDuplicateMatricNumberIsA409NamingTheField() {
        Map<String, Object> first = studentBody();
        create(first);
        Map<String, Object> second = studentBody();
        second.put("matricNumber", first.get("matricNumber"));

        assertConflictOn(http.admin("POST", "/api/v1/students", Http.json(second)), "matricNumber");
    }

    @Test
    void aDuplicateEmailDifferingOnlyInCaseIsA409NamingTheField() {
        Map<String, Object> first = studentBody();
        create(first);
        Map<String, Object> second = studentBody();
        second.put("email", ((String) first.get("email")).toUpperCase());

        Response conflict = http.admin("POST", "/api/v1/students", Http.json(second));

        assertConflictOn(conflict, "email");
        assertThat(conflict.body()).doesNotContainIgnoringCase((String) first.get("email"));
    }

    @Test
    void studentsWithoutMatricNumberOrEmailDoNotConflict() {
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = studentBody();
            body.remove("matricNumber");
            body.put("email", "");

            create(body);
        }
    }

    @Test
    void anUpdateToAnotherStudentsNumberIsA409AndChangesNothing() {
        Map<String, Object> first = studentBody();
        create(first);
        Map<String, Object> second = studentBody();
        String secondId = create(second).json().get("id").stringValue();
        Map<String, Object> update = new LinkedHashMap<>(second);
        update.put("studentNumber", first.get("studentNumber"));
        update.put("fullName", "Changed Name");

        assertConflictOn(http.admin("PUT", "/api/v1/students/" + secondId, Http.json(update)), "studentNumber");
        JsonNode unchanged = http.admin("GET", "/api/v1/students/" + secondId, null).json();
        assertThat(unchanged.get("studentNumber").stringValue()).isEqualTo(second.get("studentNumber"));
        assertThat(unchanged.get("fullName").stringValue()).isEqualTo(second.get("fullName"));
    }

    @Test
    void anUpdateToAnotherStudentsMatricNumberIsA409() {
        Map<String, Object> first = studentBody();
        create(first);
        Map<String, Object> second = studentBody();
        String secondId = create(second).json().get("id").stringValue();
        second.put("matricNumber", first.get("matricNumber"));

        assertConflictOn(http.admin("PUT", "/api/v1/students/" + secondId, Http.json(second)), "matricNumber");
    }

    @Test
    void anUpdateToAnotherStudentsEmailInOtherCaseIsA409() {
        Map<String, Object> first = studentBody();
        create(first);
        Map<String, Object> second = studentBody();
        String secondId = create(second).json().get("id").stringValue();
        second.put("email", ((String) first.get("email")).toUpperCase());

        assertConflictOn(http.admin("PUT", "/api/v1/students/" + secondId, Http.json(second)), "email");
    }

    @Test
    void anUpdateThatKeepsTheStudentsOwnValuesIsNoConflict() {
        Map<String, Object> body = studentBody();
        String id = create(body).json().get("id").stringValue();
        body.put("email", ((String) body.get("email")).toUpperCase());

        Response updated = http.admin("PUT", "/api/v1/students/" + id, Http.json(body));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    private Response create(Map<String, Object> body) {
        Response created = http.admin("POST", "/api/v1/students", Http.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static void assertConflictOn(Response response, String field) {
        assertProblem(response, 409);
        JsonNode problem = response.json();
        assertThat(problem.get("field").stringValue()).isEqualTo(field);
        assertThat(problem.get("detail").stringValue()).contains(field);
        assertThat(response.body()).doesNotContain("duplicate key").doesNotContain("_uq")
                .doesNotContainIgnoringCase("constraint");
    }

    private static void assertFieldErrors(Response response, String... fields) {
        assertProblem(response, 400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        assertThat(errors.isArray()).isTrue();
        List<String> named = new ArrayList<>();
        for (JsonNode error : errors) {
            named.add(error.get("field").stringValue());
            assertThat(error.get("message").stringValue()).isNotBlank();
        }
        assertThat(named).as(response.toString()).containsOnly(fields).contains(fields);
    }

    /** An RFC 9457 problem with the given status and nothing internal in it. */
    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("trace")
                .doesNotContain("java.").doesNotContain("SQL");
    }

    private static Map<String, Object> studentBody() {
        String fragment = fragment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("studentNumber", "V" + fragment);
        body.put("matricNumber", "MAT/" + fragment);
        body.put("email", fragment + ".grace@uni.example");
        body.put("fullName", "Grace Hopper");
        body.put("status", "ACTIVE");
        body.put("password", "a valid password");
        return body;
    }

    private static String fragment() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
