package org.examgate.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.examgate.support.Pause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The journal on its own (files, order, bound, health) and, once, behind the webhook with the database away. */
class NotificationJournalTest {

    private static final Instant ARRIVED = Instant.parse("2026-06-24T09:00:00.123456789Z");

    @TempDir
    Path dir;

    private final List<NotificationJournal> opened = new ArrayList<>();

    @AfterEach
    void closeJournals() throws Exception {
        for (NotificationJournal journal : opened) {
            journal.close();
        }
    }

    private NotificationJournal journal(int maxEntries) throws IOException {
        NotificationJournal journal = new NotificationJournal(
                new JournalProperties(dir, maxEntries, Duration.ofSeconds(2)));
        opened.add(journal);
        return journal;
    }

    private NotificationJournal journal() throws IOException {
        return journal(100);
    }

    private static JournalEntry entry(String respondentId) {
        return new JournalEntry("result_ready", "exam-journal", respondentId, null,
                "{\"event\":\"result_ready\",\"exam_id\":\"exam-journal\",\"respondent_id\":\"" + respondentId + "\"}",
                ARRIVED);
    }

    /** Replays everything into a list, the way the database would take it. */
    private static List<String> replayAll(NotificationJournal journal) {
        List<String> replayed = new ArrayList<>();
        assertThat(journal.replay(entry -> {
            replayed.add(entry.respondentId());
            return NotificationJournal.Replayed.STORED;
        })).as("the journal is empty after the replay").isTrue();
        return replayed;
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
    }

    private List<String> journalFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jsonl")).sorted()
                    .toList();
        }
    }

    @Test
    void entriesAreReplayedInTheOrderTheyArrivedAndTheFilesAreDeletedAfterwards() throws Exception {
        NotificationJournal journal = journal();
        for (int i = 0; i < 5; i++) {
            journal.append(entry("r-" + i));
        }
        assertThat(journal.depth()).isEqualTo(5);

        assertThat(replayAll(journal)).containsExactly("r-0", "r-1", "r-2", "r-3", "r-4");

        assertThat(journal.depth()).isZero();
        assertThat(journalFiles()).isEmpty();
    }

    @Test
    void eachEntryIsOneLineOfJsonWithEverythingNeededToStoreItLater() throws Exception {
        NotificationJournal journal = journal();
        // Text the API would refuse may sit in members examgate ignores; the journal gives it back as it was.
        String payload = "{\"event\":\"admitted_respondent\",\"note\":\"two\\nlines \u0000 \ud800 \u00e9\u4e2d\"}";
        JournalEntry admitted = new JournalEntry("admitted_respondent", "exam-7f3c", "r-91d2",
                Instant.ofEpochMilli(1719221380326L), payload, ARRIVED);
        JournalEntry unknown = JournalEntry.unknown("proctor_flagged", null, null, "{\"event\":\"proctor_flagged\"}",
                ARRIVED.plusSeconds(1));

        journal.append(admitted);
        journal.append(unknown);

        assertThat(lines(JournalFiles.CURRENT)).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{"));
        List<JournalEntry> replayed = new ArrayList<>();
        journal.replay(entry -> {
            replayed.add(entry);
            return NotificationJournal.Replayed.STORED;
        });
        assertThat(replayed).containsExactly(admitted, unknown);
        assertThat(replayed.get(0).notification()).contains(new Notification(NotificationType.ADMITTED_RESPONDENT,
                "exam-7f3c", "r-91d2", Instant.ofEpochMilli(1719221380326L), payload));
        assertThat(replayed.get(1).notification()).isEmpty();
        assertThat(replayed.get(1).receipt()).isEqualTo(Receipt.IGNORED);
    }

    @Test
    void aReplayThatCannotGoOnKeepsTheRestInOrderForTheNextOne() throws Exception {
        NotificationJournal journal = journal();
        for (int i = 0; i < 5; i++) {
            journal.append(entry("r-" + i));
        }
        List<String> firstAttempt = new ArrayList<>();

        boolean emptied = journal.replay(entry -> {
            if (entry.respondentId().equals("r-2")) {
                return NotificationJournal.Replayed.RETRY_LATER;
            }
            firstAttempt.add(entry.respondentId());
            return NotificationJournal.Replayed.STORED;
        });

        assertThat(emptied).isFalse();
        assertThat(firstAttempt).containsExactly("r-0", "r-1");
        assertThat(journal.depth()).isEqualTo(3);
        assertThat(replayAll(journal)).as("r-0 and r-1 are not replayed again").containsExactly("r-2", "r-3", "r-4");
    }

    @Test
    void aReplayCutShortByAShutdownReplaysItsEntriesAgainNextTime() throws Exception {
        NotificationJournal journal = journal();
        for (int i = 0; i < 3; i++) {
            journal.append(entry("r-" + i));
        }

        assertThat(journal.replay(entry -> {
            if (entry.respondentId().equals("r-1")) {
                close(journal);
            }
            return NotificationJournal.Replayed.STORED;
        })).isFalse();

        assertThat(journal.depth()).as("r-0 and r-1 are still in the file").isEqualTo(3);
        NotificationJournal restarted = journal();
        assertThat(restarted.depth()).isEqualTo(3);
        assertThat(replayAll(restarted)).as("stored twice, which the unique index absorbs")
                .containsExactly("r-0", "r-1", "r-2");
    }

    private static void close(NotificationJournal journal) {
        try {
            journal.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void entriesAppendedDuringAReplayGoToAFreshFileAndFollowTheOlderOnes() throws Exception {
        NotificationJournal journal = journal();
        journal.append(entry("r-0"));
        journal.append(entry("r-1"));
        List<String> replayed = new ArrayList<>();

        assertThat(journal.replay(entry -> {
            replayed.add(entry.respondentId());
            if (entry.respondentId().equals("r-0")) {
                // a delivery arriving while the replay runs
                journal.append(entry("r-2"));
                assertThat(Files.exists(dir.resolve(JournalFiles.CURRENT))).isTrue();
            }
            return NotificationJournal.Replayed.STORED;
        })).isTrue();

        assertThat(replayed).containsExactly("r-0", "r-1", "r-2");
        assertThat(journal.depth()).isZero();
    }

    @Test
    void filesLeftByACrashAreReplayedFirstAndAnUnfinishedLineIsSetAsideNotLost() throws Exception {
        Files.write(dir.resolve("replay-0000000000000000007.jsonl"), concat(entry("r-a"), entry("r-b")));
        Files.write(dir.resolve("replay-0000000000000000012.jsonl"), JournalCodec.line(entry("r-c")));
        String unfinished = "{\"event\":\"result_ready\",\"exam_id\":\"exa";
        byte[] current = concat(entry("r-d"));
        Files.write(dir.resolve(JournalFiles.CURRENT), concat(current, unfinished.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("replay-0000000000000000007.jsonl.tmp"), "a rewrite cut short");

        NotificationJournal journal = journal();
        assertThat(journal.depth()).isEqualTo(5);
        journal.append(entry("r-e"));

        assertThat(replayAll(journal)).containsExactly("r-a", "r-b", "r-c", "r-d", "r-e");
        assertThat(journal.depth()).isZero();
        assertThat(lines(JournalFiles.REJECTED)).containsExactly(unfinished);
        assertThat(journalFiles()).containsExactly(JournalFiles.REJECTED);
        assertThat(dir.resolve("replay-0000000000000000007.jsonl.tmp")).doesNotExist();
    }

    @Test
    void theJournalSurvivesARestart() throws Exception {
        NotificationJournal before = journal();
        before.append(entry("r-0"));
        before.append(entry("r-1"));
        before.close();

        NotificationJournal after = journal();

        assertThat(after.depth()).isEqualTo(2);
        assertThat(replayAll(after)).containsExactly("r-0", "r-1");
    }

    @Test
    void aFullJournalRefusesMoreUntilItIsReplayed() throws Exception {
        NotificationJournal journal = journal(3);
        for (int i = 0; i < 3; i++) {
            journal.append(entry("r-" + i));
        }

        // a data access failure, which the webhook answers 503 "unavailable"
        assertThatThrownBy(() -> journal.append(entry("r-3"))).isInstanceOf(JournalUnavailable.class)
                .isInstanceOf(DataAccessException.class).hasMessageContaining("full");
        assertThat(journal.depth()).isEqualTo(3);

        replayAll(journal);
        journal.append(entry("r-3"));
        assertThat(replayAll(journal)).containsExactly("r-3");
    }

    @Test
    void anEntryTheDatabaseRefusesIsKeptInTheRejectedFileAndTheReplayGoesOn() throws Exception {
        NotificationJournal journal = journal();
        journal.append(entry("r-0"));
        journal.append(entry("r-bad"));
        journal.append(entry("r-2"));
        List<String> stored = new ArrayList<>();

        assertThat(journal.replay(entry -> {
            if (entry.respondentId().equals("r-bad")) {
                return NotificationJournal.Replayed.REJECTED;
            }
            stored.add(entry.respondentId());
            return NotificationJournal.Replayed.STORED;
        })).isTrue();

        assertThat(stored).containsExactly("r-0", "r-2");
        assertThat(lines(JournalFiles.REJECTED)).singleElement()
                .satisfies(line -> assertThat(JournalCodec.read(line)).contains(entry("r-bad")));
    }

    @Test
    void aClosedJournalTakesNothingMore() throws Exception {
        NotificationJournal journal = journal();
        journal.close();

        assertThatThrownBy(() -> journal.append(entry("r-0"))).isInstanceOf(JournalUnavailable.class);
    }

    @Test
    void twoInstancesCannotShareADirectory() throws Exception {
        journal();

        assertThatThrownBy(this::journal).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EXAMGATE_JOURNAL_DIR");
    }

    @Test
    void healthIsDegradedWithTheDepthWhileTheJournalHoldsEntriesAndUpOnceEmpty() throws Exception {
        NotificationJournal journal = journal();
        JournalHealthIndicator indicator = new JournalHealthIndicator(journal);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        journal.append(entry("r-0"));
        journal.append(entry("r-1"));

        Health degraded = indicator.health();
        assertThat(degraded.getStatus()).isEqualTo(JournalHealthIndicator.DEGRADED);
        assertThat(degraded.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(degraded.getDetails()).containsEntry("depth", 2L);

        replayAll(journal);
        Health up = indicator.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("depth", 0L);
    }

    /**
     * Behind the webhook: with the database away, notifications fill the journal up to its bound and
     * the next is answered 503; health is DOWN while the database is, DEGRADED (and 200) once it is
     * back with notifications still waiting, and UP after the replay.
     */
    @Test
    void overHttpAFullJournalAnswersUnavailableAndHealthIsDegradedUntilTheReplay(@TempDir Path root) {
        String exam = "exam-journal-" + UUID.randomUUID();
        try (RestartablePostgres postgres = new RestartablePostgres(root.resolve("postgres"))) {
            postgres.start();
            // No replay but the one at start-up and the one this test asks for, so that states can be looked at.
            try (RunningExamgate examgate = RunningExamgate.start(postgres.jdbcUrl(), root.resolve("journal"),
                    "--examgate.journal.max-entries=3", "--examgate.journal.replay-interval=1h")) {
                assertThat(examgate.webhook(resultReady(exam, "r-0")).field("status")).isEqualTo("received");
                assertThat(examgate.health().json().get("status").stringValue()).isEqualTo("UP");

                postgres.stop();
                for (int i = 1; i <= 2; i++) {
                    RunningExamgate.Answer answer = examgate.webhook(resultReady(exam, "r-" + i));
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                    assertThat(answer.field("status")).isEqualTo("received");
                }
                RunningExamgate.Answer unknown = examgate.webhook(
                        "{\"event\":\"proctor_flagged\",\"exam_id\":\"" + exam + "\",\"respondent_id\":\"r-3\"}");
                assertThat(unknown.status()).as(unknown.toString()).isEqualTo(200);
                assertThat(unknown.field("status")).isEqualTo("ignored");
                RunningExamgate.Answer full = examgate.webhook(resultReady(exam, "r-4"));
                assertThat(full.status()).as(full.toString()).isEqualTo(503);
                assertThat(full.json().properties()).hasSize(1);
                assertThat(full.field("errorMessage")).isEqualTo("unavailable");
                assertThat(examgate.journalDepth()).isEqualTo(3);
                RunningExamgate.Answer down = examgate.health();
                assertThat(down.status()).as("DOWN is still 503 beside the DEGRADED mapping").isEqualTo(503);
                assertThat(down.field("status")).isEqualTo("DOWN");

                postgres.start();
                RunningExamgate.Answer degraded = awaitHealthOtherThan("DOWN", examgate);
                assertThat(degraded.status()).as(degraded.toString()).isEqualTo(200);
                assertThat(degraded.field("status")).isEqualTo("DEGRADED");
                JsonNode journalDetails = examgate.asAdmin("/actuator/health").json().get("components").get("journal");
                assertThat(journalDetails.get("status").stringValue()).isEqualTo("DEGRADED");
                assertThat(journalDetails.get("details").get("depth").longValue()).isEqualTo(3);
                assertThat(examgate.asAdmin("/actuator/prometheus").body()).containsPattern(
                        "(?m)^examgate_journal_depth(\\{[^}]*\\})? 3\\.0$");

                assertThat(examgate.bean(JournalReplay.class).replay()).isTrue();

                RunningExamgate.Answer up = examgate.health();
                assertThat(up.status()).isEqualTo(200);
                assertThat(up.field("status")).isEqualTo("UP");
                JdbcClient jdbc = examgate.bean(JdbcClient.class);
                assertThat(jdbc.sql("select event_type || ' ' || respondent_id from webhook_event where exam_id = ? "
                        + "order by respondent_id").param(exam).query(String.class).list())
                        .containsExactly("result_ready r-0", "result_ready r-1", "result_ready r-2",
                                "proctor_flagged r-3");
                assertThat(examgate.webhook(resultReady(exam, "r-4")).field("status"))
                        .as("delivered again, the refused one is taken").isEqualTo("received");

                // An unknown event has no idempotency key: replayed again (after a crash), it is recognised.
                InboxWriter writer = examgate.bean(InboxWriter.class);
                JournalEntry withIds = JournalEntry.unknown("proctor_flagged", exam, "r-5", "{}", ARRIVED);
                JournalEntry withoutIds = JournalEntry.unknown("proctor_flagged", null, null,
                        "{\"exam\":\"" + exam + "\"}", ARRIVED);
                for (int i = 0; i < 2; i++) {
                    writer.replay(withIds);
                    writer.replay(withoutIds);
                }
                assertThat(jdbc.sql("select count(*) from webhook_event where exam_id = ? and respondent_id = 'r-5'")
                        .param(exam).query(Long.class).single()).isOne();
                assertThat(jdbc.sql("select count(*) from webhook_event where exam_id is null "
                        + "and payload::jsonb ->> 'exam' = ?").param(exam).query(Long.class).single()).isOne();
            }
        }
    }

    private static RunningExamgate.Answer awaitHealthOtherThan(String status, RunningExamgate examgate) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        RunningExamgate.Answer answer = examgate.health();
        while (status.equals(answer.field("status")) && System.nanoTime() < deadline) {
            Pause.millis(200);
            answer = examgate.health();
        }
        return answer;
    }


    private static String resultReady(String exam, String respondent) {
        return "{\"event\":\"result_ready\",\"exam_id\":\"" + exam + "\",\"respondent_id\":\"" + respondent + "\"}";
    }

    private static byte[] concat(JournalEntry... entries) {
        byte[] all = new byte[0];
        for (JournalEntry entry : entries) {
            all = concat(all, JournalCodec.line(entry));
        }
        return all;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
