package org.examgate.support;

import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A property of the running application checked over many generated bodies.
 *
 * <p>Every run starts from the same seed, so CI throws the same bodies each time and a failure repeats
 * on a developer's machine; {@code -Dexamgate.fuzz.seed=N} explores other bodies. A failing body is
 * shrunk (pieces cut out while it still fails) before it is reported, so that the report names a small
 * input to keep as an example test.
 */
public final class PropertyCheck {

    public static final long DEFAULT_SEED = 20_261_203L;

    /** Each shrinking step is a real request: the steps and their time are bounded. */
    private static final int SHRINK_STEPS = 300;
    private static final Duration SHRINK_TIME = Duration.ofSeconds(60);

    private PropertyCheck() {
    }

    public static long seed() {
        return Long.getLong("examgate.fuzz.seed", DEFAULT_SEED);
    }

    /** Checks the property for {@code tries} generated bodies; answers how many of each kind were thrown. */
    public static Map<String, Integer> forAll(int tries, Function<SplittableRandom, HostileBody> generator,
            Consumer<HostileBody> property) {
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < tries; i++) {
            HostileBody body = generator.apply(random.split());
            kinds.merge(body.kind(), 1, Integer::sum);
            Throwable failure = failure(property, body);
            if (failure != null) {
                HostileBody smallest = shrink(body, property);
                throw new AssertionError("Try " + (i + 1) + " of " + tries + " (seed " + seed + ") failed. Original: "
                        + body.bytes().length + " bytes; smallest failing body: " + smallest + "\nFailure: "
                        + failure.getMessage(), failure);
            }
        }
        return kinds;
    }

    private static Throwable failure(Consumer<HostileBody> property, HostileBody body) {
        try {
            property.accept(body);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    /** Cuts out ever smaller pieces, keeping each cut after which the body still fails. */
    private static HostileBody shrink(HostileBody failing, Consumer<HostileBody> property) {
        long giveUp = System.nanoTime() + SHRINK_TIME.toNanos();
        int steps = 0;
        byte[] current = failing.bytes();
        for (int piece = Math.max(1, current.length / 2); piece >= 1; piece /= 2) {
            int start = 0;
            while (start < current.length && steps < SHRINK_STEPS && System.nanoTime() < giveUp) {
                int end = Math.min(current.length, start + piece);
                byte[] candidate = new byte[current.length - (end - start)];
                System.arraycopy(current, 0, candidate, 0, start);
                System.arraycopy(current, end, candidate, start, current.length - end);
                steps++;
                if (failure(property, failing.withBytes(candidate)) != null) {
                    current = candidate;
                } else {
                    start = end;
                }
            }
        }
        return failing.withBytes(current);
    }
}
