package org.examgate.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.examgate.credential.PasswordHashing;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Password hashes run here, one per core at a time, and only for requests that can still be
 * answered in time.
 *
 * <p>Admission estimates when a new hash would finish from the work already admitted and the
 * {@link HashPace pace} of hashing, with a margin; a request that would finish after its deadline
 * is refused at once (the caller answers {@code busy}), so no hash is spent on an answer nobody
 * waits for. Should hashing turn out slower than estimated, the newest admitted requests that can no
 * longer make it are refused as soon as that is known, not when their deadline comes.
 *
 * <p>The hash threads run at the lowest Java priority. With the JVM options examgate ships
 * ({@code jvm.options}: {@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19}) that is
 * the operating system's lowest too: hashing takes every core the rest of examgate leaves idle, and
 * yields at once to answering requests, notifications and health checks.
 */
@Component
class HashingPool implements DisposableBean {

    /**
     * Admission plans for hashes this much slower than measured: a burst arrives faster than any
     * measurement of it, and the CPU its requests take is taken from hashing. On the exam-day bench the
     * hash threads had about 90 % of the cores while verifications streamed in (what the pace had
     * measured when the burst came), but about 70 % over the burst's 20 s: its first second went to
     * answering 3,000 requests, and the notifications beside it took their share. With 1.2, 13 to 58
     * admitted students per burst were refused 12 to 20 s later, when it became certain they could not
     * be hashed in time; a {@code busy} then is of little use to them.
     */
    static final double ADMISSION_MARGIN = 1.35;

    /**
     * What admission assumes until the first hash thread has measured a hash, a second or two after
     * start: a bcrypt-10 hash on a slow core, so that nothing admitted then is promised too much.
     */
    static final long UNCALIBRATED_CPU_NANOS = 100_000_000;

    private final int threads;
    private final Clock clock;
    private final LinkedBlockingDeque<Job> queue = new LinkedBlockingDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicInteger admitted = new AtomicInteger();
    private final Counter shed;
    private final HashPace pace;
    private final CompletableFuture<Void> calibration = new CompletableFuture<>();

    HashingPool(VerificationProperties properties, PasswordHashing hashing, Clock clock, MeterRegistry meters) {
        this.threads = properties.effectiveHashThreads();
        this.clock = clock;
        this.pace = new HashPace(UNCALIBRATED_CPU_NANOS);
        Gauge.builder("examgate.verification.hash.queue", admitted, AtomicInteger::get)
                .description("Verifications admitted to the hash pool and not yet hashed").register(meters);
        this.shed = Counter.builder("examgate.verification.hash.shed")
                .description("Admitted verifications refused later, when hashing proved slower than estimated")
                .register(meters);
        for (int i = 1; i <= threads; i++) {
            Runnable work = i == 1 ? () -> calibrateThenWork(hashing) : this::work;
            Thread worker = new Thread(work, "hash-" + i);
            worker.setPriority(Thread.MIN_PRIORITY);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /**
     * The CPU time of a hash once the JVM has warmed up: the first ones in a fresh JVM are several times
     * slower. Measured by the first hash thread before it takes work, at the lowest priority, rather than
     * in the constructor: four cold hashes cost start-up more than a second on a slow machine.
     */
    private void calibrateThenWork(PasswordHashing hashing) {
        try {
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 4 && !Thread.currentThread().isInterrupted(); i++) {
                long started = HashPace.cpuNanos();
                hashing.spendOneHash("calibration");
                fastest = Math.min(fastest, HashPace.cpuNanos() - started);
            }
            if (fastest < Long.MAX_VALUE) {
                pace.calibrated(fastest);
            }
        } finally {
            calibration.complete(null);
        }
        work();
    }

    /** Done once the pace rests on a measured hash rather than {@link #UNCALIBRATED_CPU_NANOS}. */
    CompletableFuture<Void> calibration() {
        return calibration;
    }

    /** A place in the pool if a hash admitted now would finish before the deadline. */
    Optional<Ticket> admit(Instant deadline) {
        while (true) {
            int ahead = admitted.get();
            if (!fitsBefore(deadline, ahead, ADMISSION_MARGIN)) {
                return Optional.empty();
            }
            if (admitted.compareAndSet(ahead, ahead + 1)) {
                return Optional.of(new Ticket(deadline));
            }
        }
    }

    private boolean fitsBefore(Instant deadline, int ahead, double margin) {
        if (ahead < threads) {
            // A thread is free: the hash starts now. Admitting it also keeps the estimate honest, so a
            // once-slow machine is never refused forever on an outdated estimate.
            return true;
        }
        long rounds = ahead / threads + 1;
        long finishNanos = (long) (rounds * pace.nanosPerHash() * margin);
        return !clock.instant().plusNanos(finishNanos).isAfter(deadline);
    }

    private boolean fitsAtFullSpeed(Instant deadline, int ahead) {
        long rounds = ahead / threads + 1;
        return ahead < threads || !clock.instant().plusNanos((long) (rounds * pace.cpuNanosPerHash())).isAfter(deadline);
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            Job job;
            try {
                job = queue.takeFirst();
            } catch (InterruptedException e) {
                return;
            }
            try {
                // Past the deadline, or so close that even half a hash would overrun it: not worth a hash.
                if (clock.instant().plusNanos((long) (pace.nanosPerHash() / 2)).isAfter(job.deadline())) {
                    job.refuse();
                    continue;
                }
                long started = System.nanoTime();
                long startedCpu = HashPace.cpuNanos();
                job.hash();
                pace.record(HashPace.cpuNanos() - startedCpu, System.nanoTime() - started);
            } finally {
                admitted.decrementAndGet();
            }
            shedWhatCannotFinish();
        }
    }

    /**
     * Refuses, newest first, the waiting requests that could not finish in time even if hashing had the
     * cores to itself from now on. Only the hopeless: the share of the cores hashing gets comes back
     * after a burst has been answered, and a request refused on a passing slowness is a student turned
     * away who could have been served.
     */
    private void shedWhatCannotFinish() {
        Job last;
        while ((last = queue.peekLast()) != null && !fitsAtFullSpeed(last.deadline(), admitted.get() - 1)) {
            if (queue.removeLastOccurrence(last)) {
                admitted.decrementAndGet();
                shed.increment();
                last.refuse();
            }
        }
    }

    int admitted() {
        return admitted.get();
    }

    double meanHashMillis() {
        return pace.nanosPerHash() / 1_000_000;
    }

    /** Runs after the web server has finished its requests; anything still waiting is answered, never dropped. */
    @Override
    public void destroy() {
        workers.forEach(Thread::interrupt);
        Job job;
        while ((job = queue.pollFirst()) != null) {
            admitted.decrementAndGet();
            job.refuse();
        }
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
            CompletableFuture<T> result = new CompletableFuture<>();
            queue.addLast(new Job(deadline, () -> complete(result, hash), () -> complete(result, tooLate)));
            return result;
        }

        /** Gives the place back without hashing (the request was decided otherwise). */
        void release() {
            if (!done) {
                done = true;
                admitted.decrementAndGet();
            }
        }

        private static <T> void complete(CompletableFuture<T> result, Supplier<T> supplier) {
            try {
                result.complete(supplier.get());
            } catch (RuntimeException | Error e) { // never leave a request without an answer
                result.completeExceptionally(e);
            }
        }
    }

    private record Job(Instant deadline, Runnable hashing, Runnable refusing) {

        void hash() {
            hashing.run();
        }

        void refuse() {
            refusing.run();
        }
    }
}
