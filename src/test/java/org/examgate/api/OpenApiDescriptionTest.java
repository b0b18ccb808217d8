package org.examgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The OpenAPI description says what the API really answers and how to authenticate. */
@ExamgateTest
class OpenApiDescriptionTest {

    @Autowired
    Http http;

    private JsonNode description() {
        Http.Response response = http.send("GET", "/v3/api-docs", Map.of(), null);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void createsAnswer201AndDeletesAnswer204() {
        JsonNode paths = description().get("paths");

        assertThat(paths.get("/api/v1/students").get("post").get("responses").has("201")).isTrue();
        assertThat(paths.get("/api/v1/students/{id}").get("delete").get("responses").has("204")).isTrue();
        assertThat(paths.get("/api/v1/exams").get("post").get("responses").has("201")).isTrue();
    }

    @Test
    void staffAccountsAndTokensAreTheSecuritySchemes() {
        JsonNode schemes = description().get("components").get("securitySchemes");

        assertThat(schemes.get("staff").get("scheme").stringValue()).isEqualTo("basic");
        assertThat(schemes.get("token").get("scheme").stringValue()).isEqualTo("bearer");
    }

    @Test
    void theWebhookAndSignedPhotoLinksAreNotPartOfTheAdminApi() {
        JsonNode paths = description().get("paths");

        paths.propertyNames().forEach(path -> assertThat(path).startsWith("/api/v1/"));
    }

    @Test
    void passwordsAreWriteOnly() {
        JsonNode schemas = description().get("components").get("schemas");

        assertThat(schemas.get("StudentRequest").get("properties").get("password").get("writeOnly").booleanValue())
                .isTrue();
        assertThat(schemas.get("StudentResponse").get("properties").has("password")).isFalse();
        assertThat(schemas.get("StudentResponse").get("properties").has("passwordHash")).isFalse();
    }
}
