package org.adaptivestream.adaptation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CapacityEstimatorTest {

    @Test
    void publishesFromTheFirstTrain() {
        CapacityEstimator estimator = new CapacityEstimator();
        assertTrue(estimator.latestBitsPerSecond().isEmpty());
        assertTrue(estimator.onBurst(1.0, 100_000, 0.05));
        assertEquals(2e6, estimator.latestBitsPerSecond().orElseThrow(), 1);
        assertEquals(2e6, estimator.smoothedBitsPerSecond().orElseThrow(), 1);
    }

    @Test
    void publishesNothingUntilItHasEnoughSamples() {
        CapacityEstimator estimator = new CapacityEstimator(4.0, 2);
        assertTrue(estimator.onBurst(1.0, 100_000, 0.05));
        assertTrue(estimator.latestBitsPerSecond().isEmpty());
        assertTrue(estimator.smoothedBitsPerSecond().isEmpty());
        assertTrue(estimator.onBurst(1.1, 100_000, 0.05));
        assertEquals(2e6, estimator.latestBitsPerSecond().orElseThrow(), 1);
    }

    @Test
    void refusesBurstsTooSmallOrTooShortToMeanAnything() {
        CapacityEstimator estimator = new CapacityEstimator();
        assertFalse(estimator.onBurst(1.0, CapacityEstimator.MIN_BURST_BITS - 1, 0.05));
        assertFalse(estimator.onBurst(1.0, 100_000, CapacityEstimator.MIN_BUSY_SECONDS / 2));
        assertFalse(estimator.onBurst(1.0, 100_000, Double.NaN));
    }

    @Test
    void now_isTheLastHalfSecondWeightedByBits_notTheLastTrainAlone() {
        CapacityEstimator estimator = new CapacityEstimator();
        estimator.onBurst(0.0, 100_000, 0.01); // 10 Mbit/s, long ago
        estimator.onBurst(2.2, 100_000, 0.02); // 5 Mbit/s
        estimator.onBurst(2.6, 100_000, 0.10); // 1 Mbit/s
        estimator.onBurst(2.8, 40_000, 0.002); // a 20 Mbit/s flash
        // Over the last 0.5 s: 140 kbit in 102 ms.
        assertEquals(140_000 / 0.102, estimator.latestBitsPerSecond().orElseThrow(), 1);
        // Over the window: 340 kbit in 132 ms. A slow stretch weighs by its length.
        assertEquals(340_000 / 0.132, estimator.smoothedBitsPerSecond().orElseThrow(), 1);
        // Over the last 2 s: 240 kbit in 122 ms.
        assertEquals(240_000 / 0.122, estimator.recentBitsPerSecond().orElseThrow(), 1);
    }

    @Test
    void aDeadSpell_costsItsShareOfLinkTime_andNothingNow() {
        CapacityEstimator estimator = new CapacityEstimator();
        estimator.onBurst(0.0, 100_000, 0.02);
        estimator.onBurst(1.0, 100_000, 0.02);
        estimator.onDeadSpell(2.0, 1.0);
        estimator.onBurst(2.1, 100_000, 0.02);
        assertEquals(5e6, estimator.latestBitsPerSecond().orElseThrow(), 1);
        assertEquals(5e6 * 4 / 5, estimator.smoothedBitsPerSecond().orElseThrow(), 1, "1 s dead beside the 4 s window");
        estimator.onBurst(6.1, 100_000, 0.02);
        assertEquals(5e6, estimator.smoothedBitsPerSecond().orElseThrow(), 1, "the spell has left the window");
        estimator.onDeadSpell(6.2, 0.7);
        estimator.onDeadSpell(6.9, 0.6);
        assertEquals(5e6 * 4 / 5.3, estimator.smoothedBitsPerSecond().orElseThrow(), 1, "short stops count whole, each");
    }

    @Test
    void anOutage_weighsAsASecondAtMost_andOnlyWhileInTheWindow() {
        CapacityEstimator estimator = new CapacityEstimator();
        estimator.onBurst(0.0, 100_000, 0.02);
        estimator.onDeadSpell(10.0, 10.0);
        estimator.onBurst(10.0, 100_000, 0.02);
        assertEquals(5e6 * 4 / 5, estimator.smoothedBitsPerSecond().orElseThrow(), 1, "10 s dead, weighed as 1 s");
        estimator.onBurst(13.5, 100_000, 0.02);
        assertEquals(5e6 * 4 / 4.5, estimator.smoothedBitsPerSecond().orElseThrow(), 1, "0.5 s of it in the window");
        estimator.onBurst(14.5, 100_000, 0.02);
        assertEquals(5e6, estimator.smoothedBitsPerSecond().orElseThrow(), 1, "out of the window");
    }

    @Test
    void aLoneOldSample_isStillNow_untilANewerOneComes() {
        CapacityEstimator estimator = new CapacityEstimator();
        estimator.onBurst(0.0, 100_000, 0.1);
        estimator.onBurst(10.0, 100_000, 0.05);
        assertEquals(2e6, estimator.latestBitsPerSecond().orElseThrow(), 1);
    }
}
