package org.examgate.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * examgate stopped as {@code docker stop} or SIGTERM stops it, while requests are in flight: every
 * request that had reached examgate gets its full answer (no connection cut), new connections are
 * refused meanwhile, and notifications acknowledged into the journal are on disk, readable by the next
 * start, which stores them. Real HTTP, real PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class GracefulShutdownTest {

    private static final String PASSWORD = "a password for the shutdown test";
    /** bcrypt cost 12 on one hash thread: a few verifications queue for seconds. */
    private static final int COST = 12;
    private static final int VERIFICATIONS = 8;
    private static final int NOTIFICATIONS = 4;

    @TempDir
    static Path root;

    private static RestartablePostgres postgres;
    private static JdbcClient database;
    private RunningExamgate examgate;

    @BeforeAll
    static void startDatabase() {
        postgres = new RestartablePostgres(root.resolve("postgres"));
        postgres.start();
        database = JdbcClient.create(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", ""));
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopExamgate() {
        postgres.start();
        if (examgate != null) {
            examgate.close();
        }
    }

    @Test
    void requestsInFlightWhenExamgateStopsAreAnsweredInFull() throws Exception {
        Path journal = root.resolve("journal-in-flight");
        examgate = RunningExamgate.start(postgres.jdbcUrl(), journal, "--examgate.verification.hash-threads=1",
                "--examgate.password.bcrypt-strength=" + COST);
        String exam = Fixtures.unique("exam-shutdown-");
        List<String> students = students(VERIFICATIONS);
        MeterRegistry meters = examgate.bean(MeterRegistry.class);
        List<CompletableFuture<RunningExamgate.Answer>> verifications = new ArrayList<>();
        List<CompletableFuture<RunningExamgate.Answer>> notifications;
        CompletableFuture<Void> stopping;

        // Notifications wait for their insert behind a lock held here: in flight for as long as it is held.
        try (Connection locker = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("lock table webhook_event in share row exclusive mode");
            }
            for (String student : students) {
                verifications.add(examgate.webhookAsync(Fixtures.verifyBody(exam, 0, student, 1, PASSWORD)));
            }
            notifications = sendNotifications(exam);
            await("notifications waiting for the lock", () -> sessionsWaitingForALock() == NOTIFICATIONS);
            await("verifications waiting for the hash pool",
                    () -> meters.get("examgate.verification.hash.queue").gauge().value() >= VERIFICATIONS / 2);

            stopping = beginShutdown();
            assertThat(notifications).as("still in flight as the shutdown began").noneMatch(CompletableFuture::isDone);
            assertThat(verifications).as("still waiting for a hash").anyMatch(answer -> !answer.isDone());
            locker.rollback();
        }

        for (CompletableFuture<RunningExamgate.Answer> verification : verifications) {
            RunningExamgate.Answer answer = verification.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().has("metadata")).as(answer.toString()).isTrue();
        }
        assertAllReceived(notifications);
        stopping.get(30, TimeUnit.SECONDS);
        examgate = null;

        assertThat(database.sql("select outcome from verification_attempt where exam_id = ?").param(exam)
                .query(String.class).list()).as("every answer given is in the audit trail")
                .hasSize(VERIFICATIONS).containsOnly("verified");
        assertThat(storedDeliveries(exam)).as("every notification acknowledged is stored")
                .hasSize(NOTIFICATIONS).containsOnly(1);
        assertJournalReleased(journal);
    }

    @Test
    void notificationsJournaledWhileExamgateStopsAreOnDiskAndStoredByTheNextStart(CapturedOutput output)
            throws Exception {
        Path journal = root.resolve("journal-outage");
        // Longer than the default 2 s, so that the pool's waiting-threads gauge (refreshed once a second)
        // surely shows the deliveries waiting.
        examgate = RunningExamgate.start(postgres.jdbcUrl(), journal, "--spring.datasource.hikari.connection-timeout=8000");
        String exam = Fixtures.unique("exam-shutdown-outage-");
        MeterRegistry meters = examgate.bean(MeterRegistry.class);

        // With the database gone and no connection left in the pool, each delivery waits for a connection
        // before it is journaled. (A pooled connection, used moments ago, would fail at once instead: the
        // first delivery would be journaled at once and the others would queue behind it without waiting.)
        postgres.stop();
        examgate.bean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        List<CompletableFuture<RunningExamgate.Answer>> notifications = sendNotifications(exam);
        await("deliveries waiting for a database connection",
                () -> meters.get("hikaricp.connections.pending").gauge().value() >= NOTIFICATIONS);
        CompletableFuture<Void> stopping = beginShutdown();
        assertThat(notifications).as("still in flight as the shutdown began").noneMatch(CompletableFuture::isDone);

        assertAllReceived(notifications);
        stopping.get(30, TimeUnit.SECONDS);
        examgate = null;
        assertThat(output).as("the database's absence is no failure of the shutdown itself")
                .doesNotContain("Destroy method");

        assertThat(journaledRespondents(journal)).as("every acknowledged notification is on disk, readable")
                .containsExactlyInAnyOrder("r-0", "r-1", "r-2", "r-3");
        assertJournalReleased(journal);

        postgres.start();
        examgate = RunningExamgate.start(postgres.jdbcUrl(), journal);
        await("the journal replayed by the next start", () -> examgate.journalDepth() == 0);
        assertThat(storedDeliveries(exam)).hasSize(NOTIFICATIONS).containsOnly(1);
    }

    /** Students with one shared hash of {@link #PASSWORD}; each verification still costs a full hash. */
    private List<String> students(int count) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(COST).encode(PASSWORD);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = Fixtures.unique("SD");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("studentNumber", number);
            body.put("fullName", "Shutdown Student " + i);
            body.put("passwordHash", hash);
            RunningExamgate.Answer created = examgate.asAdmin("POST", "/api/v1/students", Http.json(body));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            numbers.add(number);
        }
        return numbers;
    }

    private List<CompletableFuture<RunningExamgate.Answer>> sendNotifications(String exam) {
        List<CompletableFuture<RunningExamgate.Answer>> notifications = new ArrayList<>();
        for (int i = 0; i < NOTIFICATIONS; i++) {
            notifications.add(examgate.webhookAsync(Http.json(Map.of("event", "result_ready", "exam_id", exam,
                    "respondent_id", "r-" + i))));
        }
        return notifications;
    }

    /** Stops examgate as SIGTERM does, and returns once it refuses new connections (the shutdown is under way). */
    private CompletableFuture<Void> beginShutdown() throws InterruptedException {
        int port = examgate.port();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(examgate::close);
        await("examgate refusing new connections", () -> refusesConnections(port));
        return stopping;
    }

    private static void assertAllReceived(List<CompletableFuture<RunningExamgate.Answer>> notifications)
            throws Exception {
        for (CompletableFuture<RunningExamgate.Answer> notification : notifications) {
            RunningExamgate.Answer answer = notification.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.field("status")).isEqualTo("received");
        }
    }

    private static long sessionsWaitingForALock() {
        return database.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                .query(Long.class).single();
    }

    private static List<Integer> storedDeliveries(String exam) {
        return database.sql("select delivery_count from webhook_event where exam_id = ?").param(exam)
                .query(Integer.class).list();
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The respondents of the entries in the journal's files, as a new process reads them. */
    private static List<String> journaledRespondents(Path journal) throws IOException {
        List<String> respondents = new ArrayList<>();
        try (Stream<Path> files = Files.list(journal)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Optional<JournalEntry> entry = JournalCodec.read(line);
                    assertThat(entry).as("a whole entry in %s: %s", file.getFileName(), line).isPresent();
                    respondents.add(entry.get().respondentId());
                }
            }
        }
        return respondents;
    }

    /** The directory lock is given up, so that the next start (or another instance) can take it. */
    private static void assertJournalReleased(Path journal) throws IOException {
        new JournalFiles(journal).close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
