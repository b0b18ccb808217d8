package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Everything examgate writes while it handles credentials is captured, and no password, access
 * code, secret or unmasked student identifier may appear in it.
 */
@ExamgateTest
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsTest {

    @Autowired
    Http http;

    @Test
    void passwordsCodesSecretsAndIdentifiersNeverReachTheLog(CapturedOutput output) {
        Fixtures fixtures = new Fixtures(http);
        List<String> secrets = new ArrayList<>();
        String password = "Log-Canary-Password-" + Fixtures.unique("");
        secrets.add(password);
        var student = fixtures.student(password);
        String number = student.get("studentNumber").stringValue();
        String email = student.get("email").stringValue();
        String exam = fixtures.exam(Map.of("fieldLayout", List.of(Map.of("position", 0, "kind", "IDENTIFIER"),
                Map.of("position", 1, "kind", "ACCESS_CODE"))));
        http.admin("POST", "/api/v1/exams/" + exam + "/roster",
                Http.json(Map.of("studentIds", List.of(student.get("id").stringValue()))));
        String code = http.admin("POST", "/api/v1/exams/" + exam + "/access-codes", "{}").body()
                .lines().skip(1).findFirst().orElseThrow().replaceAll(".*,", "");
        secrets.add(code);
        String newPassword = "Log-Canary-New-" + Fixtures.unique("");
        secrets.add(newPassword);

        fixtures.outcome("exam-logs", number, password);
        fixtures.outcome("exam-logs", number, "Log-Canary-Wrong-Password");
        fixtures.outcome("exam-logs", email, password);
        Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, number, 1, code)));
        Fixtures.outcomeOf(http.webhook(Fixtures.verifyBody(exam, 0, number, 1, "Log-Canary-Wrong-Code")));
        http.admin("PUT", "/api/v1/students/" + student.get("id").stringValue() + "/password",
                Http.json(Map.of("password", newPassword)));
        http.admin("POST", "/api/v1/students", Http.json(Map.of("studentNumber", number, "fullName", "Dup",
                "password", "Log-Canary-Conflict-Password")));
        http.webhook(Map.of("x-client-id", TestCredentials.CLIENT_ID, "x-client-secret", "Log-Canary-Wrong-Secret"),
                "{}");

        var client = http.admin("POST", "/api/v1/webhook-clients", Http.json(Map.of("description", "log canary"))).json();
        String clientSecret = client.get("secret").stringValue();
        secrets.add(clientSecret);
        http.webhook(Map.of("x-client-id", client.get("clientId").stringValue(), "x-client-secret", clientSecret),
                Fixtures.verifyBody("exam-logs", 0, number, 1, newPassword));
        String staffPassword = "Log-Canary-Staff-" + Fixtures.unique("");
        secrets.add(staffPassword);
        String staffName = Fixtures.unique("logviewer");
        http.admin("POST", "/api/v1/staff", Http.json(Map.of("username", staffName, "password", staffPassword,
                "role", "VIEWER")));
        http.asUser(staffName, staffPassword, "GET", "/api/v1/students", null);
        http.asUser(staffName, "Log-Canary-Wrong-Staff-Password", "GET", "/api/v1/students", null);
        String token = http.admin("POST", "/api/v1/api-tokens", Http.json(Map.of("name", "log canary",
                "role", "VIEWER"))).json().get("token").stringValue();
        secrets.add(token);
        http.send("GET", "/api/v1/students", Map.of("Authorization", "Bearer " + token), null);
        http.send("GET", "/api/v1/students", Map.of("Authorization", "Bearer egt_Log-Canary-Wrong-Token"), null);

        assertThat(output.getAll()).contains("Verification");
        for (String secret : secrets) {
            assertThat(output.getAll()).as("the log must not contain a secret").doesNotContain(secret);
        }
        assertThat(output.getAll())
                .doesNotContain("Log-Canary")
                .doesNotContain(TestCredentials.CLIENT_SECRET)
                .doesNotContain(TestCredentials.ADMIN_PASSWORD)
                .as("identifiers are masked").doesNotContain(number).doesNotContain(email);
    }
}
