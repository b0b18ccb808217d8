package org.examgate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExamgateTest
class StaffAccountApiTest {

    private static final String PASSWORD = "a staff password of some length";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    private static String uniqueUsername(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode create(String username, String role) {
        Response created = http.admin("POST", "/api/v1/staff",
                Http.json(Map.of("username", username, "password", PASSWORD, "role", role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAdminCreatesReadsListsChangesAndDeletesAStaffAccount() {
        String username = uniqueUsername("clerk");

        JsonNode created = create(username, "VIEWER");
        String id = created.get("id").stringValue();
        assertThat(created.get("username").stringValue()).isEqualTo(username);
        assertThat(created.get("role").stringValue()).isEqualTo("VIEWER");
        assertThat(created.get("enabled").booleanValue()).isTrue();

        assertThat(http.admin("GET", "/api/v1/staff/" + id, null).json().get("username").stringValue())
                .isEqualTo(username);
        Response list = http.admin("GET", "/api/v1/staff?size=500", null);
        assertThat(list.json().get("content").valueStream().map(account -> account.get("id").stringValue()))
                .contains(id);
        assertThat(list.json().get("page").get("size").intValue()).isEqualTo(500);

        Response promoted = http.admin("PATCH", "/api/v1/staff/" + id, Http.json(Map.of("role", "ADMIN")));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.json().get("role").stringValue()).isEqualTo("ADMIN");

        Response disabled = http.admin("PATCH", "/api/v1/staff/" + id, Http.json(Map.of("enabled", false)));
        assertThat(disabled.json().get("enabled").booleanValue()).isFalse();
        assertThat(disabled.json().get("role").stringValue()).as("left out, so unchanged").isEqualTo("ADMIN");

        assertThat(http.admin("DELETE", "/api/v1/staff/" + id, null).status()).isEqualTo(204);
        assertProblem(http.admin("GET", "/api/v1/staff/" + id, null), 404);
        assertProblem(http.admin("DELETE", "/api/v1/staff/" + id, null), 404);
    }

    @Test
    void theNewAccountCanSignInAndNoAnswerShowsThePasswordOrItsHash() {
        String username = uniqueUsername("reader");
        String id = create(username, "VIEWER").get("id").stringValue();

        Response read = http.asUser(username, PASSWORD, "GET", "/api/v1/staff/" + id, null);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(PASSWORD).doesNotContain("password").doesNotContain("{bcrypt}");
        assertThat(http.admin("GET", "/api/v1/staff?size=500", null).body())
                .doesNotContain("password").doesNotContain("{bcrypt}");
    }

    @Test
    void aChangedPasswordReplacesTheOldOne() {
        String username = uniqueUsername("changer");
        String id = create(username, "VIEWER").get("id").stringValue();
        String newPassword = "an entirely new staff password";

        Response changed = http.admin("PATCH", "/api/v1/staff/" + id, Http.json(Map.of("password", newPassword)));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body()).doesNotContain(newPassword);
        assertThat(http.asUser(username, newPassword, "GET", "/api/v1/staff", null).status()).isEqualTo(200);
        assertProblem(http.asUser(username, PASSWORD, "GET", "/api/v1/staff", null), 401);
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        String username = uniqueUsername("leaver");
        String id = create(username, "VIEWER").get("id").stringValue();

        http.admin("PATCH", "/api/v1/staff/" + id, Http.json(Map.of("enabled", false)));

        assertProblem(http.asUser(username, PASSWORD, "GET", "/api/v1/staff", null), 401);
    }

    @Test
    void aUsernameTakenInAnyCaseIsAConflict() {
        String username = uniqueUsername("Twin");
        create(username, "VIEWER");

        Response duplicate = http.admin("POST", "/api/v1/staff",
                Http.json(Map.of("username", username.toUpperCase(), "password", PASSWORD, "role", "ADMIN")));

        assertProblem(duplicate, 409);
        assertThat(duplicate.json().get("field").stringValue()).isEqualTo("username");
    }

    @Test
    void invalidAccountsAreRefusedWithTheirFieldsNamed() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "a b");
        body.put("password", "too short");
        body.put("role", "VIEWER");

        Response refused = http.admin("POST", "/api/v1/staff", Http.json(body));

        assertProblem(refused, 400);
        assertThat(refused.json().get("errors").valueStream().map(error -> error.get("field").stringValue()))
                .contains("username", "password");
        assertThat(refused.body()).doesNotContain("too short");
        assertProblem(http.admin("POST", "/api/v1/staff", Http.json(Map.of("username", uniqueUsername("x"),
                "password", PASSWORD, "role", "OWNER"))), 400);
        assertProblem(http.admin("POST", "/api/v1/staff", Http.json(Map.of("username", "ab",
                "password", PASSWORD, "role", "VIEWER"))), 400);
    }

    @Test
    void anEmptyChangeIsABadRequest() {
        String id = create(uniqueUsername("idle"), "VIEWER").get("id").stringValue();

        assertProblem(http.admin("PATCH", "/api/v1/staff/" + id, "{}"), 400);
    }

    @Test
    void theLastEnabledAdminCannotBeDeletedDisabledOrDemoted() {
        List<String> disabled = new ArrayList<>();
        String onlyAdmin = adminWhileEveryOtherAdminIsDisabled(disabled);
        try {
            assertProblem(http.admin("DELETE", "/api/v1/staff/" + onlyAdmin, null), 409);
            assertProblem(http.admin("PATCH", "/api/v1/staff/" + onlyAdmin, Http.json(Map.of("enabled", false))), 409);
            assertProblem(http.admin("PATCH", "/api/v1/staff/" + onlyAdmin, Http.json(Map.of("role", "VIEWER"))), 409);

            JsonNode still = http.admin("GET", "/api/v1/staff/" + onlyAdmin, null).json();
            assertThat(still.get("role").stringValue()).isEqualTo("ADMIN");
            assertThat(still.get("enabled").booleanValue()).isTrue();
        } finally {
            // Should a refusal ever fail, the shared test admin is made whole again for the other tests.
            jdbc.sql("update staff_account set role = 'ADMIN', enabled = true where cast(id as varchar) = ?")
                    .param(onlyAdmin).update();
            enableAgain(disabled);
        }
    }

    @Test
    void anAdminCanBeDemotedWhileAnotherEnabledAdminRemains() {
        String second = create(uniqueUsername("deputy"), "ADMIN").get("id").stringValue();

        Response demoted = http.admin("PATCH", "/api/v1/staff/" + second, Http.json(Map.of("role", "VIEWER")));

        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
        assertThat(demoted.json().get("role").stringValue()).isEqualTo("VIEWER");
    }

    @Test
    void aViewerCanReadButGetsForbiddenOnEveryWrite() {
        String username = uniqueUsername("auditor");
        String id = create(username, "VIEWER").get("id").stringValue();

        assertThat(http.asUser(username, PASSWORD, "GET", "/api/v1/students", null).status()).isEqualTo(200);
        assertThat(http.asUser(username, PASSWORD, "GET", "/api/v1/staff", null).status()).isEqualTo(200);
        String student = Http.json(Map.of("studentNumber", "V" + id.substring(0, 8), "fullName", "Not Created"));
        String account = Http.json(Map.of("username", uniqueUsername("nobody"), "password", PASSWORD, "role", "ADMIN"));
        List<String[]> writes = List.of(
                new String[] {"POST", "/api/v1/students", student},
                new String[] {"PUT", "/api/v1/students/" + UUID.randomUUID(), student},
                new String[] {"DELETE", "/api/v1/students/" + UUID.randomUUID(), null},
                new String[] {"POST", "/api/v1/staff", account},
                new String[] {"PUT", "/api/v1/staff/" + id, Http.json(Map.of("role", "ADMIN"))},
                new String[] {"PATCH", "/api/v1/staff/" + id, Http.json(Map.of("role", "ADMIN"))},
                new String[] {"DELETE", "/api/v1/staff/" + id, null});
        for (String[] write : writes) {
            assertProblem(http.asUser(username, PASSWORD, write[0], write[1], write[2]), 403);
        }
        assertThat(http.admin("GET", "/api/v1/staff/" + id, null).json().get("role").stringValue()).isEqualTo("VIEWER");
    }

    @Test
    void withoutCredentialsTheStaffApiAnswersUnauthorized() {
        assertProblem(http.send("GET", "/api/v1/staff", Map.of(), null), 401);
    }

    /**
     * Leaves the test admin as the only enabled admin. Other tests sharing the application may have
     * created admins: they are disabled directly in the database for this test and enabled afterwards.
     */
    private String adminWhileEveryOtherAdminIsDisabled(List<String> disabled) {
        String self = jdbc.sql("select cast(id as varchar) from staff_account where lower(username) = lower(?)")
                .param(TestCredentials.ADMIN_USERNAME).query(String.class).single();
        disabled.addAll(jdbc.sql("""
                update staff_account set enabled = false
                 where role = 'ADMIN' and enabled and cast(id as varchar) <> ?
                returning cast(id as varchar)
                """).param(self).query(String.class).list());
        return self;
    }

    private void enableAgain(List<String> disabled) {
        for (String id : disabled) {
            jdbc.sql("update staff_account set enabled = true where cast(id as varchar) = ?").param(id).update();
        }
    }
}
