package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.examgate.credential.PasswordHashing;
import org.examgate.credential.PasswordHashingProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool's promises on a single hash thread with real bcrypt calibration: admission stops where the
 * deadline would be missed, and when hashes turn out slower than measured the requests that can no
 * longer make it are refused as soon as that shows, not when their deadline comes.
 */
class HashingPoolTest {

    private static final Duration DEADLINE = Duration.ofSeconds(3);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HashingPool pool = new HashingPool(
            new VerificationProperties(DEADLINE, 1, 1, Duration.ofHours(1), 100),
            new PasswordHashing(new PasswordHashingProperties(4), meters), Clock.systemUTC(), meters);

    @BeforeEach
    void calibrated() {
        pool.calibration().join();
    }

    @AfterEach
    void stop() {
        pool.destroy();
    }

    @Test
    void admissionStopsWhenTheWorkAheadWouldOverrunTheDeadline() {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<HashingPool.Ticket> admitted = new ArrayList<>();
        Optional<HashingPool.Ticket> ticket;
        while ((ticket = pool.admit(deadline)).isPresent() && admitted.size() < 1_000_000) {
            admitted.add(ticket.get());
        }

        double plannedMillis = admitted.size() * pool.meanHashMillis() * HashingPool.ADMISSION_MARGIN;
        assertThat(plannedMillis).as("the admitted work, with its margin, fits the deadline")
                .isLessThanOrEqualTo(DEADLINE.toMillis() + pool.meanHashMillis() * HashingPool.ADMISSION_MARGIN);
        assertThat(pool.admit(deadline)).isEmpty();
        admitted.forEach(HashingPool.Ticket::release);
        assertThat(pool.admitted()).isZero();
        assertThat(pool.admit(deadline)).as("places given back are free again").isPresent();
    }

    @Test
    void whenHashesProveSlowerThanMeasuredTheHopelessAreRefusedEarly() {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<CompletableFuture<Long>> answers = new ArrayList<>();
        long started = System.nanoTime();
        Optional<HashingPool.Ticket> ticket;
        while ((ticket = pool.admit(deadline)).isPresent() && answers.size() < 1_000_000) {
            // Each "hash" takes 100 ms of CPU, far more than the calibrated bcrypt-4 hash admission planned for.
            answers.add(ticket.get().run(() -> {
                spinCpu(100);
                return 1L;
            }, () -> -elapsedMillis(started)));
        }
        assertThat(answers.size()).as("admitted on the fast estimate").isGreaterThan(40);

        List<Long> results = answers.stream().map(CompletableFuture::join).toList();
        List<Long> refusedAfterMillis = results.stream().filter(result -> result < 0).map(result -> -result).toList();
        long hashed = results.stream().filter(result -> result == 1L).count();

        assertThat(hashed).as("what could be hashed in time was hashed").isBetween(10L, 35L);
        assertThat(refusedAfterMillis).as("the rest was refused").hasSize(answers.size() - (int) hashed);
        long refusedEarly = refusedAfterMillis.stream().filter(millis -> millis < DEADLINE.toMillis() / 3).count();
        assertThat(refusedEarly).as("most as soon as the slowness showed, not at their deadline")
                .isGreaterThanOrEqualTo(refusedAfterMillis.size() * 9L / 10);
        assertThat(meters.counter("examgate.verification.hash.shed").count()).isEqualTo(refusedAfterMillis.size());
    }

    @Test
    void theFirstHashThreadMeasuresAHashAndItReplacesTheInitialEstimate() {
        HashingPool fresh = new HashingPool(new VerificationProperties(DEADLINE, 1, 1, Duration.ofHours(1), 100),
                new PasswordHashing(new PasswordHashingProperties(4), meters), Clock.systemUTC(), meters);
        try {
            fresh.calibration().join();
            // A bcrypt-4 hash takes about a millisecond; the estimate before the measurement is 100 ms.
            assertThat(fresh.meanHashMillis()).isLessThan(HashingPool.UNCALIBRATED_CPU_NANOS / 1e6 / 10);
        } finally {
            fresh.destroy();
        }
    }

    @Test
    void theHashThreadsRunAtTheLowestPriority() {
        List<Thread> hashThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("hash-")).toList();

        assertThat(hashThreads).isNotEmpty().allMatch(thread -> thread.getPriority() == Thread.MIN_PRIORITY);
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static void spinCpu(long millis) {
        long until = HashPace.cpuNanos() + TimeUnit.MILLISECONDS.toNanos(millis);
        long spins = 0;
        while (HashPace.cpuNanos() < until) {
            spins++;
        }
        assertThat(spins).isPositive();
    }
}
