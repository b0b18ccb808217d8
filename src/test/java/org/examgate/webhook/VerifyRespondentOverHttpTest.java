package org.examgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

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
class VerifyRespondentOverHttpTest {

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    private String number;
    private final String password = "correct horse battery staple";

    private String register(String status, String email, String password) {
        number = "U" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> student = new LinkedHashMap<>();
        student.put("studentNumber", number);
        student.put("matricNumber", "M-" + number);
        student.put("email", email);
        student.put("fullName", "Ada Obi");
        student.put("about", "BSc Computer Science, year 2");
        student.put("status", status);
        student.put("password", password);
        student.put("attributes", Map.of("faculty", "Science", "level", 200));
        Response created = http.admin("POST", "/api/v1/students", Http.json(student));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return number;
    }

    private static String verifyBody(Object identifier, Object password, String lang) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "verify_respondent");
        body.put("fields", List.of(Map.of("position", 0, "value", identifier), Map.of("position", 1, "value", password)));
        body.put("exam_id", "exam-7f3c");
        body.put("choosenLang", lang);
        return Http.json(body);
    }

    @Test
    void aValidVerificationGetsMetadataAndNoErrorMessage() {
        register("ACTIVE", unique("ada@uni.example"), password);

        Response response = http.webhook(verifyBody(number, password, "en"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.has("errorMessage")).isFalse();
        JsonNode metadata = body.get("metadata");
        assertThat(metadata.get("name").stringValue()).isEqualTo("Ada Obi");
        assertThat(metadata.get("about").stringValue()).isEqualTo("BSc Computer Science, year 2");
        assertThat(metadata.has("photo")).as("absent values are left out").isFalse();
        assertThat(metadata.get("data").get("studentNumber").stringValue()).isEqualTo(number);
        assertThat(metadata.get("data").get("faculty").stringValue()).isEqualTo("Science");
        String verificationId = metadata.get("data").get("verificationId").stringValue();
        assertThat(jdbc.sql("select outcome from verification_attempt where id = ?")
                .param(UUID.fromString(verificationId)).query(String.class).single()).isEqualTo("verified");
    }

    @Test
    void aWrongPasswordGetsAnErrorMessageAndNoMetadata() {
        register("ACTIVE", null, password);

        JsonNode body = http.webhook(verifyBody(number, "not the password", "en")).json();

        assertThat(body.has("metadata")).isFalse();
        assertThat(body.get("errorMessage").stringValue()).isNotBlank();
        assertThat(body.get("errorCode").stringValue()).isEqualTo("invalid_credentials");
    }

    @Test
    void anUnknownStudentGetsTheSameAnswerAsAWrongPassword() {
        register("ACTIVE", null, password);
        JsonNode wrongPassword = http.webhook(verifyBody(number, "not the password", "en")).json();

        JsonNode unknownStudent = http.webhook(verifyBody("U-nobody-" + UUID.randomUUID(), password, "en")).json();

        assertThat(unknownStudent).isEqualTo(wrongPassword);
    }

    @Test
    void emailIsMatchedCaseInsensitivelyAndSurroundingWhitespaceIgnored() {
        String email = unique("Grace.Hopper@Uni.Example");
        register("ACTIVE", email, password);

        Response response = http.webhook(verifyBody("  " + email.toUpperCase() + " ", password, "en"));

        assertThat(response.json().get("metadata").get("data").get("studentNumber").stringValue()).isEqualTo(number);
    }

    @Test
    void theMatricNumberIdentifiesAStudentToo() {
        register("ACTIVE", null, password);

        Response response = http.webhook(verifyBody("M-" + number, password, "en"));

        assertThat(response.json().has("metadata")).isTrue();
    }

    @Test
    void aSuspendedStudentWithTheRightPasswordIsRefusedAsInactive() {
        register("SUSPENDED", null, password);

        JsonNode body = http.webhook(verifyBody(number, password, "en")).json();

        assertThat(body.get("errorCode").stringValue()).isEqualTo("account_inactive");
        assertThat(body.has("metadata")).isFalse();
    }

    @Test
    void aSuspendedStudentWithAWrongPasswordLearnsNothingAboutTheStatus() {
        register("SUSPENDED", null, password);

        JsonNode body = http.webhook(verifyBody(number, "wrong", "en")).json();

        assertThat(body.get("errorCode").stringValue()).isEqualTo("invalid_credentials");
    }

    @Test
    void fieldsListedOutOfPositionOrderAreReadByPosition() {
        register("ACTIVE", null, password);
        String body = Http.json(Map.of("event", "verify_respondent", "exam_id", "exam-7f3c",
                "fields", List.of(Map.of("position", 1, "value", password), Map.of("position", 0, "value", number))));

        assertThat(http.webhook(body).json().has("metadata")).isTrue();
    }

    @Test
    void aThousandCharacterPasswordIsCheckedExactlyAsTyped() {
        String longPassword = "p".repeat(999) + "!";
        register("ACTIVE", null, longPassword);

        assertThat(http.webhook(verifyBody(number, longPassword, "en")).json().has("metadata")).isTrue();
        JsonNode lastCharacterWrong = http.webhook(verifyBody(number, "p".repeat(999) + "?", "en")).json();
        assertThat(lastCharacterWrong.get("errorCode").stringValue()).isEqualTo("invalid_credentials");
    }

    @Test
    void aPasswordIsNeitherTrimmedNorCaseFolded() {
        register("ACTIVE", null, " Secret ");

        assertThat(http.webhook(verifyBody(number, "Secret", "en")).json().get("errorCode").stringValue())
                .isEqualTo("invalid_credentials");
        assertThat(http.webhook(verifyBody(number, " secret ", "en")).json().get("errorCode").stringValue())
                .isEqualTo("invalid_credentials");
        assertThat(http.webhook(verifyBody(number, " Secret ", "en")).json().has("metadata")).isTrue();
    }

    @Test
    void missingValuesAreMissingCredentials() {
        JsonNode noPassword = http.webhook(Http.json(Map.of("event", "verify_respondent", "exam_id", "e",
                "fields", List.of(Map.of("position", 0, "value", "U1"))))).json();
        JsonNode noFields = http.webhook("{\"event\":\"verify_respondent\"}").json();

        assertThat(noPassword.get("errorCode").stringValue()).isEqualTo("missing_credentials");
        assertThat(noFields.get("errorCode").stringValue()).isEqualTo("missing_credentials");
    }

    @Test
    void theAuditTrailNeverHoldsThePasswordOrTheTypedIdentifier() {
        register("ACTIVE", null, password);
        http.webhook(verifyBody(number, password, "en"));
        http.webhook(verifyBody(number, "wrong-" + password, "en"));

        List<Map<String, Object>> rows = jdbc.sql("select * from verification_attempt where identifier_masked like ?")
                .param(number.substring(0, 2) + "%").query().listOfRows();
        assertThat(rows).isNotEmpty();
        assertThat(rows.toString()).doesNotContain(password).doesNotContain(number);
    }

    private static String unique(String email) {
        return UUID.randomUUID().toString().substring(0, 6) + "." + email;
    }
}
