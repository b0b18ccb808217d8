package org.examgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Students, exams and verification bodies made through the real API, with unique names per call. */
public final class Fixtures {

    private final Http http;

    public Fixtures(Http http) {
        this.http = http;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an active student with this password; returns the created student as JSON. */
    public JsonNode student(String password) {
        return student(Map.of("password", password));
    }

    public JsonNode student(Map<String, Object> overrides) {
        String number = unique("S");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("studentNumber", number);
        body.put("matricNumber", "M-" + number);
        body.put("email", number.toLowerCase() + "@uni.example");
        body.put("fullName", "Test Student " + number);
        body.putAll(overrides);
        Http.Response created = http.admin("POST", "/api/v1/students", Http.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Registers an exam with these settings on top of a unique id and a title. */
    public String exam(Map<String, Object> settings) {
        String examId = unique("exam-");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("examId", examId);
        body.put("title", "Test exam " + examId);
        body.putAll(settings);
        Http.Response created = http.admin("POST", "/api/v1/exams", Http.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return examId;
    }

    public static String verifyBody(String examId, Object... positionsAndValues) {
        List<Map<String, Object>> fields = new java.util.ArrayList<>();
        for (int i = 0; i < positionsAndValues.length; i += 2) {
            fields.add(Map.of("position", positionsAndValues[i], "value", positionsAndValues[i + 1]));
        }
        return Http.json(Map.of("event", "verify_respondent", "exam_id", examId, "fields", fields, "choosenLang", "en"));
    }

    /** Verifies with the default layout (0 identifier, 1 password) and returns the answer's errorCode, or "verified". */
    public String outcome(String examId, String identifier, String password) {
        return outcomeOf(http.webhook(verifyBody(examId, 0, identifier, 1, password)));
    }

    public static String outcomeOf(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        if (body.has("metadata")) {
            assertThat(body.has("errorMessage")).isFalse();
            return "verified";
        }
        assertThat(body.get("errorMessage").stringValue()).isNotBlank();
        return body.get("errorCode").stringValue();
    }
}
