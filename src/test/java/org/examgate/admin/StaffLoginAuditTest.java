package org.examgate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.examgate.credential.Secrets;
import org.examgate.lockout.LockoutProperties;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/** Every admin login is logged, naming the account or token only masked and never the secret. */
@ExamgateTest
@ExtendWith(OutputCaptureExtension.class)
class StaffLoginAuditTest {

    private static final String PASSWORD = "an audited staff password";

    @Autowired
    Http http;

    @Autowired
    LockoutProperties lockout;

    private String createViewer() {
        String username = "audited." + UUID.randomUUID().toString().substring(0, 8);
        Response created = http.admin("POST", "/api/v1/staff",
                Http.json(Map.of("username", username, "password", PASSWORD, "role", "VIEWER")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private JsonNode createToken() {
        Response created = http.admin("POST", "/api/v1/api-tokens",
                Http.json(Map.of("name", "audited script", "role", "VIEWER")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private Response withToken(String token) {
        return http.send("GET", "/api/v1/students", Map.of("Authorization", "Bearer " + token), null);
    }

    @Test
    void aFailedAndASuccessfulBasicLoginAreLoggedWithTheUsernameMasked(CapturedOutput output) {
        String username = createViewer();
        String wrongPassword = "a wrong password " + UUID.randomUUID();

        http.asUser(username, wrongPassword, "GET", "/api/v1/staff", null);
        http.asUser(username, PASSWORD, "GET", "/api/v1/staff", null);

        assertThat(output).contains("WARN").contains("authentication failed for staff user " + Secrets.mask(username))
                .contains("authentication succeeded for staff user " + Secrets.mask(username))
                .doesNotContain(username).doesNotContain(wrongPassword).doesNotContain(PASSWORD);
    }

    @Test
    void aLockedUsernameIsLoggedAsLocked(CapturedOutput output) {
        String username = createViewer();
        for (int i = 0; i < lockout.threshold(); i++) {
            http.asUser(username, "wrong " + i, "GET", "/api/v1/staff", null);
        }

        http.asUser(username, PASSWORD, "GET", "/api/v1/staff", null);

        assertThat(output).contains("failed for staff user " + Secrets.mask(username) + ": locked");
    }

    @Test
    void tokenLoginsAreLoggedWithTheTokenIdMaskedAndNeverTheToken(CapturedOutput output) {
        JsonNode created = createToken();
        String token = created.get("token").stringValue();
        String maskedId = Secrets.mask(created.get("id").stringValue());
        withToken(token);
        http.admin("DELETE", "/api/v1/api-tokens/" + created.get("id").stringValue(), null);

        withToken(token);

        assertThat(output).contains("authentication succeeded for API token " + maskedId)
                .contains("API token " + maskedId + " is revoked")
                .doesNotContain(token).doesNotContain(token.substring(4))
                .doesNotContain(created.get("id").stringValue());
    }
}
