package org.examgate.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.examgate.ExamgateApplication;
import org.examgate.support.Http;
import org.examgate.support.TestCredentials;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** examgate started on its own against a given database and journal directory, called over real HTTP. */
final class RunningExamgate implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningExamgate(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningExamgate start(String jdbcUrl, Path journalDir, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--examgate.journal.dir=" + journalDir,
                "--examgate.webhook.client-id=" + TestCredentials.CLIENT_ID,
                "--examgate.webhook.client-secret=" + TestCredentials.CLIENT_SECRET,
                "--examgate.admin.username=" + TestCredentials.ADMIN_USERNAME,
                "--examgate.admin.password=" + TestCredentials.ADMIN_PASSWORD));
        arguments.addAll(List.of(more));
        return new RunningExamgate(new SpringApplicationBuilder(ExamgateApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    long journalDepth() {
        return bean(NotificationJournal.class).depth();
    }

    /** One answer: the status and, when the body is JSON, the body. */
    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String field(String name) {
            JsonNode value = json().get(name);
            return value == null ? null : value.stringValue();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Answer webhook(String body) {
        return send("POST", "/webhooks/examjoint", Http.platformHeaders(), body);
    }

    /** Sent at once, answered later: for requests that are to be in flight at some moment. */
    CompletableFuture<Answer> webhookAsync(String body) {
        return client.sendAsync(request("POST", "/webhooks/examjoint", Http.platformHeaders(), body),
                HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    Answer health() {
        return send("GET", "/actuator/health", Map.of(), null);
    }

    Answer asAdmin(String path) {
        return asAdmin("GET", path, null);
    }

    Answer asAdmin(String method, String path, String jsonBody) {
        return send(method, path, Map.of("Authorization",
                Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD),
                "Content-Type", "application/json"), jsonBody);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private HttpRequest request(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return request.build();
    }

    private Answer send(String method, String path, Map<String, String> headers, String body) {
        try {
            HttpResponse<String> response = client.send(request(method, path, headers, body),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A graceful shutdown, as at {@code docker stop}. */
    @Override
    public void close() {
        context.close();
    }
}
