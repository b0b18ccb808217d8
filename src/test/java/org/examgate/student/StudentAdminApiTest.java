package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import tools.jackson.databind.JsonNode;

@ExamgateTest
class StudentAdminApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    /** The contract's sample create body (samples/webhook/student.json), as staff would send it. */
    private static final String SAMPLE_CREATE_BODY = """
            {
              "studentNumber": "U2024/0042",
              "matricNumber": "CSC/2024/042",
              "email": "ada.obi@uni.example",
              "fullName": "Ada Obi",
              "about": "BSc Computer Science, year 2",
              "status": "ACTIVE",
              "password": "correct horse battery staple",
              "attributes": {"faculty": "Science", "level": 200}
            }
            """;

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createAnswers201WithLocationAndTheStudentAsTheContractShowsIt() {
        Map<String, Object> body = studentBody();

        Response created = http.admin("POST", "/api/v1/students", Http.json(body));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode student = created.json();
        String id = student.get("id").stringValue();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.header("Location")).endsWith("/api/v1/students/" + id);
        assertThat(student.get("studentNumber").stringValue()).isEqualTo(body.get("studentNumber"));
        assertThat(student.get("matricNumber").stringValue()).isEqualTo(body.get("matricNumber"));
        assertThat(student.get("email").stringValue()).isEqualTo(body.get("email"));
        assertThat(student.get("fullName").stringValue()).isEqualTo("Ada Obi");
        assertThat(student.get("about").stringValue()).isEqualTo("BSc Computer Science, year 2");
        assertThat(student.get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(student.has("photoUrl")).as("photoUrl is shown, as null").isTrue();
        assertThat(student.get("photoUrl").isNull()).isTrue();
        assertThat(student.get("hasPhoto").booleanValue()).isFalse();
        assertThat(student.get("hasPassword").booleanValue()).isTrue();
        assertThat(student.get("attributes").get("faculty").stringValue()).isEqualTo("Science");
        assertThat(student.get("attributes").get("level").intValue()).isEqualTo(200);
        assertIsoUtcInstant(student.get("createdAt").stringValue());
        assertIsoUtcInstant(student.get("updatedAt").stringValue());
        assertThat(student.get("updatedAt")).as("a new student was last updated when created")
                .isEqualTo(student.get("createdAt"));
        assertThat(propertyNames(student)).containsExactlyInAnyOrder("id", "studentNumber", "matricNumber", "email",
                "fullName", "about", "status", "photoUrl", "hasPhoto", "hasPassword", "attributes", "createdAt",
                "updatedAt");
        assertNoPasswordShown(created);
    }

    @Test
    void theSampleCreateBodyOfTheContractIsAccepted() {
        String sample = SAMPLE_CREATE_BODY
                .replace("U2024/0042", "U2024/" + fragment())
                .replace("CSC/2024/042", "CSC/2024/" + fragment())
                .replace("ada.obi@uni.example", fragment() + ".ada.obi@uni.example");

        Response created = http.admin("POST", "/api/v1/students", sample);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("hasPassword").booleanValue()).isTrue();
        assertNoPasswordShown(created);
    }

    @Test
    void aStudentCreatedWithoutPasswordHasNoPassword() {
        Map<String, Object> body = studentBody();
        body.remove("password");

        Response created = http.admin("POST", "/api/v1/students", Http.json(body));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("hasPassword").booleanValue()).isFalse();
    }

    @Test
    void onlyStudentNumberAndFullNameAreRequiredAndTheStatusDefaultsToActive() {
        String number = "U" + fragment();

        Response created = http.admin("POST", "/api/v1/students",
                Http.json(Map.of("studentNumber", number, "fullName", "Grace Hopper")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode student = created.json();
        assertThat(student.get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(student.get("matricNumber").isNull()).isTrue();
        assertThat(student.get("email").isNull()).isTrue();
        assertThat(student.get("attributes").isObject()).isTrue();
        assertThat(student.get("attributes").isEmpty()).isTrue();
        assertThat(student.get("hasPassword").booleanValue()).isFalse();
    }

    @Test
    void readShowsWhatCreateAnswered() {
        Response created = create(studentBody());
        String id = created.json().get("id").stringValue();

        Response read = http.admin("GET", "/api/v1/students/" + id, null);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
        assertNoPasswordShown(read);
    }

    @Test
    void putReplacesTheStudentAndKeepsThePasswordWhenNoneIsGiven() {
        Map<String, Object> body = studentBody();
        Response created = create(body);
        String id = created.json().get("id").stringValue();
        String hashBefore = storedHash(id);

        Map<String, Object> update = new LinkedHashMap<>();
        update.put("studentNumber", body.get("studentNumber") + "-B");
        update.put("fullName", "Ada Lovelace");
        update.put("email", "new." + body.get("email"));
        update.put("status", "SUSPENDED");
        update.put("photoUrl", "https://photos.uni.example/ada.jpg");
        update.put("attributes", Map.of("faculty", "Engineering"));
        Response updated = http.admin("PUT", "/api/v1/students/" + id, Http.json(update));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode student = updated.json();
        assertThat(student.get("id").stringValue()).isEqualTo(id);
        assertThat(student.get("studentNumber").stringValue()).isEqualTo(body.get("studentNumber") + "-B");
        assertThat(student.get("fullName").stringValue()).isEqualTo("Ada Lovelace");
        assertThat(student.get("email").stringValue()).isEqualTo("new." + body.get("email"));
        assertThat(student.get("status").stringValue()).isEqualTo("SUSPENDED");
        assertThat(student.get("photoUrl").stringValue()).isEqualTo("https://photos.uni.example/ada.jpg");
        assertThat(student.get("matricNumber").isNull()).as("PUT replaces: an absent field is cleared").isTrue();
        assertThat(student.get("about").isNull()).isTrue();
        assertThat(propertyNames(student.get("attributes"))).containsExactly("faculty");
        assertThat(student.get("attributes").get("faculty").stringValue()).isEqualTo("Engineering");
        assertThat(student.get("createdAt")).isEqualTo(created.json().get("createdAt"));
        assertThat(Instant.parse(student.get("updatedAt").stringValue()))
                .isAfterOrEqualTo(Instant.parse(created.json().get("updatedAt").stringValue()));
        assertThat(student.get("hasPassword").booleanValue()).isTrue();
        assertThat(storedHash(id)).isEqualTo(hashBefore);
        assertNoPasswordShown(updated);
        assertThat(http.admin("GET", "/api/v1/students/" + id, null).json()).isEqualTo(student);
    }

    @Test
    void putWithAPasswordReplacesThePassword() {
        Map<String, Object> body = studentBody();
        String id = create(body).json().get("id").stringValue();
        body.put("password", "a brand new password");

        Response updated = http.admin("PUT", "/api/v1/students/" + id, Http.json(body));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertNoPasswordShown(updated);
        assertVerifies(body.get("studentNumber"), "a brand new password");
        assertRefused(body.get("studentNumber"), PASSWORD);
    }

    @Test
    void deleteAnswers204AndTheStudentIsGone() {
        String id = create(studentBody()).json().get("id").stringValue();

        Response deleted = http.admin("DELETE", "/api/v1/students/" + id, null);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        Response read = http.admin("GET", "/api/v1/students/" + id, null);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(http.admin("DELETE", "/api/v1/students/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void aDeletedStudentCanNoLongerBeVerified() {
        Map<String, Object> body = studentBody();
        String id = create(body).json().get("id").stringValue();
        assertVerifies(body.get("studentNumber"), PASSWORD);

        assertThat(http.admin("DELETE", "/api/v1/students/" + id, null).status()).isEqualTo(204);

        assertRefused(body.get("studentNumber"), PASSWORD);
    }

    @Test
    void settingAPasswordAnswers204AndTheNewPasswordVerifiesThroughTheWebhook() {
        Map<String, Object> body = studentBody();
        body.remove("password");
        String id = create(body).json().get("id").stringValue();
        assertRefused(body.get("studentNumber"), "the new password");

        Response set = http.admin("PUT", "/api/v1/students/" + id + "/password",
                Http.json(Map.of("password", "the new password")));

        assertThat(set.status()).as(set.toString()).isEqualTo(204);
        assertThat(set.body()).isEmpty();
        assertVerifies(body.get("studentNumber"), "the new password");
        assertThat(http.admin("GET", "/api/v1/students/" + id, null).json().get("hasPassword").booleanValue())
                .isTrue();
    }

    @Test
    void afterAPasswordChangeTheOldPasswordNoLongerVerifies() {
        Map<String, Object> body = studentBody();
        String id = create(body).json().get("id").stringValue();
        assertVerifies(body.get("studentNumber"), PASSWORD);

        assertThat(http.admin("PUT", "/api/v1/students/" + id + "/password",
                Http.json(Map.of("password", "changed password"))).status()).isEqualTo(204);

        assertRefused(body.get("studentNumber"), PASSWORD);
        assertVerifies(body.get("studentNumber"), "changed password");
    }

    @Test
    void aBcryptHashFromAnotherSystemIsStoredAsGivenAndVerifies() {
        Map<String, Object> body = studentBody();
        body.remove("password");
        String id = create(body).json().get("id").stringValue();
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("imported password");

        Response set = http.admin("PUT", "/api/v1/students/" + id + "/password", Http.json(Map.of("passwordHash", hash)));

        assertThat(set.status()).as(set.toString()).isEqualTo(204);
        assertThat(storedHash(id)).isEqualTo(hash);
        assertVerifies(body.get("studentNumber"), "imported password");
    }

    @Test
    void aStudentCanBeCreatedWithABcryptHash() {
        Map<String, Object> body = studentBody();
        body.remove("password");
        body.put("passwordHash", "{bcrypt}" + new BCryptPasswordEncoder().encode("imported on create"));

        Response created = create(body);

        assertThat(created.json().get("hasPassword").booleanValue()).isTrue();
        assertNoPasswordShown(created);
        assertVerifies(body.get("studentNumber"), "imported on create");
    }

    @Test
    void aHashInAnUnsupportedFormIsRejectedWith400() {
        String id = create(studentBody()).json().get("id").stringValue();
        String hashBefore = storedHash(id);

        for (String unsupported : List.of("{md5}abc", "plain", "{noop}secret", "{bcrypt}", "{}abc",
                "$2a$10$" + "a".repeat(53))) {
            Response set = http.admin("PUT", "/api/v1/students/" + id + "/password",
                    Http.json(Map.of("passwordHash", unsupported)));

            assertThat(set.status()).as(unsupported + " -> " + set).isEqualTo(400);
            assertThat(set.contentType()).startsWith("application/problem+json");
            assertThat(set.json().get("status").intValue()).isEqualTo(400);
        }
        assertThat(storedHash(id)).isEqualTo(hashBefore);
    }

    @Test
    void aMalformedHashOfASupportedKindIsRejectedWith400() {
        String id = create(studentBody()).json().get("id").stringValue();
        String hashBefore = storedHash(id);

        for (String malformed : List.of("{bcrypt}not-a-bcrypt-hash", "{bcrypt}$2a$10$tooshort",
                "{argon2}not-an-argon2-hash", "{pbkdf2}zz-not-hex", "{pbkdf2}abcd",
                "{pbkdf2@SpringSecurity_v5_8}0123456789abcdef")) {
            Response set = http.admin("PUT", "/api/v1/students/" + id + "/password",
                    Http.json(Map.of("passwordHash", malformed)));

            assertThat(set.status()).as(malformed + " -> " + set).isEqualTo(400);
            assertThat(set.contentType()).startsWith("application/problem+json");
        }
        assertThat(storedHash(id)).isEqualTo(hashBefore);
    }

    @Test
    void argon2AndPbkdf2HashesFromAnotherSystemAreAcceptedAndVerify() {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("argon2 password", "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                .encode("argon2 password"));
        hashes.put("pbkdf2 password", "{pbkdf2}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5()
                .encode("pbkdf2 password"));
        hashes.put("pbkdf2 v5.8 password", "{pbkdf2@SpringSecurity_v5_8}"
                + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("pbkdf2 v5.8 password"));

        hashes.forEach((password, hash) -> {
            Map<String, Object> body = studentBody();
            body.remove("password");
            String id = create(body).json().get("id").stringValue();

            Response set = http.admin("PUT", "/api/v1/students/" + id + "/password",
                    Http.json(Map.of("passwordHash", hash)));

            assertThat(set.status()).as(hash + " -> " + set).isEqualTo(204);
            assertVerifies(body.get("studentNumber"), password);
        });
    }

    @Test
    void anUnsupportedHashIsRejectedOnCreateAndNothingIsStored() {
        Map<String, Object> body = studentBody();
        body.remove("password");
        body.put("passwordHash", "{md5}abc");

        Response created = http.admin("POST", "/api/v1/students", Http.json(body));

        assertThat(created.status()).as(created.toString()).isEqualTo(400);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from student where student_number = ?")
                .param(body.get("studentNumber")).query(Long.class).single()).isZero();
    }

    @Test
    void givingBothPasswordAndPasswordHashIsRejectedWith400() {
        Map<String, Object> body = studentBody();
        String id = create(body).json().get("id").stringValue();
        String hashBefore = storedHash(id);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("other");

        Response set = http.admin("PUT", "/api/v1/students/" + id + "/password",
                Http.json(Map.of("password", "other", "passwordHash", hash)));
        body.put("passwordHash", hash);
        Response created = http.admin("POST", "/api/v1/students", Http.json(studentBodyWith(body)));

        assertThat(set.status()).as(set.toString()).isEqualTo(400);
        assertThat(set.contentType()).startsWith("application/problem+json");
        assertThat(created.status()).as(created.toString()).isEqualTo(400);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(storedHash(id)).isEqualTo(hashBefore);
    }

    @Test
    void settingAPasswordWithNeitherPasswordNorHashIsRejectedWith400() {
        String id = create(studentBody()).json().get("id").stringValue();

        Response set = http.admin("PUT", "/api/v1/students/" + id + "/password", "{}");

        assertThat(set.status()).as(set.toString()).isEqualTo(400);
        assertThat(set.contentType()).startsWith("application/problem+json");
    }

    @Test
    void settingThePasswordOfAnUnknownStudentAnswers404() {
        Response set = http.admin("PUT", "/api/v1/students/" + UUID.randomUUID() + "/password",
                Http.json(Map.of("password", "whatever")));

        assertThat(set.status()).as(set.toString()).isEqualTo(404);
        assertThat(set.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPasswordIsStoredOnlyAsABcryptHashNeverAsPlainText() {
        Map<String, Object> body = studentBody();
        String id = create(body).json().get("id").stringValue();
        http.admin("PUT", "/api/v1/students/" + id + "/password", Http.json(Map.of("password", "set later")));

        String stored = storedHash(id);

        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("set later");
        assertThat(new BCryptPasswordEncoder().matches("set later", stored.substring("{bcrypt}".length()))).isTrue();
        String row = jdbc.sql("select * from student where id = ?").param(UUID.fromString(id)).query().singleRow()
                .toString();
        assertThat(row).doesNotContain("set later").doesNotContain(PASSWORD);
    }

    @Test
    void aPasswordGivenOnCreateIsStoredAsABcryptHash() {
        Map<String, Object> body = studentBody();

        String id = create(body).json().get("id").stringValue();

        assertThat(storedHash(id)).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }

    @Test
    void theSamePasswordGetsADifferentSaltedHashForEachStudent() {
        String first = create(studentBody()).json().get("id").stringValue();
        String second = create(studentBody()).json().get("id").stringValue();

        assertThat(storedHash(first)).isNotEqualTo(storedHash(second));
    }

    private Response create(Map<String, Object> body) {
        Response created = http.admin("POST", "/api/v1/students", Http.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private String storedHash(String id) {
        return jdbc.sql("select password_hash from student where id = ?").param(UUID.fromString(id))
                .query(String.class).optional().orElse(null);
    }

    private void assertVerifies(Object studentNumber, String password) {
        JsonNode answer = http.webhook(verifyBody(studentNumber, password)).json();
        assertThat(answer.has("errorMessage")).as(answer.toString()).isFalse();
        assertThat(answer.get("metadata").get("data").get("studentNumber").stringValue()).isEqualTo(studentNumber);
    }

    private void assertRefused(Object studentNumber, String password) {
        JsonNode answer = http.webhook(verifyBody(studentNumber, password)).json();
        assertThat(answer.has("metadata")).as(answer.toString()).isFalse();
        assertThat(answer.get("errorCode").stringValue()).isEqualTo("invalid_credentials");
    }

    private static String verifyBody(Object identifier, Object password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "verify_respondent");
        body.put("fields", List.of(Map.of("position", 0, "value", identifier), Map.of("position", 1, "value", password)));
        body.put("exam_id", "exam-admin-api");
        body.put("choosenLang", "en");
        return Http.json(body);
    }

    private static void assertNoPasswordShown(Response response) {
        assertThat(response.body()).doesNotContain("\"password\"").doesNotContain("passwordHash")
                .doesNotContain(PASSWORD).doesNotContain("$2a$").doesNotContain("{bcrypt}");
    }

    private static void assertIsoUtcInstant(String text) {
        assertThat(text).endsWith("Z");
        assertThat(Instant.parse(text)).isNotNull();
    }

    private static List<String> propertyNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static Map<String, Object> studentBodyWith(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        String fragment = fragment();
        copy.put("studentNumber", "U" + fragment);
        copy.put("matricNumber", "M-" + fragment);
        copy.put("email", fragment + ".ada.obi@uni.example");
        return copy;
    }

    static Map<String, Object> studentBody() {
        String fragment = fragment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("studentNumber", "U" + fragment);
        body.put("matricNumber", "CSC/" + fragment);
        body.put("email", fragment + ".ada.obi@uni.example");
        body.put("fullName", "Ada Obi");
        body.put("about", "BSc Computer Science, year 2");
        body.put("status", "ACTIVE");
        body.put("password", PASSWORD);
        body.put("attributes", Map.of("faculty", "Science", "level", 200));
        return body;
    }

    private static String fragment() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
