package org.examgate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExamgateTest
class AdminAuthenticationTest {

    private static final String STUDENTS = "/api/v1/students";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noCredentialsAre401ProblemWithABasicChallenge() {
        Response response = http.send("GET", STUDENTS, Map.of(), null);

        assertUnauthorized(response);
    }

    @Test
    void aWrongPasswordIs401() {
        Response response = http.asUser(TestCredentials.ADMIN_USERNAME, "not-the-admin-password", "GET", STUDENTS,
                null);

        assertUnauthorized(response);
    }

    @Test
    void anUnknownUserGetsExactlyTheAnswerOfAWrongPassword() {
        Response wrongPassword = http.asUser(TestCredentials.ADMIN_USERNAME, "not-the-admin-password", "GET",
                STUDENTS, null);
        Response unknownUser = http.asUser("nobody-" + UUID.randomUUID(), TestCredentials.ADMIN_PASSWORD, "GET",
                STUDENTS, null);
        Response noCredentials = http.send("GET", STUDENTS, Map.of(), null);

        assertUnauthorized(unknownUser);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body()).isEqualTo(noCredentials.body());
        assertThat(unknownUser.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
        for (Response response : List.of(wrongPassword, unknownUser)) {
            assertThat(response.body()).doesNotContainIgnoringCase("bad credentials")
                    .doesNotContainIgnoringCase("not found").doesNotContainIgnoringCase("unknown")
                    .doesNotContainIgnoringCase("wrong").doesNotContainIgnoringCase("incorrect")
                    .doesNotContain(TestCredentials.ADMIN_USERNAME);
        }
    }

    @Test
    void aMalformedAuthorizationHeaderIs401NotAnError() {
        for (String header : List.of("Basic !!!not-base64", "Basic " + "bm9jb2xvbg==", "Bearer not-a-token",
                "Digest username=\"registrar\"")) {
            Response response = http.send("GET", STUDENTS, Map.of("Authorization", header), null);

            assertUnauthorized(response);
        }
    }

    @Test
    void writesNeedCredentialsToo() {
        Response response = http.send("POST", STUDENTS, Map.of("Content-Type", "application/json"),
                Http.json(Map.of("studentNumber", "U-anon-" + UUID.randomUUID(), "fullName", "Anon")).getBytes());

        assertUnauthorized(response);
    }

    @Test
    void anUnknownApiPathIs401BeforeItIs404() {
        assertUnauthorized(http.send("GET", "/api/v1/no-such-resource", Map.of(), null));
    }

    @Test
    void theAdminGetsInWithoutASessionCookie() {
        Response response = http.admin("GET", STUDENTS + "?size=1", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void webhookClientCredentialsDoNotOpenTheAdminApi() {
        Response asBasic = http.asUser(TestCredentials.CLIENT_ID, TestCredentials.CLIENT_SECRET, "GET", STUDENTS,
                null);
        Response asHeaders = http.send("GET", STUDENTS, Map.of("x-client-id", TestCredentials.CLIENT_ID,
                "x-client-secret", TestCredentials.CLIENT_SECRET), null);

        assertUnauthorized(asBasic);
        assertUnauthorized(asHeaders);
    }

    @Test
    void adminCredentialsDoNotPassTheWebhookCheck() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-client-id", TestCredentials.ADMIN_USERNAME);
        headers.put("x-client-secret", TestCredentials.ADMIN_PASSWORD);
        headers.put("Authorization", Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD));
        headers.put("Content-Type", "application/json");

        Response response = http.webhook(headers, "{\"event\":\"result_ready\",\"respondent_id\":\"r-1\","
                + "\"exam_id\":\"exam-auth\"}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json())
                .isEqualTo(JsonMapper.builder().build().readTree("{\"errorMessage\":\"unauthorized\"}"));
    }

    @Test
    void aViewerMayReadButNotWrite() {
        String username = "viewer-" + UUID.randomUUID();
        staffAccount(username, "viewer-password", "VIEWER", true);

        Response read = http.asUser(username, "viewer-password", "GET", STUDENTS + "?size=1", null);
        Response write = http.asUser(username, "viewer-password", "POST", STUDENTS,
                Http.json(Map.of("studentNumber", "U-viewer-" + UUID.randomUUID(), "fullName", "Not Created")));
        Response delete = http.asUser(username, "viewer-password", "DELETE", STUDENTS + "/" + UUID.randomUUID(), null);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        for (Response forbidden : List.of(write, delete)) {
            assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
            assertThat(forbidden.contentType()).startsWith("application/problem+json");
            assertThat(forbidden.json().get("status").intValue()).isEqualTo(403);
        }
    }

    @Test
    void aDisabledStaffAccountIsRefused() {
        String username = "disabled-" + UUID.randomUUID();
        staffAccount(username, "disabled-password", "ADMIN", false);

        assertUnauthorized(http.asUser(username, "disabled-password", "GET", STUDENTS, null));
    }

    @Test
    void theErrorPageAskedForDirectlyIsRefusedNotAServerError() {
        assertUnauthorized(http.send("GET", "/error", Map.of(), null));
        Response asAdmin = http.admin("GET", "/error", null);
        assertThat(asAdmin.status()).as(asAdmin.toString()).isEqualTo(403);
        assertThat(asAdmin.contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthAnswersWithoutAuthenticationAndShowsNoDetails() {
        Response response = http.send("GET", "/actuator/health", Map.of(), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("status").stringValue()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
        assertThat(health.has("details")).isFalse();
        assertThat(response.body()).doesNotContain("PostgreSQL").doesNotContain("diskSpace")
                .doesNotContain("/work");
    }

    @Test
    void theOpenApiDescriptionAnswersWithoutAuthenticationAndListsTheStudentsApi() {
        Response response = http.send("GET", "/v3/api-docs", Map.of(), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode paths = response.json().get("paths");
        assertThat(paths.has("/api/v1/students")).isTrue();
        assertThat(paths.get("/api/v1/students").has("get")).isTrue();
        assertThat(paths.get("/api/v1/students").has("post")).isTrue();
        assertThat(paths.has("/api/v1/students/{id}")).isTrue();
        assertThat(paths.has("/api/v1/students/{id}/password")).isTrue();
        assertThat(paths.has("/webhooks/examjoint")).as("the webhook is the platform's, not the API's").isFalse();
        JsonNode schemas = response.json().get("components").get("schemas");
        assertThat(schemas.get("StudentRequest").get("properties").get("password").get("writeOnly").booleanValue())
                .isTrue();
        assertThat(schemas.get("StudentResponse").get("properties").has("password")).isFalse();
        assertThat(schemas.get("StudentResponse").get("properties").has("passwordHash")).isFalse();
    }

    @Test
    void theApiIsBrowsableWithoutAuthentication() {
        Response redirect = http.send("GET", "/swagger-ui.html", Map.of(), null);
        Response page = http.send("GET", "/swagger-ui/index.html", Map.of(), null);

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).endsWith("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
    }

    private void staffAccount(String username, String password, String role, boolean enabled) {
        jdbc.sql("insert into staff_account (id, username, password_hash, role, enabled, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), username, "{bcrypt}" + new BCryptPasswordEncoder().encode(password), role,
                        enabled, java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()))
                .update();
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        // A bad bearer token is challenged for a token; everything else for HTTP Basic.
        assertThat(response.header("WWW-Authenticate")).matches("(Basic realm=|Bearer ).*");
        assertThat(response.header("Set-Cookie")).isNull();
        JsonNode problem = response.json();
        assertThat(problem.get("status").intValue()).isEqualTo(401);
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    }
}
