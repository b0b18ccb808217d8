package org.examgate.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.examgate.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fault test: notifications keep arriving while PostgreSQL stops and starts again, and while
 * examgate itself restarts with notifications in its journal. Afterwards every acknowledged
 * notification is in the database exactly once and every respondent's timeline is right.
 */
class NotificationOutageTest {

    private static final long ADMITTED_ON = 1719221380326L;
    private static final List<String> EVENTS = List.of("admitted_respondent", "result_ready", "investigation_complete");
    /** Deliveries are sent in waves; every fourth wave goes out concurrently. */
    private static final int WAVE = 10;

    @TempDir
    static Path root;

    private static RestartablePostgres postgres;
    private static RunningExamgate examgate;

    @BeforeAll
    static void start() {
        postgres = new RestartablePostgres(root.resolve("postgres"));
        postgres.start();
        examgate = startExamgate();
    }

    @AfterAll
    static void stop() {
        if (examgate != null) {
            examgate.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Whatever a failed test left: the database up and examgate running. */
    @BeforeEach
    void databaseAndExamgateRunning() {
        postgres.start();
        if (examgate == null) {
            examgate = startExamgate();
        }
    }

    private static RunningExamgate startExamgate() {
        return RunningExamgate.start(postgres.jdbcUrl(), root.resolve("journal"));
    }

    /** One delivery of the platform's; {@code original} is false for a repeat of an earlier one. */
    record Delivery(String event, String respondentId, String body, boolean original) {

        String key() {
            return event + "/" + respondentId;
        }
    }

    /** What examgate answered, and when the delivery was sent and answered. */
    record Sent(Delivery delivery, int status, String answer, Instant sentAt, Instant answeredAt) {

        boolean acknowledged() {
            return status == 200;
        }
    }

    @Test
    void everyAcknowledgedNotificationIsStoredOnceThroughADatabaseRestart() throws Exception {
        String exam = "exam-outage-" + UUID.randomUUID();
        List<Delivery> plan = plan(exam, 300, 100);
        assertThat(plan).hasSize(1000);
        List<Sent> sent = new ArrayList<>();

        sent.addAll(send(plan.subList(0, 200), 0));
        // The database stops, and later comes back, while deliveries keep arriving.
        CompletableFuture<Void> stop = CompletableFuture.runAsync(postgres::stop);
        sent.addAll(send(plan.subList(200, 600), 200));
        stop.get(60, TimeUnit.SECONDS);
        long journaled = examgate.journalDepth();
        CompletableFuture<Void> restart = CompletableFuture.runAsync(postgres::start);
        sent.addAll(send(plan.subList(600, 1000), 600));
        restart.get(60, TimeUnit.SECONDS);
        // A delivery cut off as the database stopped may be answered 503; the platform delivers it again.
        List<Sent> refused = sent.stream().filter(delivery -> !delivery.acknowledged()).toList();
        for (Sent delivery : refused) {
            sent.add(deliver(delivery.delivery()));
        }

        awaitEmptyJournal();
        assertThat(journaled).as("deliveries during the outage waited in the journal").isGreaterThanOrEqualTo(300);
        assertThat(refused).as("at most those in flight when the database stopped").hasSizeLessThanOrEqualTo(WAVE)
                .allSatisfy(delivery -> assertThat(delivery.status()).as(delivery.toString()).isEqualTo(503));
        assertThat(sent.subList(1000, sent.size())).allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(200));
        assertThat(sent.subList(0, 1000)).filteredOn(delivery -> delivery.delivery().original() && delivery.acknowledged())
                .allSatisfy(delivery -> assertThat(delivery.answer()).isEqualTo("received"));
        assertStoredOnceWithTheirTimelines(exam, sent);
        assertThat(examgate.health().field("status")).isEqualTo("UP");
        assertThat(journalFiles()).as("nothing left, nothing rejected").isEmpty();
    }

    @Test
    void aJournalLeftByARestartOfExamgateIsReplayedWhenItStartsAgain() throws Exception {
        String exam = "exam-restart-" + UUID.randomUUID();
        List<Delivery> plan = plan(exam, 20, 10);
        List<Sent> sent = new ArrayList<>();
        sent.addAll(send(plan.subList(0, 10), 0));
        postgres.stop();
        sent.addAll(send(plan.subList(10, 60), 10));
        assertThat(examgate.journalDepth()).isEqualTo(50);

        examgate.close();
        examgate = null;
        long onDisk;
        try {
            onDisk = entriesOnDisk();
        } finally {
            postgres.start();
            examgate = startExamgate();
        }
        assertThat(onDisk).as("the acknowledged notifications are on disk while examgate is down").isEqualTo(50);
        // Repeats arriving during the replay at start-up are counted behind the originals.
        sent.addAll(send(plan.subList(60, 70), 60));

        awaitEmptyJournal();
        assertThat(sent).allSatisfy(delivery -> assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200));
        assertStoredOnceWithTheirTimelines(exam, sent);
    }

    /**
     * Three notifications for each respondent, shuffled, with repeats of earlier ones mixed in. Waves
     * sent concurrently hold no repeats, so that every repeat comes after the delivery it repeats.
     */
    private static List<Delivery> plan(String exam, int respondents, int repeats) {
        Random random = new Random(20240624L);
        List<Delivery> originals = new ArrayList<>();
        for (int r = 0; r < respondents; r++) {
            String respondentId = String.format("r-%04d", r);
            for (String event : EVENTS) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("event", event);
                body.put("respondent_id", respondentId);
                body.put("exam_id", exam);
                if (event.equals("admitted_respondent")) {
                    body.put("admittedOn", ADMITTED_ON + r * 1000L);
                }
                originals.add(new Delivery(event, respondentId, Http.json(body), true));
            }
        }
        Collections.shuffle(originals, random);
        int total = originals.size() + repeats;
        List<Integer> repeatSlots = new ArrayList<>();
        for (int i = WAVE; i < total; i++) {
            if (!concurrentWave(i) && i % (WAVE / 2) == WAVE / 2 - 1) {
                repeatSlots.add(i);
            }
        }
        Collections.shuffle(repeatSlots, random);
        Set<Integer> chosen = new TreeSet<>(repeatSlots.subList(0, repeats));
        List<Delivery> plan = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < total; i++) {
            if (chosen.contains(i)) {
                Delivery earlier = plan.get(random.nextInt(plan.size()));
                plan.add(new Delivery(earlier.event(), earlier.respondentId(), earlier.body(), false));
            } else {
                plan.add(originals.get(next++));
            }
        }
        return plan;
    }

    private static boolean concurrentWave(int index) {
        return (index / WAVE) % 4 == 0;
    }

    /** Sends the deliveries wave by wave; {@code offset} is the position of the first in the plan. */
    private static List<Sent> send(List<Delivery> deliveries, int offset) throws Exception {
        List<Sent> sent = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WAVE / 2);
        try {
            for (int start = 0; start < deliveries.size(); start += WAVE) {
                List<Delivery> wave = deliveries.subList(start, Math.min(start + WAVE, deliveries.size()));
                if (concurrentWave(offset + start)) {
                    List<Future<Sent>> answers = new ArrayList<>();
                    wave.forEach(delivery -> answers.add(pool.submit(() -> deliver(delivery))));
                    for (Future<Sent> answer : answers) {
                        sent.add(answer.get(60, TimeUnit.SECONDS));
                    }
                } else {
                    wave.forEach(delivery -> sent.add(deliver(delivery)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return sent;
    }

    private static Sent deliver(Delivery delivery) {
        Instant sentAt = Instant.now();
        RunningExamgate.Answer answer = examgate.webhook(delivery.body());
        Instant answeredAt = Instant.now();
        return new Sent(delivery, answer.status(), answer.status() == 200 ? answer.field("status") : answer.body(),
                sentAt, answeredAt);
    }

    private static void awaitEmptyJournal() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (examgate.journalDepth() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(examgate.journalDepth()).as("the journal drained into the database").isZero();
    }

    private static long entriesOnDisk() throws Exception {
        long entries = 0;
        try (Stream<Path> files = Files.list(root.resolve("journal"))) {
            for (Path file : files.filter(file -> file.toString().endsWith(".jsonl")).toList()) {
                entries += Files.readAllLines(file).stream().filter(line -> !line.isBlank()).count();
            }
        }
        return entries;
    }

    private static List<String> journalFiles() throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("journal"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals(JournalFiles.CURRENT) && !name.equals(JournalFiles.LOCK))
                    .toList();
        }
    }

    private static void assertStoredOnceWithTheirTimelines(String exam, List<Sent> sent) {
        JdbcClient jdbc = examgate.bean(JdbcClient.class);
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Integer> deliveryCounts = new HashMap<>();
        jdbc.sql("select event_type, respondent_id, delivery_count from webhook_event where exam_id = ?").param(exam)
                .query((rs, row) -> {
                    String key = rs.getString(1) + "/" + rs.getString(2);
                    rows.merge(key, 1, Integer::sum);
                    deliveryCounts.put(key, rs.getInt(3));
                    return key;
                }).list();
        Map<String, Instant> firstAttempt = new HashMap<>();
        Map<String, Sent> firstAcknowledged = new LinkedHashMap<>();
        Map<String, Integer> acknowledged = new HashMap<>();
        for (Sent delivery : sent) {
            firstAttempt.merge(delivery.delivery().key(), delivery.sentAt(), (a, b) -> a.isBefore(b) ? a : b);
            if (delivery.acknowledged()) {
                firstAcknowledged.putIfAbsent(delivery.delivery().key(), delivery);
                acknowledged.merge(delivery.delivery().key(), 1, Integer::sum);
            }
        }

        assertThat(rows.keySet()).as("every acknowledged notification, and nothing else")
                .containsExactlyInAnyOrderElementsOf(firstAcknowledged.keySet());
        assertThat(rows).as("each stored exactly once").allSatisfy((key, count) -> assertThat(count).isOne());
        // A replay after a crash may count a delivery twice; it never counts one that was acknowledged less.
        acknowledged.forEach((key, count) -> assertThat(deliveryCounts.get(key)).as(key).isGreaterThanOrEqualTo(count));

        Map<String, Map<String, Object>> timelines = new HashMap<>();
        jdbc.sql("""
                select respondent_id, admitted_at, result_ready_at, investigation_completed_at, last_event_at
                  from respondent_timeline where exam_id = ?
                """).param(exam).query().listOfRows()
                .forEach(row -> timelines.put((String) row.get("respondent_id"), row));
        firstAcknowledged.values().forEach(first -> {
            Delivery delivery = first.delivery();
            Map<String, Object> timeline = timelines.get(delivery.respondentId());
            assertThat(timeline).as("timeline of " + delivery.respondentId()).isNotNull();
            assertThat(timeline.get("last_event_at")).isNotNull();
            switch (delivery.event()) {
                case "admitted_respondent" -> assertThat(instant(timeline.get("admitted_at"))).as(delivery.key())
                        .isEqualTo(Instant.ofEpochMilli(ADMITTED_ON
                                + Integer.parseInt(delivery.respondentId().substring(2)) * 1000L));
                // The time it arrived, also when it was stored later from the journal.
                case "result_ready" -> assertArrivedBetween(firstAttempt.get(delivery.key()), first,
                        timeline.get("result_ready_at"));
                default -> assertArrivedBetween(firstAttempt.get(delivery.key()), first,
                        timeline.get("investigation_completed_at"));
            }
        });
    }

    private static void assertArrivedBetween(Instant firstAttempt, Sent firstAcknowledged, Object stored) {
        assertThat(instant(stored)).as(firstAcknowledged.delivery().key())
                .isBetween(firstAttempt.minusMillis(1), firstAcknowledged.answeredAt().plusMillis(1));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        throw new AssertionError("not a time: " + value);
    }
}
