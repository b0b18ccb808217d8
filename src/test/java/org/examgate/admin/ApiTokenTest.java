package org.examgate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
class ApiTokenTest {

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    private JsonNode create(String role, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "script " + UUID.randomUUID());
        body.put("role", role);
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        Response created = http.admin("POST", "/api/v1/api-tokens", Http.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private Response withToken(String token, String method, String path, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return http.send(method, path, headers, json == null ? null : json.getBytes());
    }

    private static void assertUnauthorizedProblem(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private JsonNode listed(String id) {
        return http.admin("GET", "/api/v1/api-tokens?size=500", null).json().get("content").valueStream()
                .filter(token -> token.get("id").stringValue().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void creationShowsTheTokenOnceAndStoresOnlyItsDigest() {
        JsonNode created = create("VIEWER", null);
        String token = created.get("token").stringValue();
        String id = created.get("id").stringValue();

        assertThat(token).matches("egt_[A-Za-z0-9_-]{43}");
        assertThat(created.get("role").stringValue()).isEqualTo("VIEWER");
        String stored = jdbc.sql("select token_hash from api_token where id = ?").param(UUID.fromString(id))
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(token.substring(4));
        assertThat(listed(id).has("token")).isFalse();
    }

    @Test
    void theListNeverShowsATokenOrItsDigest() {
        JsonNode created = create("ADMIN", null);
        String token = created.get("token").stringValue();
        String digest = jdbc.sql("select token_hash from api_token where id = ?")
                .param(UUID.fromString(created.get("id").stringValue())).query(String.class).single();

        Response list = http.admin("GET", "/api/v1/api-tokens?size=500", null);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(token).doesNotContain(token.substring(4)).doesNotContain(digest)
                .doesNotContain("\"token\"").doesNotContain("tokenHash");
        JsonNode entry = listed(created.get("id").stringValue());
        assertThat(entry.get("name").stringValue()).isEqualTo(created.get("name").stringValue());
        assertThat(entry.get("createdAt").isNull()).isFalse();
        assertThat(entry.get("revokedAt").isNull()).isTrue();
    }

    @Test
    void aViewerTokenReadsButMayNotWrite() {
        String token = create("VIEWER", null).get("token").stringValue();

        assertThat(withToken(token, "GET", "/api/v1/students", null).status()).isEqualTo(200);
        Response write = withToken(token, "POST", "/api/v1/students",
                Http.json(Map.of("studentNumber", "T" + UUID.randomUUID().toString().substring(0, 8),
                        "fullName", "Not Created")));
        assertThat(write.status()).as(write.toString()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAdminTokenMayWrite() {
        String token = create("ADMIN", null).get("token").stringValue();

        Response write = withToken(token, "POST", "/api/v1/students",
                Http.json(Map.of("studentNumber", "T" + UUID.randomUUID().toString().substring(0, 8),
                        "fullName", "Created By Script")));

        assertThat(write.status()).as(write.toString()).isEqualTo(201);
    }

    @Test
    void aUsedTokenShowsWhenItWasLastUsed() {
        JsonNode created = create("VIEWER", null);
        assertThat(listed(created.get("id").stringValue()).get("lastUsedAt").isNull()).isTrue();

        withToken(created.get("token").stringValue(), "GET", "/api/v1/students", null);

        assertThat(listed(created.get("id").stringValue()).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void aRevokedTokenIsUnauthorized() {
        JsonNode created = create("ADMIN", null);
        String token = created.get("token").stringValue();
        assertThat(withToken(token, "GET", "/api/v1/students", null).status()).isEqualTo(200);

        assertThat(http.admin("DELETE", "/api/v1/api-tokens/" + created.get("id").stringValue(), null).status())
                .isEqualTo(204);

        assertUnauthorizedProblem(withToken(token, "GET", "/api/v1/students", null));
        assertThat(listed(created.get("id").stringValue()).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        JsonNode created = create("ADMIN", Instant.now().plus(1, ChronoUnit.DAYS));
        String token = created.get("token").stringValue();
        assertThat(withToken(token, "GET", "/api/v1/students", null).status()).isEqualTo(200);
        // Expiry is moved into the past in the database, rather than waiting for it.
        jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where id = ?")
                .param(UUID.fromString(created.get("id").stringValue())).update();

        assertUnauthorizedProblem(withToken(token, "GET", "/api/v1/students", null));
    }

    @Test
    void anUnknownOrMalformedTokenIsUnauthorized() {
        String token = create("ADMIN", null).get("token").stringValue();
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertUnauthorizedProblem(withToken(altered, "GET", "/api/v1/students", null));
        assertUnauthorizedProblem(withToken("not-a-token", "GET", "/api/v1/students", null));
        assertUnauthorizedProblem(withToken("", "GET", "/api/v1/students", null));
    }

    @Test
    void aViewerTokenReadsTheMetricsAndTheHealthDetails() {
        String token = create("VIEWER", null).get("token").stringValue();

        Response metrics = withToken(token, "GET", "/actuator/prometheus", null);
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        assertThat(metrics.body()).contains("examgate_verification_hash_queue");
        Response health = withToken(token, "GET", "/actuator/health", null);
        assertThat(health.json().has("components")).as(health.toString()).isTrue();
        assertUnauthorizedProblem(withToken("egt_" + "A".repeat(43), "GET", "/actuator/prometheus", null));
    }

    @Test
    void aTokenNeverOpensTheWebhook() {
        String token = create("ADMIN", null).get("token").stringValue();
        String notification = "{\"event\":\"result_ready\",\"exam_id\":\"e\",\"respondent_id\":\"r\"}";
        Map<String, String> bearer = new LinkedHashMap<>();
        bearer.put("Authorization", "Bearer " + token);
        bearer.put("Content-Type", "application/json");
        Map<String, String> asClientSecret = new LinkedHashMap<>();
        asClientSecret.put("x-client-id", TestCredentials.CLIENT_ID);
        asClientSecret.put("x-client-secret", token);

        for (Map<String, String> headers : List.of(bearer, asClientSecret)) {
            Response response = http.webhook(headers, notification);
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.json().propertyNames()).containsExactly("errorMessage");
            assertThat(response.json().get("errorMessage").stringValue()).isEqualTo("unauthorized");
        }
    }

    @Test
    void aTokenCannotBeCreatedAlreadyExpiredOrWithoutARole() {
        Response past = http.admin("POST", "/api/v1/api-tokens", Http.json(Map.of("name", "late", "role", "ADMIN",
                "expiresAt", "2020-01-01T00:00:00Z")));
        Response roleless = http.admin("POST", "/api/v1/api-tokens", Http.json(Map.of("name", "nameless")));

        assertThat(past.status()).as(past.toString()).isEqualTo(400);
        assertThat(roleless.status()).as(roleless.toString()).isEqualTo(400);
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        Response response = http.admin("DELETE", "/api/v1/api-tokens/" + UUID.randomUUID(), null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
