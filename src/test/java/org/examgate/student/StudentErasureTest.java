package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Deleting a student erases what identifies them and keeps only anonymous verification records. */
@ExamgateTest
class StudentErasureTest {

    private static final String PASSWORD = "erasure test password";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(http);
    }

    @Test
    void deletingAStudentRemovesPhotoEnrollmentsAndAccessCodesAndAnonymisesTheirVerifications() {
        JsonNode student = fixtures.student(PASSWORD);
        JsonNode bystander = fixtures.student(PASSWORD);
        UUID id = id(student);
        String rostered = fixtures.exam(Map.of("rosterRequired", true));
        String notRostered = fixtures.exam(Map.of("rosterRequired", true));
        enroll(rostered, student, bystander);
        assertThat(http.admin("POST", "/api/v1/exams/" + rostered + "/access-codes", null).status()).isEqualTo(200);
        uploadPhoto(id);
        String verified = verificationId(rostered, student);
        assertThat(fixtures.outcome(notRostered, number(student), PASSWORD)).isEqualTo("not_enrolled");
        String bystanderVerified = verificationId(rostered, bystander);
        assertThat(count("student_photo", id)).isEqualTo(1);
        assertThat(count("exam_enrollment", id)).isEqualTo(1);
        assertThat(count("access_code", id)).isEqualTo(1);
        assertThat(count("verification_attempt", id)).isEqualTo(2);

        Response deleted = http.admin("DELETE", "/api/v1/students/" + id, null);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(count("student", "id", id)).isZero();
        assertThat(count("student_photo", id)).isZero();
        assertThat(count("exam_enrollment", id)).isZero();
        assertThat(count("access_code", id)).isZero();
        assertThat(count("verification_attempt", id)).isZero();

        Map<String, Object> kept = attempt(verified);
        assertThat(kept.get("exam_id")).isEqualTo(rostered);
        assertThat(kept.get("outcome")).isEqualTo("verified");
        assertThat(kept.get("occurred_at")).isNotNull();
        assertThat(kept.get("student_id")).isNull();
        assertThat(kept.get("identifier_masked")).isNull();
        List<Map<String, Object>> refused = jdbc.sql("select * from verification_attempt where exam_id = ?")
                .param(notRostered).query().listOfRows();
        assertThat(refused).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("not_enrolled");
            assertThat(row.get("student_id")).isNull();
            assertThat(row.get("identifier_masked")).isNull();
        });

        Map<String, Object> untouched = attempt(bystanderVerified);
        assertThat(untouched.get("student_id")).isEqualTo(id(bystander));
        assertThat(untouched.get("identifier_masked")).isNotNull();
        assertThat(count("exam_enrollment", id(bystander))).isEqualTo(1);
        assertThat(count("access_code", id(bystander))).isEqualTo(1);
    }

    @Test
    void theDeletedStudentsCredentialsNoLongerWork() {
        JsonNode student = fixtures.student(PASSWORD);
        String exam = fixtures.exam(Map.of("rosterRequired", true, "fieldLayout",
                List.of(Map.of("position", 0, "kind", "ACCESS_CODE"))));
        enroll(exam, student);
        String csv = http.admin("POST", "/api/v1/exams/" + exam + "/access-codes", null).body();
        String code = csv.lines().filter(line -> line.startsWith(number(student) + ",")).findFirst().orElseThrow()
                .replaceAll(".*,", "");
        assertThat(Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, code)))).isEqualTo("verified");

        assertThat(http.admin("DELETE", "/api/v1/students/" + id(student), null).status()).isEqualTo(204);

        assertThat(Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, code)))).isEqualTo("invalid_credentials");
        assertThat(fixtures.outcome(Fixtures.unique("exam-"), number(student), PASSWORD)).isEqualTo("invalid_credentials");
    }

    @Test
    void aStudentRegisteredAgainUnderTheSameNumberDoesNotInheritALockout() {
        JsonNode student = fixtures.student(PASSWORD);
        String exam = Fixtures.unique("exam-");
        for (int failure = 0; failure < 5; failure++) {
            assertThat(fixtures.outcome(exam, number(student), "wrong " + failure)).isEqualTo("invalid_credentials");
        }
        assertThat(fixtures.outcome(exam, number(student), PASSWORD)).isEqualTo("locked");

        assertThat(http.admin("DELETE", "/api/v1/students/" + id(student), null).status()).isEqualTo(204);
        fixtures.student(Map.of("studentNumber", number(student), "password", PASSWORD));

        assertThat(fixtures.outcome(exam, number(student), PASSWORD)).isEqualTo("verified");
    }

    private void enroll(String exam, JsonNode... students) {
        List<UUID> ids = Arrays.stream(students).map(StudentErasureTest::id).toList();
        Response enrolled = http.admin("POST", "/api/v1/exams/" + exam + "/roster", Http.json(Map.of("studentIds", ids)));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
    }

    private void uploadPhoto(UUID id) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Response uploaded = http.send("PUT", "/api/v1/students/" + id + "/photo",
                Map.of("Authorization", Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD),
                        "Content-Type", "image/png"), png.toByteArray());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    }

    private String verificationId(String exam, JsonNode student) {
        JsonNode answer = http.webhook(Fixtures.verifyBody(exam, 0, number(student), 1, PASSWORD)).json();
        assertThat(answer.has("metadata")).as(answer.toString()).isTrue();
        return answer.get("metadata").get("data").get("verificationId").stringValue();
    }

    private Map<String, Object> attempt(String verificationId) {
        return jdbc.sql("select * from verification_attempt where id = ?").param(UUID.fromString(verificationId))
                .query().singleRow();
    }

    private int count(String table, UUID studentId) {
        return count(table, "student_id", studentId);
    }

    private int count(String table, String column, UUID studentId) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(studentId)
                .query(Integer.class).single();
    }

    private static UUID id(JsonNode student) {
        return UUID.fromString(student.get("id").stringValue());
    }

    private static String number(JsonNode student) {
        return student.get("studentNumber").stringValue();
    }
}
