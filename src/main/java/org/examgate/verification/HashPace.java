package org.examgate.verification;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * How long a hash occupies a hash thread on this machine now: the CPU time of a hash, divided by the
 * share of a core the hash threads have actually had over the last seconds.
 *
 * <p>Not simply the wall time of the last hashes: the hash threads run at the lowest priority, so
 * while a burst of requests is being answered a hash may take many times its CPU time, for a second
 * or two, after which hashing has the cores again. Judging the next twenty seconds by that moment
 * refused students who would have been served in time. The CPU time of a hash barely changes, and
 * the share is taken over a window long enough to see past such a moment.
 */
final class HashPace {

    static final Duration WINDOW = Duration.ofSeconds(10);
    /** However starved the hash threads were, the estimate stays finite. */
    private static final double LOWEST_SHARE = 0.05;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean THREAD_CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private volatile double cpuNanosPerHash;
    private volatile double share = 1.0;
    private volatile long lastSampleNanos;

    HashPace(long initialCpuNanos) {
        this.cpuNanosPerHash = initialCpuNanos;
        this.lastSampleNanos = System.nanoTime() - WINDOW.toNanos();
    }

    /** The calling thread's CPU time, or the wall clock where the platform cannot tell. */
    static long cpuNanos() {
        return THREAD_CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** A measured CPU time of a warm hash replaces the estimate the pace started from. */
    synchronized void calibrated(long cpuNanos) {
        cpuNanosPerHash = cpuNanos;
    }

    synchronized void record(long cpuNanos, long wallNanos) {
        long now = System.nanoTime();
        cpuNanosPerHash = 0.9 * cpuNanosPerHash + 0.1 * cpuNanos;
        samples.addLast(new Sample(now, cpuNanos, Math.max(wallNanos, cpuNanos)));
        while (samples.size() > 1 && samples.peekFirst().at() < now - WINDOW.toNanos()) {
            samples.removeFirst();
        }
        double cpu = 0;
        double wall = 0;
        for (Sample sample : samples) {
            cpu += sample.cpuNanos();
            wall += sample.wallNanos();
        }
        share = wall > 0 ? Math.max(LOWEST_SHARE, Math.min(1.0, cpu / wall)) : 1.0;
        lastSampleNanos = now;
    }

    /** The CPU time of a hash: its wall time when hashing has a core to itself. */
    double cpuNanosPerHash() {
        return cpuNanosPerHash;
    }

    /** The expected wall time of the next hash on one hash thread. */
    double nanosPerHash() {
        // After a quiet spell nothing recent says the cores are taken: hashing will have them.
        boolean recent = System.nanoTime() - lastSampleNanos < WINDOW.toNanos();
        return cpuNanosPerHash / (recent ? share : 1.0);
    }

    private record Sample(long at, long cpuNanos, long wallNanos) {
    }
}
