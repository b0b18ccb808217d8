import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The exam-day load client: seeds a running examgate through its admin API, then drives the
 * webhook the way ExamJoint does on exam day and writes what it measured as key=value lines.
 *
 * <p>Run by bench/run.sh as a single-file program:
 * {@code java -cp <spring-security-crypto + commons-logging> bench/LoadClient.java --base http://127.0.0.1:PORT ...}.
 * Every loop is bounded in count and in time; all traffic goes to the given base URL.
 */
public class LoadClient {

    static final String PASSWORD = "Exam-day bench password 7!";
    static final Pattern ERROR_CODE = Pattern.compile("\"errorCode\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern CHANGED = Pattern.compile("\"changed\"\\s*:\\s*(\\d+)");
    static final String[] NOTIFICATION_TYPES = {"admitted_respondent", "result_ready", "investigation_complete"};

    // Options (--name value); defaults are the exam-day scenario.
    static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static String base;
    static String webhookId;
    static String webhookSecret;
    static String adminAuth;
    static String bearer;
    static String runId;
    static long deadlineMs;
    static HttpClient http;
    static ExecutorService httpExecutor;
    static final Map<String, String> RESULTS = Collections.synchronizedMap(new LinkedHashMap<>());
    static Path out;
    static final AtomicInteger SCRAPES = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            OPTIONS.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option without value: " + args[args.length - 1]);
        }
        base = opt("base", "http://127.0.0.1:8080");
        if (!URI.create(base).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("the bench only talks to 127.0.0.1");
        }
        webhookId = opt("client-id", "bench-client");
        webhookSecret = opt("client-secret", "bench-secret");
        adminAuth = "Basic " + Base64.getEncoder().encodeToString(
                (opt("admin-user", "bench-admin") + ":" + opt("admin-password", "")).getBytes(StandardCharsets.UTF_8));
        runId = opt("run-id", Long.toString(System.currentTimeMillis(), 36));
        deadlineMs = num("deadline-ms", 20_000);
        serverPid = opt("server-pid", "");
        dbDir = opt("db-dir", "");
        out = Path.of(opt("out", "bench-results.txt"));
        Path artifacts = Path.of(opt("artifacts", "."));
        boolean soak = opt("scenario", "exam-day").equals("soak");
        int students = (int) num("students", 4000);
        int burst = (int) num("burst", 3000);
        int codeStudents = (int) num("code-students", 500);
        if (!soak && burst >= students) {
            throw new IllegalArgumentException("--students must exceed --burst to leave a sustained set");
        }
        codeStudents = Math.min(codeStudents, students);

        httpExecutor = Executors.newFixedThreadPool((int) num("http-threads", 8), daemon("http-"));
        http = newClient(httpExecutor);
        int status = 0;
        try {
            if (soak) {
                Soak.run(codeStudents, artifacts);
            } else {
                run(students, burst, codeStudents, artifacts);
            }
        } catch (Exception e) {
            log("the bench stopped early: %s", e);
            put("bench_incomplete", 1);
            status = 2;
        } finally {
            writeResults();
        }
        httpExecutor.shutdownNow();
        System.exit(status);
    }

    static void run(int students, int burst, int codeStudents, Path artifacts) throws Exception {

        // ---- setup -----------------------------------------------------------------------------
        int warmupStudents = (int) num("warmup-students", 1500);
        Seeded seeded = seed(students + warmupStudents, codeStudents, artifacts);
        String pwExam = seeded.pwExam();
        String codeExam = seeded.codeExam();
        Map<String, String> codes = seeded.codes();
        String hash = seeded.hash();

        // ---- warm-up: the server's JIT compiles the paths measured below ----------------------
        long warmupSeconds = num("warmup-seconds", 60);
        if (warmupSeconds > 0) {
            log("warm-up: starting");
            warmup(pwExam, codeExam, codes, students, warmupStudents, warmupSeconds * 1000);
        }

        // ---- raw hash ceiling ------------------------------------------------------------------
        idle(2000);
        log("raw hash rate: starting");
        Cpu cpu = cpuNow();
        double hashRate = hashRate(hash, (int) num("hash-threads", Runtime.getRuntime().availableProcessors()),
                num("hash-seconds", 10) * 1000);
        put("hash_rate", hashRate);
        putCpu("hash", cpu);
        put("hash_ms_per_core", 1000.0 * num("hash-threads", Runtime.getRuntime().availableProcessors()) / hashRate);

        // ---- sustained verification ------------------------------------------------------------
        int sustainedLimit = students - burst;
        List<String> verifiedNumbers = Collections.synchronizedList(new ArrayList<>());
        log("sustained verification: starting");
        cpu = cpuNow();
        sustained(pwExam, sustainedLimit, (int) num("verify-connections", 64), num("verify-seconds", 30) * 1000,
                hashRate, verifiedNumbers);
        putCpu("verify", cpu);
        putExClient("verify_ratio", "verify_cpu_client_pct");

        // ---- burst, with a notification stream beside it ---------------------------------------
        idle(2000);
        log("burst: starting");
        cpu = cpuNow();
        burst(pwExam, students - burst, burst, num("burst-window-ms", 1000), hashRate, verifiedNumbers,
                (int) num("burst-notify-rate", 200), (int) num("burst-notify-connections", 16),
                serverPid, artifacts);
        putCpu("burst", cpu);
        putExClient("burst_goodput_ratio", "burst_cpu_client_pct");

        // ---- remembered credentials ------------------------------------------------------------
        idle(1000);
        log("recheck: starting");
        cpu = cpuNow();
        recheck(pwExam, verifiedNumbers, num("recheck-rate", 400), num("recheck-seconds", 5),
                (int) num("recheck", 1000), (int) num("recheck-connections", 16));
        putCpu("recheck", cpu);

        // ---- access codes ----------------------------------------------------------------------
        idle(1000);
        log("access codes: starting");
        cpu = cpuNow();
        accessCodes(codeExam, codes, (int) num("code-connections", 64), num("code-seconds", 10) * 1000);
        putCpu("code", cpu);

        // ---- notifications ---------------------------------------------------------------------
        idle(1000);
        log("notifications: starting");
        cpu = cpuNow();
        notifications((int) num("notify-connections", 64), num("notify-seconds", 15) * 1000);
        putCpu("notify", cpu);

        scrape(artifacts.resolve("prometheus-end.txt"));
        if (!serverPid.isEmpty()) {
            // After every measurement: what the heap still holds (a full collection runs first).
            jcmd(serverPid, "GC.class_histogram", artifacts.resolve("heap-histogram.txt"));
        }
    }

    // ============================================================================================
    // Setup through the admin API
    // ============================================================================================

    /** A password exam, an access-code exam with its enrolled students' codes, and the students' shared hash. */
    record Seeded(String pwExam, String codeExam, Map<String, String> codes, String hash) {
    }

    /** Students 0 to {@code students - 1}, the first {@code codeStudents} of them enrolled in the code exam. */
    static Seeded seed(int students, int codeStudents, Path artifacts) throws Exception {
        long setupStarted = System.nanoTime();
        bearer = "Bearer " + createApiToken();
        String pwExam = "bench-" + runId + "-pw";
        String codeExam = "bench-" + runId + "-code";
        createExam(pwExam, "[{\"position\":0,\"kind\":\"IDENTIFIER\"},{\"position\":1,\"kind\":\"PASSWORD\"}]", false);
        createExam(codeExam, "[{\"position\":0,\"kind\":\"IDENTIFIER\"},{\"position\":1,\"kind\":\"ACCESS_CODE\"}]", true);
        long hashStarted = System.nanoTime();
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD);
        log("one bcrypt-10 hash computed in %d ms", (System.nanoTime() - hashStarted) / 1_000_000);
        seedStudents(students, hash, (int) num("seed-connections", 16));
        List<String> codeNumbers = new ArrayList<>();
        for (int i = 0; i < codeStudents; i++) {
            codeNumbers.add(studentNumber(i));
        }
        enroll(codeExam, codeNumbers);
        Map<String, String> codes = generateCodes(codeExam);
        if (codes.size() != codeStudents) {
            throw new IllegalStateException("expected " + codeStudents + " access codes, got " + codes.size());
        }
        put("seed_students", students);
        put("seed_s", secondsSince(setupStarted));
        scrape(artifacts.resolve("prometheus-after-seed.txt"));
        return new Seeded(pwExam, codeExam, codes, hash);
    }

    static String createApiToken() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/api-tokens",
                "{\"name\":\"bench " + runId + "\",\"role\":\"ADMIN\"}").header("Authorization", adminAuth).build());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("could not create an API token: " + response.statusCode() + " "
                    + response.body());
        }
        return token.group(1);
    }

    static void createExam(String examId, String layout, boolean rosterRequired) throws Exception {
        String body = "{\"examId\":\"" + examId + "\",\"title\":\"Bench " + examId + "\",\"fieldLayout\":" + layout
                + ",\"rosterRequired\":" + rosterRequired + "}";
        HttpResponse<String> response = send(admin(post("/api/v1/exams", body)));
        expect(response, 201, "create exam " + examId);
    }

    static String studentNumber(int i) {
        return String.format(Locale.ROOT, "B%s-%06d", runId, i);
    }

    static void seedStudents(int count, String hash, int connections) throws Exception {
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReferenceArray<String> firstFailure = new AtomicReferenceArray<>(1);
        long giveUpAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        runThreads(connections, "seed-", () -> {
            int i;
            while ((i = next.getAndIncrement()) < count && System.nanoTime() < giveUpAt) {
                String body = "{\"studentNumber\":\"" + studentNumber(i) + "\",\"fullName\":\"Bench Student " + i
                        + "\",\"email\":\"b" + runId + "-" + i + "@bench.example\",\"passwordHash\":\"" + hash
                        + "\",\"attributes\":{\"cohort\":\"bench\",\"index\":" + i + "}}";
                try {
                    HttpResponse<String> response = send(admin(post("/api/v1/students", body)));
                    if (response.statusCode() != 201) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(0, null, response.statusCode() + " " + response.body());
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(0, null, e.toString());
                }
            }
        });
        if (failed.get() > 0 || next.get() < count) {
            throw new IllegalStateException(failed.get() + " students could not be created (first: "
                    + firstFailure.get(0) + ")");
        }
        log("seeded %d students in %.1f s", count, secondsSince(started));
    }

    static void enroll(String examId, List<String> numbers) throws Exception {
        String body = "{\"studentNumbers\":[\"" + String.join("\",\"", numbers) + "\"]}";
        HttpResponse<String> response = send(admin(post("/api/v1/exams/" + examId + "/roster", body)));
        expect(response, 200, "enroll");
        Matcher changed = CHANGED.matcher(response.body());
        if (!changed.find() || Integer.parseInt(changed.group(1)) != numbers.size()) {
            throw new IllegalStateException("enrollment incomplete: " + response.body());
        }
    }

    /** studentNumber → access code, from the CSV that is shown once. */
    static Map<String, String> generateCodes(String examId) throws Exception {
        HttpResponse<String> response = send(post("/api/v1/exams/" + examId + "/access-codes", "{}")
                .header("Authorization", bearer).header("Accept", "text/csv"));
        expect(response, 200, "generate access codes");
        Map<String, String> codes = new LinkedHashMap<>();
        String[] lines = response.body().split("\r?\n");
        for (int i = 1; i < lines.length; i++) { // header: studentNumber,fullName,email,accessCode
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            codes.put(line.substring(0, line.indexOf(',')), line.substring(line.lastIndexOf(',') + 1).trim());
        }
        return codes;
    }

    // ============================================================================================
    // Scenarios
    // ============================================================================================

    /** The same encoder as the server's, on every core of this machine, while the server is idle. */
    static double hashRate(String hash, int threads, long millis) throws Exception {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
        // Warm-up: let the JIT compile bcrypt before counting.
        long warmUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(2000, millis / 4));
        runThreads(threads, "warm-", () -> {
            while (System.nanoTime() < warmUntil) {
                encoder.matches(PASSWORD, hash.substring(8));
            }
        });
        AtomicLong matches = new AtomicLong();
        long started = System.nanoTime();
        long until = started + TimeUnit.MILLISECONDS.toNanos(millis);
        runThreads(threads, "hash-", () -> {
            long n = 0;
            while (System.nanoTime() < until) {
                if (!encoder.matches(PASSWORD, hash.substring(8))) {
                    throw new IllegalStateException("the bench hash does not match its password");
                }
                n++;
            }
            matches.addAndGet(n);
        });
        double seconds = secondsSince(started);
        double rate = matches.get() / seconds;
        log("hash_rate: %d matches on %d threads in %.1f s = %.2f/s", matches.get(), threads, seconds, rate);
        return rate;
    }

    /**
     * Not measured: every kind of request of the scenarios below, so that the server's JIT has
     * compiled them (the load client's hash_rate is measured warm too). Students from index
     * {@code first} on are the warm-up's own; they are verified, then rechecked.
     */
    static void warmup(String pwExam, String codeExam, Map<String, String> codes, int first, int count, long millis)
            throws Exception {
        long started = System.nanoTime();
        long until = started + TimeUnit.MILLISECONDS.toNanos(millis);
        long verifyUntil = started + TimeUnit.MILLISECONDS.toNanos(millis * 2 / 3);
        Outcomes outcomes = new Outcomes();
        AtomicInteger next = new AtomicInteger();
        List<String> verified = Collections.synchronizedList(new ArrayList<>());
        Thread monitor = monitor("warm-up", 10_000);
        // A burst first, beside the verifications: most of it is answered busy, so that the busy answer is
        // compiled, in examgate and in the raw sender, like every other one before the measured burst. A
        // third of the warm-up's students are in it, and student numbers never seeded make up the rest:
        // answered busy, or hashed and refused, they take the same paths as the measured burst's.
        int warmBurst = (int) num("warmup-burst", 1500);
        int seededInBurst = Math.min(warmBurst, count / 3);
        List<String> burstNumbers = new ArrayList<>();
        for (int b = 0; b < warmBurst; b++) {
            burstNumbers.add(b < seededInBurst ? studentNumber(first + count - seededInBurst + b)
                    : "WARM-" + runId + "-" + b);
        }
        Thread burst = new Thread(() -> {
            try {
                RawBurst.verifications(pwExam, burstNumbers, 1000, (answer, index) -> outcomes.add(answer));
            } catch (IOException e) {
                log("warm-up burst failed: %s", e);
            }
        }, "warm-burst");
        burst.start();
        runThreads(64, "warm-verify-", () -> {
            int i;
            while ((i = next.getAndIncrement()) < count - seededInBurst && System.nanoTime() < verifyUntil) {
                Answer answer = verify(pwExam, studentNumber(first + i), PASSWORD, Duration.ofSeconds(60));
                outcomes.add(answer);
                if (answer.verified()) {
                    verified.add(answer.studentNumber);
                }
            }
        });
        burst.join();
        List<Map.Entry<String, String>> entries = new ArrayList<>(codes.entrySet());
        long rest = Math.max(0, until - System.nanoTime()) / 3;
        long recheckUntil = System.nanoTime() + rest;
        long codeUntil = recheckUntil + rest;
        AtomicInteger n = new AtomicInteger();
        runThreads(16, "warm-recheck-", () -> {
            while (!verified.isEmpty() && System.nanoTime() < recheckUntil) {
                outcomes.add(verify(pwExam, verified.get(Math.floorMod(n.getAndIncrement(), verified.size())), PASSWORD,
                        Duration.ofSeconds(60)));
            }
        });
        runThreads(32, "warm-code-", () -> {
            while (System.nanoTime() < codeUntil) {
                Map.Entry<String, String> entry = entries.get(Math.floorMod(n.getAndIncrement(), entries.size()));
                outcomes.add(verify(codeExam, entry.getKey(), entry.getValue(), Duration.ofSeconds(60)));
            }
        });
        AtomicInteger k = new AtomicInteger();
        runThreads(32, "warm-notify-", () -> {
            while (System.nanoTime() < until) {
                int i = k.getAndIncrement();
                outcomes.add(notification("w" + runId, i, false));
                if (i % 10 == 9) {
                    outcomes.add(notification("w" + runId, i - 5, true));
                }
            }
        });
        monitor.interrupt();
        log("warm-up: %s", outcomes);
    }

    static void sustained(String examId, int limit, int connections, long millis, double hashRate,
            List<String> verifiedNumbers) throws Exception {
        Map<String, Double> before = scrape(null);
        AtomicInteger next = new AtomicInteger();
        Outcomes outcomes = new Outcomes();
        AtomicLong lastVerifiedAt = new AtomicLong();
        long started = System.nanoTime();
        long stopSendingAt = started + TimeUnit.MILLISECONDS.toNanos(millis);
        Thread monitor = monitor("verify", 10_000);
        runThreads(connections, "verify-", () -> {
            while (System.nanoTime() < stopSendingAt) {
                int i = next.getAndIncrement();
                if (i >= limit) {
                    outcomes.count("exhausted");
                    return;
                }
                String number = studentNumber(i);
                Answer answer = verify(examId, number, PASSWORD, Duration.ofSeconds(60));
                outcomes.add(answer);
                if (answer.verified()) {
                    verifiedNumbers.add(number);
                    lastVerifiedAt.accumulateAndGet(answer.endNanos, Math::max);
                }
            }
        });
        monitor.interrupt();
        Map<String, Double> after = scrape(null);
        long verified = outcomes.get("verified");
        double seconds = (lastVerifiedAt.get() - started) / 1e9;
        double rate = verified / seconds;
        put("verify_sent", outcomes.sent());
        put("verify_ok", verified);
        put("verify_not_ok", outcomes.sent() - verified);
        put("verify_duration_s", seconds);
        put("verify_rate", rate);
        put("verify_ratio", rate / hashRate);
        put("verify_p50_ms", outcomes.percentile(50));
        put("verify_p99_ms", outcomes.percentile(99));
        put("verify_hashes_per_ok", hashes(before, after) / Math.max(1, verified));
        if (outcomes.get("exhausted") > 0) {
            put("verify_students_exhausted", 1);
        }
        log("sustained: %s; %.2f verified/s (%.1f%% of hash_rate)", outcomes, rate, 100 * rate / hashRate);
    }

    static void burst(String examId, int first, int count, long windowMs, double hashRate, List<String> verifiedNumbers,
            int notifyRate, int notifyConnections, String serverPid, Path artifacts) throws Exception {
        Map<String, Double> before = scrape(null);
        Answer[] answers = new Answer[count];
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong queueMax = new AtomicLong();
        AtomicInteger notifySeq = new AtomicInteger();

        // The notification stream beside the burst: open loop, paced per connection.
        Outcomes notify = new Outcomes();
        AtomicLong burstEnd = new AtomicLong(Long.MAX_VALUE);
        Thread[] notifiers = new Thread[notifyConnections];
        long notifyStart = System.nanoTime();
        long notifyHardStop = notifyStart + TimeUnit.SECONDS.toNanos(120);
        double perConnectionInterval = notifyConnections * 1e9 / Math.max(1, notifyRate);
        for (int c = 0; c < notifyConnections; c++) {
            int connection = c;
            notifiers[c] = new Thread(() -> {
                long due = notifyStart + (long) (connection * 1e9 / Math.max(1, notifyRate));
                while (true) {
                    LockSupport.parkNanos(due - System.nanoTime());
                    long now = System.nanoTime();
                    if (now > notifyHardStop || now > burstEnd.get()) {
                        return;
                    }
                    int k = notifySeq.getAndIncrement();
                    notify.add(notification("b" + runId + "-" + k, k, false));
                    due += (long) perConnectionInterval;
                }
            }, "burst-notify-" + c);
            notifiers[c].setDaemon(true);
        }
        // Let the stream settle for a second before the burst, so its numbers show the burst's effect.
        for (Thread t : notifiers) {
            t.start();
        }
        idle(1000);

        Thread sampler = new Thread(() -> {
            while (done.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                try {
                    Double queue = scrape(null).get("examgate_verification_hash_queue");
                    if (queue != null) {
                        queueMax.accumulateAndGet(queue.longValue(), Math::max);
                    }
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample is not a result
                }
            }
        }, "queue-sampler");
        sampler.setDaemon(true);
        sampler.start();
        if (!serverPid.isEmpty() && num("thread-dump", 0) == 1) {
            Thread dumper = new Thread(() -> {
                try {
                    Thread.sleep(2500);
                    threadDump(serverPid, artifacts.resolve("threads-during-burst.txt"));
                } catch (Exception e) {
                    log("thread dump failed: %s", e);
                }
            }, "dumper");
            dumper.setDaemon(true);
            dumper.start();
        }

        Thread monitor = monitor("burst", 2_000);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(studentNumber(first + i));
        }
        RawBurst.Sent sent = RawBurst.verifications(examId, numbers, windowMs, (answer, index) -> {
            answers[index] = answer;
            done.countDown();
        });
        long started = sent.startedNanos();
        long lastSend = sent.lastSendNanos();
        boolean all = done.getCount() == 0;
        sampler.interrupt();
        monitor.interrupt();
        burstEnd.set(System.nanoTime());
        for (Thread t : notifiers) {
            t.join(65_000);
        }
        Map<String, Double> after = scrape(null);

        Outcomes outcomes = new Outcomes();
        long lastVerified = started;
        long okInDeadline = 0;
        List<Long> busyLatencies = new ArrayList<>();
        List<Long> okLatencies = new ArrayList<>();
        for (Answer answer : answers) {
            if (answer == null) {
                outcomes.count("unanswered");
                continue;
            }
            outcomes.add(answer);
            if (answer.verified()) {
                verifiedNumbers.add(answer.studentNumber);
                lastVerified = Math.max(lastVerified, answer.endNanos);
                okLatencies.add(answer.millis());
                if (answer.millis() <= deadlineMs) {
                    okInDeadline++;
                }
            } else if ("busy".equals(answer.outcome)) {
                busyLatencies.add(answer.millis());
            }
        }
        double duration = (lastVerified - started) / 1e9;
        double goodput = okInDeadline / duration;
        StringBuilder csv = new StringBuilder("index,sent_ms,latency_ms,outcome\n");
        for (int i = 0; i < answers.length; i++) {
            Answer answer = answers[i];
            if (answer != null) {
                csv.append(i).append(',').append((answer.sentNanos - started) / 1_000_000).append(',')
                        .append(answer.millis()).append(',').append(answer.outcome).append('\n');
            }
        }
        Files.writeString(artifacts.resolve("burst-answers.csv"), csv);
        put("burst_sent", count);
        put("burst_send_span_ms", (lastSend - started) / 1_000_000);
        put("burst_ok", outcomes.get("verified"));
        put("burst_ok_in_deadline", okInDeadline);
        put("burst_busy", outcomes.get("busy"));
        put("burst_timeouts", outcomes.get("timeout"));
        put("burst_5xx", outcomes.get("5xx"));
        put("burst_unavailable", outcomes.get("unavailable"));
        put("burst_errors", outcomes.get("error") + outcomes.get("unanswered") + outcomes.get("4xx"));
        put("burst_other", count - outcomes.get("verified") - outcomes.get("busy") - outcomes.get("timeout")
                - outcomes.get("5xx") - outcomes.get("error") - outcomes.get("unanswered") - outcomes.get("4xx"));
        put("burst_duration_s", duration);
        put("burst_goodput", goodput);
        put("burst_goodput_ratio", goodput / hashRate);
        put("burst_busy_p50_ms", percentile(busyLatencies, 50));
        put("burst_busy_p99_ms", percentile(busyLatencies, 99));
        put("burst_ok_p50_ms", percentile(okLatencies, 50));
        put("burst_ok_p99_ms", percentile(okLatencies, 99));
        put("burst_max_ms", outcomes.max());
        put("burst_hashes", hashes(before, after));
        put("burst_hash_queue_max", queueMax.get());
        put("notify_during_burst_sent", notify.sent());
        put("notify_during_burst_non200", notify.sent() - notify.get("received") - notify.get("duplicate"));
        put("notify_during_burst_p50_ms", notify.percentile(50));
        put("notify_during_burst_p99_ms", notify.percentile(99));
        put("notify_during_burst_max_ms", notify.max());
        log("burst: %s%s; goodput %.2f/s (%.1f%% of hash_rate) over %.1f s", outcomes, all ? "" : " (not all answered)",
                goodput, 100 * goodput / hashRate, duration);
        log("notifications during the burst: %s", notify);
    }

    /**
     * Students verifying again with the password that verified them: first at a steady rate (what a
     * recheck costs a student: {@code recheck_p99_ms}), then as fast as 16 connections can go (what
     * the machine can do: {@code recheck_saturated_*}, where latency is queueing, as for access codes).
     */
    static void recheck(String examId, List<String> verifiedNumbers, double rate, long seconds, int count,
            int connections) throws Exception {
        List<String> pool;
        synchronized (verifiedNumbers) {
            pool = new ArrayList<>(verifiedNumbers);
        }
        if (pool.isEmpty()) {
            log("recheck: no verified students to recheck");
            put("recheck_ok", 0);
            return;
        }
        Map<String, Double> before = scrape(null);
        Outcomes paced = Soak.drive(List.of(new Soak.Stream("recheck", connections, rate, Set.of("verified"),
                n -> verify(examId, pool.get(n % pool.size()), PASSWORD, Duration.ofSeconds(60)))), seconds, null, 0)
                .get("recheck");
        put("recheck_rate_asked", rate);
        put("recheck_sent", paced.sent());
        put("recheck_ok", paced.get("verified"));
        put("recheck_p50_ms", paced.percentile(50));
        put("recheck_p99_ms", paced.percentile(99));
        put("recheck_max_ms", paced.max());
        log("recheck at %.0f/s: %s", rate, paced);

        idle(1000);
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastAt = new AtomicLong();
        Outcomes outcomes = new Outcomes();
        long started = System.nanoTime();
        long giveUpAt = started + TimeUnit.SECONDS.toNanos(120);
        runThreads(connections, "recheck-", () -> {
            int i;
            while ((i = next.getAndIncrement()) < count && System.nanoTime() < giveUpAt) {
                Answer answer = verify(examId, pool.get(i % pool.size()), PASSWORD, Duration.ofSeconds(60));
                outcomes.add(answer);
                lastAt.accumulateAndGet(answer.endNanos, Math::max);
            }
        });
        Map<String, Double> after = scrape(null);
        put("recheck_saturated_sent", outcomes.sent());
        put("recheck_saturated_ok", outcomes.get("verified"));
        put("recheck_saturated_rate", outcomes.get("verified") / ((lastAt.get() - started) / 1e9));
        put("recheck_saturated_p50_ms", outcomes.percentile(50));
        put("recheck_saturated_p99_ms", outcomes.percentile(99));
        put("recheck_distinct_students", Math.min(count, pool.size()));
        put("recheck_hashes", hashes(before, after));
        log("recheck as fast as %d connections go: %s", connections, outcomes);
    }

    static void accessCodes(String examId, Map<String, String> codes, int connections, long millis) throws Exception {
        List<Map.Entry<String, String>> entries = new ArrayList<>(codes.entrySet());
        Map<String, Double> before = scrape(null);
        Outcomes outcomes = new Outcomes();
        AtomicLong lastAt = new AtomicLong();
        long started = System.nanoTime();
        long until = started + TimeUnit.MILLISECONDS.toNanos(millis);
        AtomicInteger next = new AtomicInteger();
        runThreads(connections, "code-", () -> {
            while (System.nanoTime() < until) {
                Map.Entry<String, String> entry = entries.get(Math.floorMod(next.getAndIncrement(), entries.size()));
                Answer answer = verify(examId, entry.getKey(), entry.getValue(), Duration.ofSeconds(60));
                outcomes.add(answer);
                lastAt.accumulateAndGet(answer.endNanos, Math::max);
            }
        });
        Map<String, Double> after = scrape(null);
        double seconds = (lastAt.get() - started) / 1e9;
        put("code_sent", outcomes.sent());
        put("code_ok", outcomes.get("verified"));
        put("code_not_ok", outcomes.sent() - outcomes.get("verified"));
        put("code_rate", outcomes.get("verified") / seconds);
        put("code_p50_ms", outcomes.percentile(50));
        put("code_p99_ms", outcomes.percentile(99));
        put("code_hashes", hashes(before, after));
        log("access codes: %s; %.0f verified/s", outcomes, outcomes.get("verified") / seconds);
    }

    static void notifications(int connections, long millis) throws Exception {
        Outcomes outcomes = new Outcomes();
        AtomicInteger fresh = new AtomicInteger();
        AtomicInteger sends = new AtomicInteger();
        AtomicLong unexpected = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        // Notifications already answered, to deliver again (about 10% of the sends).
        int ring = 8192;
        AtomicReferenceArray<Integer> delivered = new AtomicReferenceArray<>(ring);
        AtomicInteger deliveredCount = new AtomicInteger();
        String prefix = "n" + runId;
        long started = System.nanoTime();
        long until = started + TimeUnit.MILLISECONDS.toNanos(millis);
        runThreads(connections, "notify-", () -> {
            while (System.nanoTime() < until) {
                int n = sends.getAndIncrement();
                int seen = deliveredCount.get();
                Answer answer;
                if (n % 10 == 9 && seen > 0) {
                    Integer k = delivered.get(ThreadLocalRandom.current().nextInt(Math.min(seen, ring)));
                    if (k == null) {
                        continue;
                    }
                    answer = notification(prefix, k, true);
                    if (!"duplicate".equals(answer.outcome)) {
                        unexpected.incrementAndGet();
                    }
                } else {
                    int k = fresh.getAndIncrement();
                    answer = notification(prefix, k, false);
                    if ("received".equals(answer.outcome)) {
                        delivered.set(deliveredCount.getAndIncrement() % ring, k);
                    } else {
                        unexpected.incrementAndGet();
                    }
                }
                outcomes.add(answer);
                lastAt.accumulateAndGet(answer.endNanos, Math::max);
            }
        });
        double seconds = (lastAt.get() - started) / 1e9;
        long ok = outcomes.get("received") + outcomes.get("duplicate");
        put("notify_sent", outcomes.sent());
        put("notify_received", outcomes.get("received"));
        put("notify_duplicate", outcomes.get("duplicate"));
        put("notify_non200", outcomes.sent() - ok);
        put("notify_unexpected_status", unexpected.get());
        put("notify_rate", ok / seconds);
        put("notify_p50_ms", outcomes.percentile(50));
        put("notify_p99_ms", outcomes.percentile(99));
        put("notify_max_ms", outcomes.max());
        log("notifications: %s; %.0f/s", outcomes, ok / seconds);
    }

    // ============================================================================================
    // Webhook requests
    // ============================================================================================

    static HttpRequest verifyRequest(String examId, String identifier, String secret, Duration timeout) {
        return webhook(verifyBody(examId, identifier, secret), timeout);
    }

    static String verifyBody(String examId, String identifier, String secret) {
        return "{\"event\":\"verify_respondent\",\"fields\":[{\"position\":0,\"value\":\"" + identifier
                + "\"},{\"position\":1,\"value\":\"" + secret + "\"}],\"exam_id\":\"" + examId
                + "\",\"choosenLang\":\"en\"}";
    }

    static Answer verify(String examId, String identifier, String secret, Duration timeout) {
        HttpRequest request = verifyRequest(examId, identifier, secret, timeout);
        long sentAt = System.nanoTime();
        try {
            return Answer.of(identifier, sentAt, http.send(request, HttpResponse.BodyHandlers.ofString()), null);
        } catch (Exception e) {
            return Answer.of(identifier, sentAt, null, e);
        }
    }

    /** The k-th notification of a stream: respondent k/3, the three event types in turn, over 20 exams. */
    static Answer notification(String prefix, int k, boolean again) {
        String type = NOTIFICATION_TYPES[k % 3];
        String respondent = "r-" + prefix + "-" + (k / 3);
        String exam = "e-" + prefix + "-" + ((k / 3) % 20);
        String body = "{\"event\":\"" + type + "\",\"respondent_id\":\"" + respondent + "\",\"exam_id\":\"" + exam
                + "\"" + (k % 3 == 0 ? ",\"admittedOn\":" + (1719221380326L + k) : "") + "}";
        long sentAt = System.nanoTime();
        try {
            return Answer.of(respondent, sentAt, http.send(webhook(body, Duration.ofSeconds(60)),
                    HttpResponse.BodyHandlers.ofString()), null);
        } catch (Exception e) {
            return Answer.of(respondent, sentAt, null, e);
        }
    }

    static HttpRequest webhook(String body, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base + "/webhooks/examjoint"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("x-client-id", webhookId)
                .header("x-client-secret", webhookSecret)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * The burst's requests, each on a connection of its own, sent by one thread over non-blocking
     * sockets: HTTP/1.1 written and read by hand, as wrk does. java.net.http.HttpClient took a quarter
     * of the machine to open 3,000 connections in a second, CPU the server under test then lacked;
     * this costs a few microseconds a request. Each request's latency runs from the moment its
     * connection is opened to the last byte of its answer.
     */
    static final class RawBurst {

        private final InetSocketAddress address;
        private final long timeoutNanos;
        private final Selector selector;
        private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length:\\s*(\\d+)");
        private int open;
        private long lastTimeoutScan = System.nanoTime();

        RawBurst(long timeoutNanos) throws IOException {
            URI uri = URI.create(base);
            this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
            this.timeoutNanos = timeoutNanos;
            this.selector = Selector.open();
        }

        /** One request, answered through {@code onAnswer} (status, body; or status -1 and an outcome). */
        private static final class Exchange {
            final ByteBuffer request;
            final ByteArrayOutputStream received = new ByteArrayOutputStream(512);
            final long sentAt;
            final BiConsumer<Integer, String> onAnswer;

            Exchange(byte[] request, long sentAt, BiConsumer<Integer, String> onAnswer) {
                this.request = ByteBuffer.wrap(request);
                this.sentAt = sentAt;
                this.onAnswer = onAnswer;
            }
        }

        /**
         * Sends one verification for each student, each on a connection of its own, evenly over
         * {@code windowMs}, and hands each answer over with its index as it comes; returns once all are
         * answered (or after 90 s), with the time sending started and the time of the last send.
         */
        static Sent verifications(String examId, List<String> numbers, long windowMs,
                ObjIntConsumer<Answer> onAnswer) throws IOException {
            int count = numbers.size();
            byte[][] requests = new byte[count][];
            for (int i = 0; i < count; i++) {
                requests[i] = webhookBytes(verifyBody(examId, numbers.get(i), PASSWORD));
            }
            RawBurst sender = new RawBurst(TimeUnit.SECONDS.toNanos(60));
            long started = System.nanoTime();
            long lastSend = started;
            long giveUp = started + TimeUnit.SECONDS.toNanos(90);
            int next = 0;
            try {
                while ((next < count || sender.open() > 0) && System.nanoTime() < giveUp) {
                    long now = System.nanoTime();
                    while (next < count && started + windowMs * 1_000_000L * next / count <= now) {
                        int index = next++;
                        String number = numbers.get(index);
                        long sentAt = System.nanoTime();
                        lastSend = sentAt;
                        sender.send(requests[index], sentAt, (status, body) -> {
                            long end = System.nanoTime();
                            onAnswer.accept(status < 0 ? new Answer(number, sentAt, end, body)
                                    : Answer.of(number, sentAt, end, status, body), index);
                        });
                    }
                    long untilNext = next < count
                            ? (started + windowMs * 1_000_000L * next / count - System.nanoTime()) / 1_000_000 : 100;
                    sender.poll(Math.min(100, untilNext));
                }
            } finally {
                sender.close();
            }
            return new Sent(started, lastSend);
        }

        record Sent(long startedNanos, long lastSendNanos) {
        }

        static byte[] webhookBytes(String body) {
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            URI uri = URI.create(base);
            String head = "POST /webhooks/examjoint HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nx-client-id: " + webhookId + "\r\nx-client-secret: "
                    + webhookSecret + "\r\nContent-Length: " + json.length + "\r\n\r\n";
            byte[] bytes = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + json.length);
            System.arraycopy(json, 0, bytes, head.length(), json.length);
            return bytes;
        }

        /** Opens a connection and starts the exchange; answers come through {@link #poll}. */
        void send(byte[] request, long sentAt, BiConsumer<Integer, String> onAnswer) {
            Exchange exchange = new Exchange(request, sentAt, onAnswer);
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                boolean connected = channel.connect(address);
                channel.register(selector, connected ? SelectionKey.OP_WRITE
                        : SelectionKey.OP_CONNECT, exchange);
                open++;
            } catch (IOException e) {
                onAnswer.accept(-1, "error");
            }
        }

        int open() {
            return open;
        }

        /** Moves every exchange on for at most {@code waitMillis}, and times out the overdue ones. */
        void poll(long waitMillis) throws IOException {
            selector.select(Math.max(1, waitMillis));
            for (SelectionKey key : selector.selectedKeys()) {
                step(key);
            }
            selector.selectedKeys().clear();
            long now = System.nanoTime();
            if (now - lastTimeoutScan < 100_000_000L) {
                return;
            }
            lastTimeoutScan = now;
            for (SelectionKey key : selector.keys()) {
                Exchange exchange = (Exchange) key.attachment();
                if (key.isValid() && now - exchange.sentAt > timeoutNanos) {
                    finish(key, -1, "timeout");
                }
            }
        }

        private void step(SelectionKey key) {
            Exchange exchange = (Exchange) key.attachment();
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    key.interestOps(SelectionKey.OP_WRITE);
                }
                if (key.isValid() && key.isWritable()) {
                    channel.write(exchange.request);
                    if (!exchange.request.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isValid() && key.isReadable()) {
                    ByteBuffer buffer = ByteBuffer.allocate(4096);
                    int read = channel.read(buffer);
                    if (read > 0) {
                        exchange.received.write(buffer.array(), 0, read);
                    }
                    complete(key, exchange, read < 0);
                }
            } catch (IOException e) {
                finish(key, -1, "error");
            }
        }

        /** Finishes the exchange once its answer is whole: by Content-Length, chunked, or at end of stream. */
        private void complete(SelectionKey key, Exchange exchange, boolean ended) {
            String text = exchange.received.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (ended) {
                    finish(key, -1, "error");
                }
                return;
            }
            String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
            int status = Integer.parseInt(head.substring(9, 12));
            Matcher length = CONTENT_LENGTH.matcher(head);
            String body = text.substring(headEnd + 4);
            boolean whole;
            if (length.find()) {
                whole = body.length() >= Integer.parseInt(length.group(1));
            } else if (head.contains("\r\ntransfer-encoding: chunked")) {
                whole = body.endsWith("0\r\n\r\n");
                body = whole ? dechunk(body) : body;
            } else {
                whole = ended;
            }
            if (whole) {
                finish(key, status, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            } else if (ended) {
                finish(key, -1, "error");
            }
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        private void finish(SelectionKey key, int status, String bodyOrOutcome) {
            key.cancel();
            try {
                key.channel().close();
            } catch (IOException e) {
                // closing is all that is left to do
            }
            open--;
            ((Exchange) key.attachment()).onAnswer.accept(status, bodyOrOutcome);
        }

        void close() throws IOException {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }

    /** One answer: the outcome is "verified", an errorCode, a notification status, or a transport failure. */
    static final class Answer {
        final String studentNumber;
        final long sentNanos;
        final long endNanos;
        final String outcome;

        Answer(String studentNumber, long sentNanos, long endNanos, String outcome) {
            this.studentNumber = studentNumber;
            this.sentNanos = sentNanos;
            this.endNanos = endNanos;
            this.outcome = outcome;
        }

        static Answer of(String who, long sentAt, HttpResponse<String> response, Throwable failure) {
            long end = System.nanoTime();
            if (failure != null) {
                Throwable cause = failure;
                while (cause.getCause() != null && !(cause instanceof HttpTimeoutException)) {
                    cause = cause.getCause();
                }
                boolean timeout = cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
                if (!timeout && !(cause instanceof IOException) && !(cause instanceof InterruptedException)) {
                    log("unexpected failure: %s", failure);
                }
                return new Answer(who, sentAt, end, timeout ? "timeout" : "error");
            }
            return of(who, sentAt, end, response.statusCode(), response.body());
        }

        static Answer of(String who, long sentAt, long end, int status, String body) {
            if (status >= 500) {
                return new Answer(who, sentAt, end, "5xx");
            }
            if (status != 200) {
                return new Answer(who, sentAt, end, "4xx");
            }
            if (body.contains("\"metadata\"")) {
                return new Answer(who, sentAt, end, "verified");
            }
            Matcher code = ERROR_CODE.matcher(body);
            if (code.find()) {
                return new Answer(who, sentAt, end, code.group(1));
            }
            Matcher notificationStatus = STATUS.matcher(body);
            if (notificationStatus.find()) {
                return new Answer(who, sentAt, end, notificationStatus.group(1));
            }
            return new Answer(who, sentAt, end, "unrecognised");
        }

        boolean verified() {
            return "verified".equals(outcome);
        }

        long millis() {
            return (endNanos - sentNanos) / 1_000_000;
        }
    }

    /** Outcome counts and latencies of one scenario, safe to share between threads. */
    static final class Outcomes {
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

        void add(Answer answer) {
            count(answer.outcome);
            latencies.add(answer.millis());
        }

        void count(String outcome) {
            counts.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
        }

        long get(String outcome) {
            AtomicLong n = counts.get(outcome);
            return n == null ? 0 : n.get();
        }

        long sent() {
            return latencies.size();
        }

        double percentile(double p) {
            synchronized (latencies) {
                return LoadClient.percentile(latencies, p);
            }
        }

        long max() {
            synchronized (latencies) {
                return latencies.stream().mapToLong(Long::longValue).max().orElse(0);
            }
        }

        @Override
        public String toString() {
            return "sent " + sent() + " " + new java.util.TreeMap<>(counts) + " p50 " + percentile(50) + " ms p99 "
                    + percentile(99) + " ms max " + max() + " ms";
        }
    }

    /** Nearest-rank percentile in milliseconds; 0 for no samples. */
    static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    // ============================================================================================
    // Who used the machine's CPU during a scenario
    // ============================================================================================

    static String serverPid = "";
    static String dbDir = "";

    /** CPU time (clock ticks) of the machine, the server JVM, its embedded database, and this client. */
    record Cpu(long machineBusy, long machineTotal, long server, long db, long client, Map<String, Long> serverThreads) {
    }

    /** The server's threads by kind, from their names (Linux shows a Java thread's name, cut to 15 bytes). */
    static String threadKind(String comm) {
        if (comm.startsWith("hash-")) {
            return "hashpool";
        }
        if (comm.startsWith("http-nio-")) {
            return "http";
        }
        if (comm.startsWith("verify-")) {
            return "completion";
        }
        if (comm.startsWith("G1 ") || comm.startsWith("GC ") || comm.startsWith("VM Thread")) {
            return "gc";
        }
        if (comm.startsWith("C1 ") || comm.startsWith("C2 ")) {
            return "jit";
        }
        return "other";
    }

    static Map<String, Long> serverThreads() {
        Map<String, Long> kinds = new java.util.TreeMap<>();
        if (serverPid.isEmpty()) {
            return kinds;
        }
        try (var tasks = Files.newDirectoryStream(Path.of("/proc", serverPid, "task"))) {
            for (Path task : tasks) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String comm = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    kinds.merge(threadKind(comm), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // the server is gone
        }
        return kinds;
    }

    static Cpu cpuNow() {
        try {
            String[] stat = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < stat.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                long v = Long.parseLong(stat[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
            Map<Long, List<Long>> children = new java.util.HashMap<>();
            Map<Long, Long> ticks = new java.util.HashMap<>();
            List<Long> postmasters = new ArrayList<>();
            try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path dir : dirs) {
                    try {
                        String line = Files.readString(dir.resolve("stat"));
                        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(dir.getFileName().toString());
                        children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(pid);
                        ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                        if (!dbDir.isEmpty() && line.contains("(postgres)")) {
                            String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")),
                                    StandardCharsets.UTF_8).replace('\0', ' ');
                            if (cmdline.contains(" -D " + dbDir + " ")) {
                                postmasters.add(pid);
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
            }
            // The embedded PostgreSQL is started through pg_ctl and so is not the JVM's child.
            long server = serverPid.isEmpty() ? 0 : tree(Long.parseLong(serverPid), children, ticks);
            long db = 0;
            for (long postmaster : postmasters) {
                db += tree(postmaster, children, ticks);
            }
            long client = ticks.getOrDefault(ProcessHandle.current().pid(), 0L);
            return new Cpu(busy, total, server, db, client, serverThreads());
        } catch (IOException | RuntimeException e) {
            return new Cpu(0, 0, 0, 0, 0, Map.of());
        }
    }

    /** Logs, every period, the share of the machine each kind of server thread used (until interrupted). */
    static Thread monitor(String phase, long periodMillis) {
        Thread thread = new Thread(() -> {
            Cpu last = cpuNow();
            for (int i = 1; i <= 1000; i++) {
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
                Cpu now = cpuNow();
                double total = now.machineTotal() - last.machineTotal();
                StringBuilder line = new StringBuilder();
                for (Map.Entry<String, Long> kind : now.serverThreads().entrySet()) {
                    line.append(String.format(Locale.ROOT, " %s %.0f%%", kind.getKey(),
                            100.0 * (kind.getValue() - last.serverThreads().getOrDefault(kind.getKey(), 0L)) / total));
                }
                log("%s: +%ds: db %.0f%% client %.0f%% other %.0f%%;%s", phase, i * periodMillis / 1000,
                        100.0 * (now.db() - last.db()) / total, 100.0 * (now.client() - last.client()) / total,
                        Math.max(0, 100.0 * ((now.machineBusy() - last.machineBusy()) - (now.server() - last.server())
                                - (now.db() - last.db()) - (now.client() - last.client())) / total), line);
                last = now;
            }
        }, phase + "-monitor");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * A ratio against the machine's hash rate, corrected for the share of the machine this load
     * client used at the same time (it shares the cores with the server): informational.
     */
    static void putExClient(String ratioKey, String clientKey) {
        String ratio = RESULTS.get(ratioKey);
        String client = RESULTS.get(clientKey);
        if (ratio != null && client != null && Double.parseDouble(client) < 100) {
            put(ratioKey + "_ex_client", Double.parseDouble(ratio) / (1 - Double.parseDouble(client) / 100));
        }
    }

    static long tree(long root, Map<Long, List<Long>> children, Map<Long, Long> ticks) {
        long sum = 0;
        java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(root));
        for (int guard = 0; !todo.isEmpty() && guard < 100_000; guard++) {
            long pid = todo.pop();
            sum += ticks.getOrDefault(pid, 0L);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return sum;
    }

    /**
     * Shares of the machine's CPU capacity during a scenario: the server JVM, its embedded database,
     * this client, and everything else on the machine (other people's work: noise).
     */
    static void putCpu(String phase, Cpu before) {
        Cpu after = cpuNow();
        double total = after.machineTotal() - before.machineTotal();
        if (total <= 0) {
            return;
        }
        double server = after.server() - before.server();
        double db = after.db() - before.db();
        double client = after.client() - before.client();
        double busy = after.machineBusy() - before.machineBusy();
        put(phase + "_cpu_server_pct", 100 * server / total);
        if (!dbDir.isEmpty()) {
            put(phase + "_cpu_db_pct", 100 * db / total);
        }
        put(phase + "_cpu_client_pct", 100 * client / total);
        put(phase + "_cpu_other_pct", Math.max(0, 100 * (busy - server - db - client) / total));
        // Inside the server: how much of the machine each kind of thread used (threads that ended during
        // the scenario are missing, so these may add up to a little less than the server's share).
        StringBuilder threads = new StringBuilder();
        for (Map.Entry<String, Long> kind : after.serverThreads().entrySet()) {
            double used = 100.0 * (kind.getValue() - before.serverThreads().getOrDefault(kind.getKey(), 0L)) / total;
            threads.append(String.format(Locale.ROOT, " %s %.1f%%", kind.getKey(), used));
            if (kind.getKey().equals("hashpool") || kind.getKey().equals("jit")) {
                put(phase + "_cpu_" + kind.getKey() + "_pct", used);
            }
        }
        if (threads.length() > 0) {
            log("%s: server threads' share of the machine's CPU:%s", phase, threads);
        }
    }

    // ============================================================================================
    // Metrics, diagnostics and plumbing
    // ============================================================================================

    /** The server's Prometheus page summed by metric name (and by outcome for verifications). */
    static Map<String, Double> scrape(Path saveTo) {
        Map<String, Double> values = new LinkedHashMap<>();
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .header("Authorization", adminAuth).timeout(Duration.ofSeconds(10)).GET().build());
            if (response.statusCode() != 200) {
                log("/actuator/prometheus answered %d", response.statusCode());
                return values;
            }
            values.put("_scrapes", (double) SCRAPES.incrementAndGet());
            if (saveTo != null) {
                Files.writeString(saveTo, response.body());
            }
            for (String line : response.body().split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                String series = line.substring(0, space);
                double value = Double.parseDouble(line.substring(space + 1));
                int brace = series.indexOf('{');
                String name = brace < 0 ? series : series.substring(0, brace);
                values.merge(name, value, Double::sum);
                Matcher outcome = Pattern.compile("outcome=\"([^\"]*)\"").matcher(series);
                if (outcome.find()) {
                    values.merge(name + "{outcome=" + outcome.group(1) + "}", value, Double::sum);
                }
            }
        } catch (Exception e) {
            log("could not read /actuator/prometheus: %s", e);
        }
        return values;
    }

    static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    /**
     * Password hashes the server spent between two scrapes, less the staff logins of the scrapes
     * themselves (each read of /actuator/prometheus authenticates with a staff password).
     */
    static double hashes(Map<String, Double> before, Map<String, Double> after) {
        return Math.max(0, delta(before, after, "examgate_password_hashes_seconds_count")
                - delta(before, after, "_scrapes"));
    }

    static void threadDump(String pid, Path file) throws Exception {
        jcmd(pid, "Thread.print", file);
    }

    static void jcmd(String pid, String command, Path file) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true)
                    .redirectOutput(file.toFile()).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
            log("jcmd %s written to %s", command, file.getFileName());
        } catch (IOException | InterruptedException e) {
            log("jcmd %s failed: %s", command, e);
        }
    }

    static HttpClient newClient(ExecutorService executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static HttpRequest admin(HttpRequest.Builder request) {
        return request.header("Authorization", bearer).build();
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request.build());
    }

    static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs the body on n threads and waits for all of them; the bodies bound themselves in time. */
    static void runThreads(int n, String name, Body body) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    body.run();
                } catch (Exception e) {
                    log("%s failed: %s", Thread.currentThread().getName(), e);
                }
            }, name + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(15));
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static void idle(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    static String opt(String name, String fallback) {
        return OPTIONS.getOrDefault(name, fallback);
    }

    static long num(String name, long fallback) {
        return Long.parseLong(OPTIONS.getOrDefault(name, Long.toString(fallback)));
    }

    static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void put(String key, double value) {
        String text = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, value < 10 ? "%.3f" : "%.1f", value);
        RESULTS.put(key, text);
    }

    static void writeResults() throws IOException {
        StringBuilder text = new StringBuilder();
        synchronized (RESULTS) {
            RESULTS.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        }
        Files.writeString(out, text.toString());
    }

    static synchronized void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] " + format + "%n", prepend(new java.util.Date(), args));
        System.out.flush();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    // ============================================================================================
    // The soak: a steady mix for a long time, and the server's memory before and after
    // ============================================================================================

    /**
     * Minutes of every kind of request at once, each kind at a steady rate from a few connections of
     * its own, with the server's heap measured after a full collection before and after (and every
     * {@code --soak-sample-seconds} in between), so that a leak shows as growth.
     */
    static final class Soak {

        private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
        private static final Pattern METASPACE_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");

        /** One kind of request, paced: slot n is due at start + n / rate; a late slot is sent at once. */
        record Stream(String name, int connections, double rate, Set<String> expected, IntFunction<Answer> send) {
        }

        /** The server's memory at one moment, right after a full collection. */
        record Memory(double heapMb, double metaspaceMb, double rssMb, long threads) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "heap after GC %.1f MB, metaspace %.1f MB, RSS %.0f MB, %d threads",
                        heapMb, metaspaceMb, rssMb, threads);
            }
        }

        static void run(int codeStudents, Path artifacts) throws Exception {
            if (serverPid.isEmpty()) {
                throw new IllegalArgumentException("the soak measures the server's memory: --server-pid is required");
            }
            int students = (int) num("soak-students", 4000);
            Seeded seeded = seed(students, Math.min(codeStudents, students), artifacts);
            long warmupSeconds = num("soak-warmup-seconds", 60);
            long seconds = num("soak-seconds", 600);
            List<Stream> streams = streams(seeded, students);

            // Not measured: the JIT, the pools and the caches reach their working size first.
            log("soak: warm-up for %d s", warmupSeconds);
            drive(streams, warmupSeconds, null, 0);

            Memory start = memory("start", artifacts, true);
            log("soak: start: %s", start);
            List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
            samples.add(new double[] {0, start.heapMb()});
            Cpu cpu = cpuNow();
            log("soak: %d s of %s", seconds, describe(streams));
            Map<String, Outcomes> outcomes = drive(streams, seconds, samples, num("soak-sample-seconds", 60));
            putCpu("soak", cpu);
            Memory end = memory("end", artifacts, true);
            samples.add(new double[] {seconds, end.heapMb()});
            log("soak: end: %s", end);

            report(streams, outcomes, seconds, start, end, trendPerHour(samples));
            histogramGrowth(artifacts.resolve("heap-histogram-start.txt"), artifacts.resolve("heap-histogram-end.txt"),
                    artifacts.resolve("heap-histogram-growth.txt"));
        }

        static List<Stream> streams(Seeded seeded, int students) {
            List<String> verified = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger fresh = new AtomicInteger();
            List<Map.Entry<String, String>> codes = new ArrayList<>(seeded.codes().entrySet());
            // Notifications: fresh ones in sequence, every tenth send a repeat of one already answered.
            AtomicInteger nextNotification = new AtomicInteger();
            AtomicInteger delivered = new AtomicInteger();
            String prefix = "s" + runId;
            int pages = Math.max(1, students / 50);
            return List.of(
                    // A student never verified costs a full hash; once they run out, unknown identifiers
                    // (also one hash each, answered invalid_credentials), so hashing goes on to the end.
                    new Stream("verify", (int) num("soak-verify-connections", 4), num("soak-verify-rate", 8),
                            Set.of("verified", "invalid_credentials"), n -> {
                                int i = fresh.getAndIncrement();
                                String identifier = i < students ? studentNumber(i) : "U" + runId + "-" + i;
                                Answer answer = verify(seeded.pwExam(), identifier, PASSWORD, Duration.ofSeconds(60));
                                if (answer.verified()) {
                                    verified.add(identifier);
                                }
                                return answer;
                            }),
                    new Stream("recheck", (int) num("soak-recheck-connections", 4), num("soak-recheck-rate", 40),
                            Set.of("verified"), n -> verified.isEmpty() ? null
                                    : verify(seeded.pwExam(), verified.get(ThreadLocalRandom.current()
                                            .nextInt(verified.size())), PASSWORD, Duration.ofSeconds(60))),
                    new Stream("code", (int) num("soak-code-connections", 4), num("soak-code-rate", 40),
                            Set.of("verified"), n -> {
                                Map.Entry<String, String> code = codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
                                return verify(seeded.codeExam(), code.getKey(), code.getValue(), Duration.ofSeconds(60));
                            }),
                    new Stream("notify", (int) num("soak-notify-connections", 8), num("soak-notify-rate", 150),
                            Set.of("received", "duplicate"), n -> {
                                int seen = delivered.get();
                                if (n % 10 == 9 && seen > 0) {
                                    Answer again = notification(prefix, ThreadLocalRandom.current().nextInt(seen), true);
                                    return "received".equals(again.outcome) ? relabel(again, "repeat-received") : again;
                                }
                                int k = nextNotification.getAndIncrement();
                                Answer answer = notification(prefix, k, false);
                                // Repeats pick among the first `delivered`; a gap (one still in flight) is harmless.
                                delivered.accumulateAndGet(k + 1, Math::max);
                                return answer;
                            }),
                    new Stream("admin", (int) num("soak-admin-connections", 2), num("soak-admin-rate", 4),
                            Set.of("ok"), n -> adminGet(switch (n % 4) {
                                case 0 -> "/api/v1/students?size=50&page=" + ThreadLocalRandom.current().nextInt(pages);
                                case 1 -> "/api/v1/students?q=" + studentNumber(ThreadLocalRandom.current()
                                        .nextInt(students)).substring(0, 8);
                                case 2 -> "/api/v1/events?size=50&type=result_ready";
                                default -> "/api/v1/verifications?size=50&examId=" + seeded.pwExam();
                            })));
        }

        /** A repeated delivery answered "received" was stored twice: not what the contract says. */
        static Answer relabel(Answer answer, String outcome) {
            return new Answer(answer.studentNumber, answer.sentNanos, answer.endNanos, outcome);
        }

        /** Every stream for {@code seconds}; with samples, the memory every {@code sampleSeconds} meanwhile. */
        static Map<String, Outcomes> drive(List<Stream> streams, long seconds, List<double[]> samples,
                long sampleSeconds) throws Exception {
            Map<String, Outcomes> outcomes = new LinkedHashMap<>();
            long started = System.nanoTime();
            long until = started + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> threads = new ArrayList<>();
            for (Stream stream : streams) {
                Outcomes counted = new Outcomes();
                outcomes.put(stream.name(), counted);
                AtomicLong slots = new AtomicLong();
                for (int c = 0; c < stream.connections(); c++) {
                    threads.add(daemon("soak-" + stream.name() + "-").newThread(() -> {
                        while (true) {
                            long n = slots.getAndIncrement();
                            long due = started + (long) (n * 1e9 / stream.rate());
                            // A stream that fell behind (a slow machine) stops on time all the same: its
                            // rate then shows what was achieved, and the run lasts what it says.
                            if (due >= until || System.nanoTime() >= until) {
                                return;
                            }
                            LockSupport.parkNanos(due - System.nanoTime());
                            Answer answer = stream.send().apply((int) n);
                            if (answer != null) {
                                counted.add(answer);
                            }
                        }
                    }));
                }
            }
            threads.forEach(Thread::start);
            if (samples != null && sampleSeconds > 0) {
                for (long at = sampleSeconds; at < seconds; at += sampleSeconds) {
                    LockSupport.parkNanos(started + TimeUnit.SECONDS.toNanos(at) - System.nanoTime());
                    Memory now = memory("+" + at + "s", null, false);
                    samples.add(new double[] {at, now.heapMb()});
                    log("soak: +%d s: %s; sent so far %s", at, now, sentSoFar(outcomes));
                }
            }
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(seconds + 120));
            }
            return outcomes;
        }

        static String sentSoFar(Map<String, Outcomes> outcomes) {
            StringBuilder line = new StringBuilder();
            outcomes.forEach((name, counted) -> line.append(name).append(' ').append(counted.sent()).append(' '));
            return line.toString().trim();
        }

        static String describe(List<Stream> streams) {
            StringBuilder line = new StringBuilder();
            for (Stream stream : streams) {
                line.append(String.format(Locale.ROOT, "%s %.0f/s over %d connections; ", stream.name(), stream.rate(),
                        stream.connections()));
            }
            return line.toString();
        }

        static Answer adminGet(String path) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", bearer).GET().build();
            long sentAt = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new Answer(path, sentAt, System.nanoTime(), "ok");
                }
                return Answer.of(path, sentAt, response, null);
            } catch (Exception e) {
                return Answer.of(path, sentAt, null, e);
            }
        }

        static void report(List<Stream> streams, Map<String, Outcomes> outcomes, long seconds, Memory start,
                Memory end, double trend) {
            long requests = 0;
            long fivexx = 0;
            long errors = 0;
            long unexpected = 0;
            for (Stream stream : streams) {
                Outcomes counted = outcomes.get(stream.name());
                long expected = stream.expected().stream().mapToLong(counted::get).sum();
                requests += counted.sent();
                fivexx += counted.get("5xx");
                errors += counted.get("error") + counted.get("timeout");
                unexpected += counted.sent() - expected;
                put("soak_" + stream.name() + "_sent", counted.sent());
                put("soak_" + stream.name() + "_per_s", counted.sent() / (double) seconds);
                put("soak_" + stream.name() + "_p99_ms", counted.percentile(99));
                log("soak: %s: %s", stream.name(), counted);
            }
            put("soak_seconds", seconds);
            put("soak_requests", requests);
            put("soak_5xx", fivexx);
            put("soak_errors", errors);
            put("soak_unexpected", unexpected);
            put("heap_after_gc_start_mb", start.heapMb());
            put("heap_after_gc_end_mb", end.heapMb());
            put("heap_growth_mb", end.heapMb() - start.heapMb());
            put("heap_trend_mb_per_hour", trend);
            put("metaspace_start_mb", start.metaspaceMb());
            put("metaspace_end_mb", end.metaspaceMb());
            put("rss_start_mb", start.rssMb());
            put("rss_end_mb", end.rssMb());
            put("threads_start", start.threads());
            put("threads_end", end.threads());
        }

        /**
         * The server's live heap: {@code jcmd GC.class_histogram} collects in full first and counts the
         * objects that survive, at one safepoint, so requests in flight meanwhile add nothing (a separate
         * {@code GC.run} then {@code GC.heap_info} would also count what they allocated in between). Then
         * its metaspace ({@code GC.heap_info}), resident memory and threads.
         */
        static Memory memory(String label, Path artifacts, boolean keep) throws IOException {
            String histogram = jcmdOutput("GC.class_histogram");
            String heap = jcmdOutput("GC.heap_info");
            if (artifacts != null && keep) {
                Files.writeString(artifacts.resolve("heap-histogram-" + label + ".txt"), histogram);
                Files.writeString(artifacts.resolve("heap-info-" + label + ".txt"), heap);
            }
            Map<String, Long> status = new LinkedHashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc", serverPid, "status"))) {
                String[] parts = line.split(":\\s+");
                if (parts.length == 2 && (parts[0].equals("VmRSS") || parts[0].equals("Threads"))) {
                    status.put(parts[0], Long.parseLong(parts[1].replace(" kB", "").trim()));
                }
            }
            Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
            if (!total.find()) {
                throw new IllegalStateException("unexpected GC.class_histogram output: " + histogram.lines().limit(5)
                        .toList());
            }
            return new Memory(Long.parseLong(total.group(1)) / 1048576.0, kilobytes(METASPACE_USED, heap) / 1024.0,
                    status.getOrDefault("VmRSS", 0L) / 1024.0, status.getOrDefault("Threads", 0L));
        }

        static long kilobytes(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new IllegalStateException("unexpected GC.heap_info output: " + text);
            }
            return Long.parseLong(matcher.group(1));
        }

        static String jcmdOutput(String command) throws IOException {
            Process jcmd = new ProcessBuilder("jcmd", serverPid, command).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                    throw new IOException("jcmd " + command + " failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return output;
        }

        /** Least-squares slope of heap-after-GC over time: a leak climbs steadily, noise does not. */
        static double trendPerHour(List<double[]> samples) {
            int n = samples.size();
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (double[] sample : samples) {
                sx += sample[0];
                sy += sample[1];
                sxx += sample[0] * sample[0];
                sxy += sample[0] * sample[1];
            }
            double denominator = n * sxx - sx * sx;
            return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator * 3600;
        }

        /** Classes whose live bytes grew most between two histograms, written out and logged. */
        static void histogramGrowth(Path start, Path end, Path out) throws IOException {
            if (!Files.exists(start) || !Files.exists(end)) {
                return;
            }
            Map<String, long[]> before = histogram(start);
            Map<String, long[]> after = histogram(end);
            List<String> lines = new ArrayList<>();
            after.entrySet().stream()
                    .map(entry -> Map.entry(entry.getKey(), new long[] {
                            entry.getValue()[0] - before.getOrDefault(entry.getKey(), new long[2])[0],
                            entry.getValue()[1] - before.getOrDefault(entry.getKey(), new long[2])[1]}))
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(25)
                    .forEach(entry -> lines.add(String.format(Locale.ROOT, "%+12d bytes %+10d instances  %s",
                            entry.getValue()[1], entry.getValue()[0], entry.getKey())));
            Files.write(out, lines);
            log("soak: live objects that grew most between start and end (all in %s):", out.getFileName());
            lines.stream().limit(8).forEach(line -> log("  %s", line));
        }

        /** class name → {instances, bytes} from a {@code GC.class_histogram} listing. */
        static Map<String, long[]> histogram(Path file) throws IOException {
            Map<String, long[]> classes = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
            return classes;
        }
    }
}
