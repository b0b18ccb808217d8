package org.examgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.examgate.credential.Secrets;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@ExamgateTest
class WebhookClientApiTest {

    private static final String PATH = "/api/v1/webhook-clients";
    private static final String NOTIFICATION = "{\"event\":\"something_new\",\"exam_id\":\"e-clients\"}";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookClientUsage usage;

    @Value("${local.server.port}")
    int port;

    private static String uniqueClientId() {
        return "examjoint-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private JsonNode create(String clientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("description", "test client");
        Response created = http.admin("POST", PATH, Http.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private int webhookStatus(String clientId, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-client-id", clientId);
        headers.put("x-client-secret", secret);
        headers.put("Content-Type", "application/json");
        return http.webhook(headers, NOTIFICATION).status();
    }

    private static String secret(JsonNode created) {
        return created.get("secret").stringValue();
    }

    private static String id(JsonNode created) {
        return created.get("id").stringValue();
    }

    @Test
    void creationShowsTheSecretOnceWithNoStoreAndTheSecretWorksAtTheWebhook() throws Exception {
        String clientId = uniqueClientId();
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + PATH))
                .header("Authorization", Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.json(Map.of("clientId", clientId))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(raw.statusCode()).isEqualTo(201);
        assertThat(raw.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        JsonNode created = new Response(raw.statusCode(), "", raw.body()).json();
        assertThat(raw.headers().firstValue("Location")).contains(PATH + "/" + id(created));
        assertThat(created.get("clientId").stringValue()).isEqualTo(clientId);
        assertThat(created.get("createdAt").stringValue()).endsWith("Z");
        assertThat(secret(created)).hasSizeGreaterThanOrEqualTo(43);
        assertThat(webhookStatus(clientId, secret(created))).isEqualTo(200);
    }

    @Test
    void withoutABodyTheClientIdIsGenerated() {
        Response created = http.admin("POST", PATH, null);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("clientId").stringValue()).matches("examjoint-[A-Za-z0-9_-]{8}");
        assertThat(webhookStatus(created.json().get("clientId").stringValue(), secret(created.json()))).isEqualTo(200);
    }

    @Test
    void listAndGetNeverShowTheSecretOrItsDigest() {
        JsonNode created = create(uniqueClientId());
        String secret = secret(created);

        Response one = http.admin("GET", PATH + "/" + id(created), null);
        Response list = http.admin("GET", PATH + "?size=500", null);

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("clientId").stringValue()).isEqualTo(created.get("clientId").stringValue());
        assertThat(one.json().get("active").booleanValue()).isTrue();
        assertThat(one.json().has("secret")).isFalse();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("content").findValuesAsString("id")).contains(id(created));
        assertThat(list.json().get("page").get("size").intValue()).isEqualTo(500);
        for (Response response : new Response[] {one, list}) {
            assertThat(response.body()).doesNotContain(secret).doesNotContain(Secrets.sha256Hex(secret));
            assertThat(response.json().findValues("secret")).isEmpty();
            assertThat(response.json().findValues("secretHash")).isEmpty();
        }
    }

    @Test
    void twoActiveSecretsForOneClientIdBothWork() {
        String clientId = uniqueClientId();
        String first = secret(create(clientId));
        String second = secret(create(clientId));

        assertThat(first).isNotEqualTo(second);
        assertThat(webhookStatus(clientId, first)).isEqualTo(200);
        assertThat(webhookStatus(clientId, second)).isEqualTo(200);
    }

    @Test
    void aRevokedSecretGets401AtOnceWhileTheOtherStillWorks() {
        String clientId = uniqueClientId();
        JsonNode old = create(clientId);
        JsonNode current = create(clientId);

        Response revoked = http.admin("DELETE", PATH + "/" + id(old), null);

        assertThat(revoked.status()).isEqualTo(204);
        Response webhook = http.webhook(Map.of("x-client-id", clientId, "x-client-secret", secret(old)), NOTIFICATION);
        assertThat(webhook.status()).isEqualTo(401);
        assertThat(webhook.body()).isEqualTo("{\"errorMessage\":\"unauthorized\"}");
        assertThat(webhookStatus(clientId, secret(current))).isEqualTo(200);
        JsonNode shown = http.admin("GET", PATH + "/" + id(old), null).json();
        assertThat(shown.get("active").booleanValue()).isFalse();
        assertThat(shown.get("revokedAt").isNull()).isFalse();
    }

    @Test
    void revokingTwiceIsFineAndKeepsTheFirstRevocationTime() {
        JsonNode created = create(uniqueClientId());
        assertThat(http.admin("DELETE", PATH + "/" + id(created), null).status()).isEqualTo(204);
        String revokedAt = http.admin("GET", PATH + "/" + id(created), null).json().get("revokedAt").stringValue();

        assertThat(http.admin("DELETE", PATH + "/" + id(created), null).status()).isEqualTo(204);

        assertThat(http.admin("GET", PATH + "/" + id(created), null).json().get("revokedAt").stringValue())
                .isEqualTo(revokedAt);
    }

    @Test
    void anUnauthenticatedCreateIs401AndCreatesNothing() {
        String clientId = uniqueClientId();

        Response response = http.send("POST", PATH, Map.of("Content-Type", "application/json"),
                Http.json(Map.of("clientId", clientId)).getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from webhook_client where client_id = ?").param(clientId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void webhookCredentialsDoNotOpenTheAdminApi() {
        Response response = http.asUser(TestCredentials.CLIENT_ID, TestCredentials.CLIENT_SECRET, "GET", PATH, null);

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void invalidFieldsAre400ProblemsNamingTheField() {
        for (String clientId : new String[] {"ab", "has space", "x".repeat(129), "ünïcode", ""}) {
            Response response = http.admin("POST", PATH, Http.json(Map.of("clientId", clientId)));

            assertThat(response.status()).as(clientId).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsString("field")).containsOnly("clientId");
        }
        Response longDescription = http.admin("POST", PATH, Http.json(Map.of("description", "d".repeat(201))));
        assertThat(longDescription.status()).isEqualTo(400);
        assertThat(longDescription.json().get("errors").findValuesAsString("field")).containsOnly("description");
    }

    @Test
    void anUnknownIdIs404ForReadAndRevoke() {
        String unknown = UUID.randomUUID().toString();

        Response read = http.admin("GET", PATH + "/" + unknown, null);
        Response revoke = http.admin("DELETE", PATH + "/" + unknown, null);

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(revoke.status()).isEqualTo(404);
        assertThat(revoke.contentType()).startsWith("application/problem+json");
    }

    @Test
    void lastUsedAtIsRecordedOnceTheFlushRuns() {
        JsonNode created = create(uniqueClientId());
        assertThat(http.admin("GET", PATH + "/" + id(created), null).json().get("lastUsedAt").isNull()).isTrue();

        assertThat(webhookStatus(created.get("clientId").stringValue(), secret(created))).isEqualTo(200);
        usage.flush();

        JsonNode shown = http.admin("GET", PATH + "/" + id(created), null).json();
        assertThat(shown.get("lastUsedAt").isNull()).isFalse();
        assertThat(shown.get("lastUsedAt").stringValue()).endsWith("Z");
    }

    @Test
    void aFailedAuthenticationIsNotRecordedAsUse() {
        JsonNode created = create(uniqueClientId());

        assertThat(webhookStatus(created.get("clientId").stringValue(), "not-" + secret(created))).isEqualTo(401);
        usage.flush();

        assertThat(http.admin("GET", PATH + "/" + id(created), null).json().get("lastUsedAt").isNull()).isTrue();
    }
}
