package org.examgate.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the running application: the webhook as the platform calls it, and the admin API. */
@TestComponent
public class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Environment environment;

    Http(Environment environment) {
        this.environment = environment;
    }

    /** Read on each call: the server's port is known only once it has started, after this bean. */
    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /** Posts to the webhook with the test platform's credentials and a JSON content type. */
    public Response webhook(String body) {
        return webhook(platformHeaders(), body);
    }

    public Response webhook(Map<String, String> headers, String body) {
        return send("POST", "/webhooks/examjoint", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public Response webhookBytes(Map<String, String> headers, byte[] body) {
        return send("POST", "/webhooks/examjoint", headers, body);
    }

    public static Map<String, String> platformHeaders() {
        return platformHeaders("application/json");
    }

    /** The test platform's credentials and this Content-Type (null: none). */
    public static Map<String, String> platformHeaders(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-client-id", TestCredentials.CLIENT_ID);
        headers.put("x-client-secret", TestCredentials.CLIENT_SECRET);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    /**
     * A client that goes away in the middle of its body: the headers promise {@code declaredLength}
     * bytes, only {@code partial} arrive, then the connection closes. Nothing can be answered.
     */
    public void abandon(String method, String path, Map<String, String> headers, int declaredLength, byte[] partial)
            throws IOException {
        try (java.net.Socket socket = sendPartially(method, path, headers, declaredLength, partial)) {
            // Long enough for the server to be reading the body when the connection closes.
            Pause.millis(300);
        }
    }

    /**
     * A client that stops in the middle of its body and waits: whatever the server answers once it
     * gives up (status line, headers and body as text), or "" if it closes without a word.
     */
    public String stall(String method, String path, Map<String, String> headers, int declaredLength, byte[] partial)
            throws IOException {
        try (java.net.Socket socket = sendPartially(method, path, headers, declaredLength, partial)) {
            socket.setSoTimeout(90_000);
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            try {
                while ((read = socket.getInputStream().read(buffer)) > 0) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.UTF_8).matches("(?s).*\\r\\n\\r\\n.*\\}\\s*")) {
                        break;
                    }
                }
            } catch (java.net.SocketException e) {
                // closed by the server after its answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private java.net.Socket sendPartially(String method, String path, Map<String, String> headers, int declaredLength,
            byte[] partial) throws IOException {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port());
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(declaredLength).append("\r\n\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write(partial);
        socket.getOutputStream().flush();
        return socket;
    }


    /** Calls the admin API as the test admin. */
    public Response admin(String method, String path, String jsonBody) {
        return asUser(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD, method, path, jsonBody);
    }

    public Response asUser(String username, String password, String method, String path, String jsonBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", basic(username, password));
        if (jsonBody != null) {
            headers.put("Content-Type", "application/json");
        }
        return send(method, path, headers, jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    public Response send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return exchange(request, method, path);
    }

    private Response exchange(HttpRequest.Builder request, String method, String path) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the body without a Content-Length, as a chunked stream of unknown length. */
    public Response sendChunked(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .timeout(Duration.ofSeconds(30))
                .version(HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        headers.forEach(request::header);
        return exchange(request, "POST", path);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** One HTTP answer. */
    public record Response(int status, String contentType, String body, HttpHeaders headers) {

        public Response(int status, String contentType, String body) {
            this(status, contentType, body, HttpHeaders.of(Map.of(), (name, value) -> true));
        }

        /** The first value of a response header, or null; names are case-insensitive. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
