package org.examgate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.examgate.ExamgateApplication;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of examgate against one PostgreSQL, as behind a load balancer: lockouts, idempotent
 * notifications and access codes hold across them, because nothing correctness needs lives outside
 * the database.
 */
class TwoInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        postgres.close();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ExamgateApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                // each instance keeps its own journal, as on its own disk
                "--examgate.journal.dir=target/test-journal/" + UUID.randomUUID(),
                "--examgate.webhook.client-id=" + TestCredentials.CLIENT_ID,
                "--examgate.webhook.client-secret=" + TestCredentials.CLIENT_SECRET,
                "--examgate.admin.username=" + TestCredentials.ADMIN_USERNAME,
                "--examgate.admin.password=" + TestCredentials.ADMIN_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private HttpResponse<String> send(ConfigurableApplicationContext instance, String method, String path,
            Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance) + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> webhook(ConfigurableApplicationContext instance, String body) throws Exception {
        return send(instance, "POST", "/webhooks/examjoint", Http.platformHeaders(), body);
    }

    private HttpResponse<String> admin(ConfigurableApplicationContext instance, String method, String path, String body)
            throws Exception {
        return send(instance, method, path, Map.of("Authorization",
                Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD),
                "Content-Type", "application/json"), body);
    }

    private String outcome(ConfigurableApplicationContext instance, String exam, String... values) throws Exception {
        List<Object> fields = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            fields.add(i);
            fields.add(values[i]);
        }
        HttpResponse<String> response = webhook(instance, Fixtures.verifyBody(exam, fields.toArray()));
        assertThat(response.statusCode()).isEqualTo(200);
        var body = JSON.readTree(response.body());
        return body.has("metadata") ? "verified" : body.get("errorCode").stringValue();
    }

    @Test
    void failuresOnBothInstancesAddUpToOneLockout() throws Exception {
        String number = Fixtures.unique("TWO-");
        assertThat(admin(first, "POST", "/api/v1/students",
                Http.json(Map.of("studentNumber", number, "fullName", "Two Instances", "password", "right"))).statusCode())
                .isEqualTo(201);

        for (int i = 0; i < 5; i++) {
            assertThat(outcome(i % 2 == 0 ? first : second, "exam-two", number, "wrong " + i))
                    .isEqualTo("invalid_credentials");
        }

        assertThat(outcome(first, "exam-two", number, "right")).isEqualTo("locked");
        assertThat(outcome(second, "exam-two", number, "right")).isEqualTo("locked");
    }

    @Test
    void theSameNotificationOnBothInstancesAtOnceIsStoredOnce() throws Exception {
        String respondent = "r-" + UUID.randomUUID();
        String body = "{\"event\":\"result_ready\",\"exam_id\":\"exam-two\",\"respondent_id\":\"" + respondent + "\"}";
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ConfigurableApplicationContext instance = i % 2 == 0 ? first : second;
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return JSON.readTree(webhook(instance, body).body()).get("status").stringValue();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<String> statuses = answers.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).filteredOn("received"::equals).hasSize(1);
        assertThat(statuses).filteredOn("duplicate"::equals).hasSize(9);
        var timeline = JSON.readTree(admin(second, "GET", "/api/v1/exams/exam-two/respondents?size=500", null).body());
        assertThat(timeline.get("content").toString()).contains(respondent);
    }

    @Test
    void anAccessCodeIssuedOnOneInstanceIsValidOnTheOther() throws Exception {
        String number = Fixtures.unique("CODE-");
        var student = JSON.readTree(admin(first, "POST", "/api/v1/students",
                Http.json(Map.of("studentNumber", number, "fullName", "Code Holder"))).body());
        String exam = Fixtures.unique("exam-code-");
        assertThat(admin(first, "POST", "/api/v1/exams", Http.json(Map.of("examId", exam, "title", "Codes",
                "fieldLayout", List.of(Map.of("position", 0, "kind", "IDENTIFIER"),
                        Map.of("position", 1, "kind", "ACCESS_CODE"))))).statusCode()).isEqualTo(201);
        admin(first, "POST", "/api/v1/exams/" + exam + "/roster",
                Http.json(Map.of("studentIds", List.of(student.get("id").stringValue()))));
        String code = admin(first, "POST", "/api/v1/exams/" + exam + "/access-codes", "{}").body()
                .lines().skip(1).findFirst().orElseThrow().replaceAll(".*,", "");

        assertThat(outcome(second, exam, number, code)).isEqualTo("verified");

        String newCode = admin(second, "POST", "/api/v1/exams/" + exam + "/access-codes", "{}").body()
                .lines().skip(1).findFirst().orElseThrow().replaceAll(".*,", "");
        assertThat(outcome(first, exam, number, code)).as("the old code is revoked everywhere").isEqualTo("invalid_credentials");
        assertThat(outcome(first, exam, number, newCode)).isEqualTo("verified");
    }
}
