package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.examgate.support.Http;
import org.examgate.support.Pause;
import org.examgate.support.TestCredentials;

import tools.jackson.databind.JsonNode;

/** The import and export endpoints as staff's scripts call them, over real HTTP. */
final class ImportCalls {

    static final String IMPORT = "/api/v1/students/import";

    /** A bound for a job that never finishes, so a broken import fails the test instead of hanging it. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final Http http;
    private final String authorization;

    ImportCalls(Http http) {
        this(http, Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD));
    }

    /** Calls with this Authorization header: an API token spares each call the staff password's hash. */
    ImportCalls(Http http, String authorization) {
        this.http = http;
        this.authorization = authorization;
    }

    /** As {@code curl --data-binary @students.csv -H 'Content-Type: text/csv'}. */
    Http.Response postBody(byte[] csv, String query) {
        return post(csv, "text/csv", query);
    }

    /** The body as it is, with this Content-Type (null: none). */
    Http.Response post(byte[] body, String contentType, String query) {
        Map<String, String> headers = adminHeaders();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return http.send("POST", IMPORT + query, headers, body);
    }

    Http.Response postBody(String csv, String query) {
        return postBody(csv.getBytes(StandardCharsets.UTF_8), query);
    }

    /** As a browser form or {@code curl -F file=@students.csv}. */
    Http.Response postMultipart(byte[] csv, String fileName, String query) {
        String boundary = "----examgate" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = adminHeaders();
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        return http.send("POST", IMPORT + query, headers, body.toByteArray());
    }

    /** Uploads as a raw body, waits for the job and answers it; the job must have run to DONE. */
    JsonNode importCsv(String csv, String query) {
        JsonNode job = await(accepted(postBody(csv, query)));
        assertThat(job.get("phase").stringValue()).as(job.toString()).isEqualTo("DONE");
        return job;
    }

    JsonNode importCsv(String csv) {
        return importCsv(csv, "");
    }

    static String accepted(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        String location = response.header("Location");
        assertThat(location).as(response.toString()).isNotNull();
        return location;
    }

    /** Polls the job until it is DONE or FAILED and answers its last state. */
    JsonNode await(String location) {
        return await(location, new ArrayList<>());
    }

    /** Also collects every state seen on the way. */
    JsonNode await(String location, List<JsonNode> seen) {
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        // Most jobs finish within milliseconds: short waits first, then every 20 ms.
        for (long wait = 1; ; wait = Math.min(20, wait * 2)) {
            Http.Response response = http.send("GET", location, adminHeaders(), null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode job = response.json();
            seen.add(job);
            String phase = job.get("phase").stringValue();
            if (phase.equals("DONE") || phase.equals("FAILED")) {
                return job;
            }
            assertThat(System.nanoTime()).as("the import is still running: %s", job).isLessThan(giveUp);
            Pause.millis(wait);
        }
    }

    /** The student with this number as the admin API shows it, or null. */
    JsonNode student(String studentNumber) {
        Http.Response found = http.admin("GET", "/api/v1/students?size=500&q="
                + java.net.URLEncoder.encode(studentNumber, StandardCharsets.UTF_8), null);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        for (JsonNode student : found.json().get("content")) {
            if (student.get("studentNumber").stringValue().equals(studentNumber)) {
                return student;
            }
        }
        return null;
    }

    Http.Response export() {
        return http.admin("GET", "/api/v1/students/export", null);
    }

    /** The rejections of a report as line → reason. */
    static Map<Long, String> rejections(JsonNode job) {
        Map<Long, String> rejections = new LinkedHashMap<>();
        for (JsonNode rejection : job.get("report").get("rejections")) {
            rejections.put(rejection.get("line").longValue(), rejection.get("reason").stringValue());
        }
        return rejections;
    }

    private Map<String, String> adminHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        return headers;
    }

}
