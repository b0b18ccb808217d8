package org.examgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

@ExamgateTest
class WebhookAuthenticationTest {

    private static final String UNAUTHORIZED = "{\"errorMessage\":\"unauthorized\"}";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookClients clients;

    private final String examId = "exam-auth-" + UUID.randomUUID();

    /** A notification that would be stored if it got through, so a refusal can be checked in the database too. */
    private String notification() {
        return Http.json(Map.of("event", "result_ready", "exam_id", examId, "respondent_id", "r-" + UUID.randomUUID()));
    }

    private static Map<String, String> headers(String clientId, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (clientId != null) {
            headers.put("x-client-id", clientId);
        }
        if (secret != null) {
            headers.put("x-client-secret", secret);
        }
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long storedForExam() {
        return jdbc.sql("select count(*) from webhook_event where exam_id = ?").param(examId).query(Long.class).single();
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void theTestPlatformsCredentialsAreAccepted() {
        Response response = http.webhook(notification());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(storedForExam()).isEqualTo(1);
    }

    @Test
    void aMissingClientIdIsUnauthorized() {
        assertUnauthorized(http.webhook(headers(null, TestCredentials.CLIENT_SECRET), notification()));
        assertThat(storedForExam()).isZero();
    }

    @Test
    void aMissingSecretIsUnauthorized() {
        assertUnauthorized(http.webhook(headers(TestCredentials.CLIENT_ID, null), notification()));
        assertThat(storedForExam()).isZero();
    }

    @Test
    void noHeadersAtAllIsUnauthorized() {
        assertUnauthorized(http.webhook(headers(null, null), notification()));
        assertThat(storedForExam()).isZero();
    }

    @Test
    void aWrongSecretIsUnauthorized() {
        assertUnauthorized(http.webhook(headers(TestCredentials.CLIENT_ID, TestCredentials.CLIENT_SECRET + "x"),
                notification()));
        assertThat(storedForExam()).isZero();
    }

    @Test
    void anEmptySecretIsUnauthorized() {
        assertUnauthorized(http.webhook(headers(TestCredentials.CLIENT_ID, ""), notification()));
    }

    @Test
    void anUnknownClientIdIsUnauthorizedEvenWithTheRightSecret() {
        assertUnauthorized(http.webhook(headers("examjoint-someone-else", TestCredentials.CLIENT_SECRET),
                notification()));
        assertThat(storedForExam()).isZero();
    }

    @Test
    void everyKindOfRefusalGetsTheSameAnswerSoNothingHintsWhichHeaderWasWrong() {
        List<Response> refusals = List.of(
                http.webhook(headers(null, TestCredentials.CLIENT_SECRET), notification()),
                http.webhook(headers(TestCredentials.CLIENT_ID, null), notification()),
                http.webhook(headers(TestCredentials.CLIENT_ID, "wrong"), notification()),
                http.webhook(headers("unknown-" + UUID.randomUUID(), "wrong"), notification()),
                http.webhook(headers(null, null), "not even json"));

        assertThat(refusals).extracting(Response::status).containsOnly(401);
        assertThat(refusals).extracting(Response::body).containsOnly(UNAUTHORIZED);
        assertThat(refusals).extracting(Response::contentType).containsOnly(refusals.get(0).contentType());
    }

    @Test
    void unauthenticatedRequestsAreRefusedBeforeTheBodyIsLookedAt() {
        assertUnauthorized(http.webhook(headers(null, null), "{not json"));
        assertUnauthorized(http.webhook(headers(TestCredentials.CLIENT_ID, "wrong"), "x".repeat(300 * 1024)));
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Client-Id", TestCredentials.CLIENT_ID);
        headers.put("X-CLIENT-SECRET", TestCredentials.CLIENT_SECRET);
        headers.put("Content-Type", "application/json");

        Response response = http.webhook(headers, notification());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").stringValue()).isEqualTo("received");
        assertThat(storedForExam()).isEqualTo(1);
    }

    @Test
    void theClientIdIsCaseSensitive() {
        assertUnauthorized(http.webhook(headers(TestCredentials.CLIENT_ID.toUpperCase(), TestCredentials.CLIENT_SECRET),
                notification()));
    }

    @Test
    void twoActiveSecretsOfOneClientBothWorkSoASecretCanBeRotatedWithoutDowntime() {
        String clientId = "rotating-" + UUID.randomUUID();
        String oldSecret = "old-secret-" + UUID.randomUUID();
        String newSecret = "new-secret-" + UUID.randomUUID();
        clients.register(clientId, oldSecret, "test");
        clients.register(clientId, newSecret, "test");

        assertThat(http.webhook(headers(clientId, newSecret), notification()).status()).isEqualTo(200);
        assertThat(http.webhook(headers(clientId, oldSecret), notification()).status()).isEqualTo(200);
        assertUnauthorized(http.webhook(headers(clientId, "neither-" + UUID.randomUUID()), notification()));
    }

    @Test
    void aRevokedSecretIsUnauthorizedWhileTheOtherStillWorks() {
        String clientId = "revoking-" + UUID.randomUUID();
        String oldSecret = "old-secret-" + UUID.randomUUID();
        String newSecret = "new-secret-" + UUID.randomUUID();
        clients.register(clientId, oldSecret, "test");
        clients.register(clientId, newSecret, "test");

        jdbc.sql("update webhook_client set revoked_at = now() where client_id = ? and secret_hash = ?")
                .params(clientId, sha256Hex(oldSecret)).update();
        clients.reload();

        assertUnauthorized(http.webhook(headers(clientId, oldSecret), notification()));
        assertThat(http.webhook(headers(clientId, newSecret), notification()).status()).isEqualTo(200);
    }

    @Test
    void aSecretOfOneClientDoesNotOpenAnother() {
        String clientId = "other-" + UUID.randomUUID();
        String secret = "secret-" + UUID.randomUUID();
        clients.register(clientId, secret, "test");

        assertUnauthorized(http.webhook(headers(TestCredentials.CLIENT_ID, secret), notification()));
        assertUnauthorized(http.webhook(headers(clientId, TestCredentials.CLIENT_SECRET), notification()));
    }

    @Test
    void adminBasicCredentialsDoNotPassTheWebhookCheck() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD));
        headers.put("Content-Type", "application/json");

        assertUnauthorized(http.webhook(headers, notification()));
        assertThat(storedForExam()).isZero();
    }

    @Test
    void adminCredentialsSentAsWebhookHeadersDoNotPassTheWebhookCheck() {
        assertUnauthorized(http.webhook(headers(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD),
                notification()));
        assertThat(storedForExam()).isZero();
    }

    @Test
    void wrongBasicCredentialsSentToTheWebhookGetTheWebhooksOwnAnswer() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", Http.basic(TestCredentials.ADMIN_USERNAME, "not-the-admin-password"));
        headers.put("Content-Type", "application/json");

        assertUnauthorized(http.webhook(headers, notification()));
        assertThat(storedForExam()).isZero();
    }

    @Test
    void anAuthorizationHeaderDoesNotGetInTheWayOfTheWebhooksOwnHeaders() {
        Map<String, String> headers = Http.platformHeaders();
        headers.put("Authorization", Http.basic("someone", "something"));

        Response response = http.webhook(headers, notification());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(storedForExam()).isEqualTo(1);
    }

    @Test
    void webhookClientCredentialsDoNotOpenTheAdminApiAsBasic() {
        Response response = http.asUser(TestCredentials.CLIENT_ID, TestCredentials.CLIENT_SECRET, "GET",
                "/api/v1/students", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").intValue()).isEqualTo(401);
    }

    @Test
    void webhookClientHeadersDoNotOpenTheAdminApi() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-client-id", TestCredentials.CLIENT_ID);
        headers.put("x-client-secret", TestCredentials.CLIENT_SECRET);

        Response response = http.send("GET", "/api/v1/students", headers, null);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theAdminsOwnCredentialsStillOpenTheAdminApi() {
        Response response = http.admin("GET", "/api/v1/students", null);

        assertThat(response.status()).as("the refusals above are about the credentials, not a broken API: " + response)
                .isEqualTo(200);
    }
}
