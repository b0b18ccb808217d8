package org.examgate.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.examgate.credential.PasswordHashing;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Password hashes run here, one per core at a time, and only for requests that can still be
 * answered in time. Admission estimates when a new hash would finish from the work already
 * admitted and the measured time of a hash; a request that would finish after its deadline is
 * refused at once (the caller answers {@code busy}), so no hash is ever spent on an answer nobody
 * is waiting for, and no request thread waits in a queue it cannot leave.
 */
@Component
class HashingPool implements DisposableBean {

    private final ThreadPoolExecutor executor;
    private final int threads;
    private final Clock clock;
    private final AtomicInteger admitted = new AtomicInteger();
    /** Exponentially weighted mean of a hash's wall time under the current load. */
    private volatile double meanHashNanos;

    HashingPool(VerificationProperties properties, PasswordHashing hashing, Clock clock, MeterRegistry meters) {
        this.threads = properties.effectiveHashThreads();
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new CustomizableThreadFactory("hash-"));
        this.meanHashNanos = calibrate(hashing);
        Gauge.builder("examgate.verification.hash.queue", admitted, AtomicInteger::get)
                .description("Verifications admitted to the hash pool and not yet hashed").register(meters);
    }

    /** The time of a hash once the JVM has warmed up: the first ones in a fresh JVM are several times slower. */
    private static double calibrate(PasswordHashing hashing) {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            hashing.spendOneHash("calibration");
            fastest = Math.min(fastest, System.nanoTime() - started);
        }
        return fastest;
    }

    /** A place in the pool if a hash admitted now would finish before the deadline. */
    Optional<Ticket> admit(Instant deadline) {
        while (true) {
            int ahead = admitted.get();
            if (!fitsBefore(deadline, ahead)) {
                return Optional.empty();
            }
            if (admitted.compareAndSet(ahead, ahead + 1)) {
                return Optional.of(new Ticket(deadline));
            }
        }
    }

    private boolean fitsBefore(Instant deadline, int ahead) {
        if (ahead < threads) {
            // A thread is free: the hash starts now. Admitting it also keeps the estimate honest, so a
            // once-slow machine is never refused forever on an outdated estimate.
            return true;
        }
        long rounds = ahead / threads + 1;
        long finishNanos = (long) (rounds * meanHashNanos);
        return !clock.instant().plusNanos(finishNanos).isAfter(deadline);
    }

    int admitted() {
        return admitted.get();
    }

    double meanHashMillis() {
        return meanHashNanos / 1_000_000;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** An admitted request's place; it must be either run or released. */
    final class Ticket {

        private final Instant deadline;
        private boolean done;

        private Ticket(Instant deadline) {
            this.deadline = deadline;
        }

        /**
         * Runs the hash when a thread is free; if by then it can no longer finish in time (the
         * machine slowed down), {@code tooLate} answers instead without hashing.
         */
        <T> CompletableFuture<T> run(Supplier<T> hash, Supplier<T> tooLate) {
            done = true;
            return CompletableFuture.supplyAsync(() -> {
                try {
                    // Past the deadline, or so close that even half a hash would overrun it: not worth a hash.
                    if (clock.instant().plusNanos((long) (meanHashNanos / 2)).isAfter(deadline)) {
                        return tooLate.get();
                    }
                    long started = System.nanoTime();
                    T result = hash.get();
                    meanHashNanos = 0.9 * meanHashNanos + 0.1 * (System.nanoTime() - started);
                    return result;
                } finally {
                    admitted.decrementAndGet();
                }
            }, executor);
        }

        /** Gives the place back without hashing (the request was decided otherwise). */
        void release() {
            if (!done) {
                done = true;
                admitted.decrementAndGet();
            }
        }
    }
}
