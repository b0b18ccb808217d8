package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The pace of hashing is judged by CPU time and the share of the cores hashing really had, not by one bad moment. */
class HashPaceTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void withTheCoresToItselfAHashTakesItsCpuTime() {
        HashPace pace = new HashPace(60 * MS);
        for (int i = 0; i < 20; i++) {
            pace.record(60 * MS, 60 * MS);
        }

        assertThat(pace.nanosPerHash() / MS).isCloseTo(60, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aMomentOfStarvationAmongManyNormalHashesBarelyMovesTheEstimate() {
        HashPace pace = new HashPace(60 * MS);
        // Ten seconds of two hash threads at work...
        for (int i = 0; i < 300; i++) {
            pace.record(60 * MS, 63 * MS);
        }
        // ...then two hashes that waited 1.5 s for a core while a burst of requests was answered.
        pace.record(60 * MS, 1_500 * MS);
        pace.record(60 * MS, 1_500 * MS);

        assertThat(pace.nanosPerHash() / MS).as("the window's share, not the last hash's wall time").isBetween(60.0, 80.0);
    }

    @Test
    void whenHashingKeepsGettingLessOfTheCoresTheEstimateFollows() {
        HashPace pace = new HashPace(60 * MS);
        for (int i = 0; i < 50; i++) {
            pace.record(60 * MS, 120 * MS);
        }

        assertThat(pace.nanosPerHash() / MS).isCloseTo(120, org.assertj.core.data.Offset.offset(1.0));
    }
}
