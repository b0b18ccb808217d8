package org.examgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.examgate.support.Answers;
import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.HostileBody;
import org.examgate.support.Http;
import org.examgate.support.PropertyCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Property: whatever body arrives, the webhook answers in the contract's format without a server
 * error or anything internal, and a refused body leaves every table as it was. 10,000 generated
 * bodies per run (seed {@link PropertyCheck#DEFAULT_SEED}).
 */
@ExamgateTest
@ExtendWith(OutputCaptureExtension.class)
class HostileWebhookBodiesTest {

    static final int TRIES = 10_000;

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, Integer> answers = new TreeMap<>();

    @Test
    void tenThousandHostileBodiesGetAClearAnswerAndRefusedOnesChangeNothing(CapturedOutput output)
            throws IOException {
        String run = Fixtures.unique("fz");
        Fixtures fixtures = new Fixtures(http);
        String password = "pw-" + run;
        String number = fixtures.student(password).get("studentNumber").stringValue();
        List<String> exams = List.of("exam-" + run, fixtures.exam(Map.of("rosterRequired", true)),
                fixtures.exam(Map.of("fieldLayout", List.of(Map.of("position", 0, "kind", "ACCESS_CODE")))));
        HostileWebhookBodies bodies = new HostileWebhookBodies(samples(run), exams,
                List.of(run + "-a", run + "-b", run + "-c", run + "@uni.example", " " + run.toUpperCase() + "-a "),
                List.of(number, password));

        Map<String, Integer> thrown = PropertyCheck.forAll(TRIES, bodies::next, this::answersCleanly);

        System.out.println("Hostile webhook bodies thrown: " + thrown + "; answers: " + answers);
        assertThat(output.getAll()).as("the server's log is captured").contains("Verification ")
                .doesNotContain("StackOverflowError").doesNotContain("OutOfMemoryError")
                .doesNotContain("Unexpected failure answering the webhook");
        assertThat(fixtures.outcome(exams.get(0), number, password)).as("the server still verifies")
                .isEqualTo("verified");
    }

    /**
     * Found by the property: matched as an unknown event, stored as a result_ready without ids, answered 503.
     * (The body as found named the key "" twice; it is kept with the second renamed, now that a key given
     * twice is refused before the event is read.)
     */
    @Test
    void aKnownEventNameWithAControlCharacterInItIsThatEvent() {
        String exam = Fixtures.unique("exam-");

        Http.Response withoutIds = http.webhook("{\"event\":\"result_ready\\u0000\",\"\":{\"\":[{\"\uD83D\uDE00\":null,"
                + "\"\uFF23\":\"\uD83D\uDE00\"},4,{}]},\" \":[]}");
        Http.Response withIds = http.webhook("{\"event\":\"result_\\nready\",\"exam_id\":\"" + exam
                + "\",\"respondent_id\":\"r-1\"}");

        assertThat(withoutIds.status()).as(withoutIds.toString()).isEqualTo(400);
        assertThat(withoutIds.json().get("errorMessage").stringValue()).contains("exam_id");
        assertThat(withIds.status()).as(withIds.toString()).isEqualTo(200);
        assertThat(withIds.json().get("status").stringValue()).isEqualTo("received");
        assertThat(jdbc.sql("select event_type from webhook_event where exam_id = ?").param(exam).query(String.class)
                .list()).containsExactly("result_ready");
    }

    /**
     * Found by the property: a 413 answered before the body was read closed the connection on unread
     * bytes, and now and then the reset reached the client before the answer (about 1 in 250 at 1 MB).
     */
    @Test
    void aBodyFarOverTheLimitGetsItsAnswerEveryTime() {
        byte[] body = ("{\"event\":\"verify_respondent\",\"fields\":" + "{\"a\":".repeat(200_000) + "}")
                .getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < 300; i++) {
            assertThat(http.webhookBytes(Http.platformHeaders(), body).status()).isEqualTo(413);
        }
    }

    private void answersCleanly(HostileBody body) {
        Tables before = tables();
        Http.Response response = http.send("POST", WebhookController.PATH, Http.platformHeaders(body.contentType()),
                body.bytes());

        Answers.assertNothingInternal(response);
        JsonNode answer = response.json();
        assertThat(answer.isObject()).as(response.toString()).isTrue();
        Tables after = tables();
        answers.merge((response.status() + " " + answer.path("status").asString(answer.path("errorCode").asString(
                answer.has("metadata") ? "verified" : ""))).strip(), 1, Integer::sum);
        if (response.status() != 200) {
            assertThat(response.status()).as(response.toString()).isIn(400, 413);
            assertThat(answer.get("errorMessage").isString()).as(response.toString()).isTrue();
            assertThat(after).as("a refused body changes nothing: %s", response).isEqualTo(before);
        } else if (answer.has("status")) {
            boolean stored = !answer.get("status").stringValue().equals("duplicate");
            assertThat(after.withoutTimelines()).as(response.toString())
                    .isEqualTo(before.afterDelivery(stored).withoutTimelines());
        } else {
            boolean recorded = !"unavailable".equals(answer.path("errorCode").asString(""));
            assertThat(answer.has("metadata") || answer.has("errorCode")).as(response.toString()).isTrue();
            assertThat(after.withoutLockouts()).as(response.toString())
                    .isEqualTo(before.afterVerification(recorded).withoutLockouts());
        }
    }

    /** The contract's webhook samples, with this run's ids so that other tests never meet their events. */
    private static List<byte[]> samples(String run) throws IOException {
        List<byte[]> samples = new ArrayList<>();
        try (var files = Files.list(Path.of("docs/samples"))) {
            for (Path file : files.filter(file -> !file.endsWith("student.json")).sorted().toList()) {
                samples.add(Files.readString(file).replace("exam-7f3c", "exam-" + run).replace("r-91d2", "r-" + run)
                        .replace("U2024/0042", run + "-a").getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(samples).hasSize(5);
        return samples;
    }

    private Tables tables() {
        return jdbc.sql("""
                        select (select count(*) from student), (select count(*) from webhook_event),
                               (select coalesce(sum(delivery_count), 0) from webhook_event),
                               (select count(*) from respondent_timeline), (select count(*) from verification_attempt),
                               (select coalesce(sum(failures + locks), 0) from lockout)
                        """)
                .query((row, i) -> new Tables(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6)))
                .single();
    }

    /** What a webhook body can change. */
    record Tables(long students, long events, long deliveries, long timelines, long verifications, long lockouts) {

        Tables afterDelivery(boolean stored) {
            return new Tables(students, events + (stored ? 1 : 0), deliveries + 1, timelines, verifications, lockouts);
        }

        Tables afterVerification(boolean recorded) {
            return new Tables(students, events, deliveries, timelines, verifications + (recorded ? 1 : 0), lockouts);
        }

        /** A first notification for a respondent starts a timeline; an unknown event or a later one does not. */
        Tables withoutTimelines() {
            return new Tables(students, events, deliveries, 0, verifications, lockouts);
        }

        /** A failed verification counts against its identifier; a successful one clears it. */
        Tables withoutLockouts() {
            return new Tables(students, events, deliveries, timelines, verifications, 0);
        }
    }
}
