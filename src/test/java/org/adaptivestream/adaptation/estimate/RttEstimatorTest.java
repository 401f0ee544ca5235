package org.adaptivestream.adaptation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RttEstimatorTest {

    private final RttEstimator rtt = new RttEstimator();

    @Test
    void publishesOnlyTheMinimum_untilEnoughPongs() {
        rtt.onSample(0.0, 0.050);
        rtt.onSample(0.25, 0.040);

        assertEquals(0.040, rtt.minSeconds().orElseThrow());
        assertTrue(rtt.smoothedSeconds().isEmpty());
        assertTrue(rtt.latestSeconds().isEmpty());
        assertTrue(rtt.trendSecondsPerSecond().isEmpty());

        rtt.onSample(0.5, 0.060);
        assertEquals(0.060, rtt.latestSeconds().orElseThrow());
        assertTrue(rtt.smoothedSeconds().isPresent());
    }

    @Test
    void aBuildingQueue_isAPositiveTrend_overTheLastTwoSeconds() {
        for (int i = 0; i < 20; i++) {
            rtt.onSample(i * 0.25, 0.040); // steady for 5 s
        }
        for (int i = 0; i < 12; i++) {
            rtt.onSample(5 + i * 0.25, 0.040 + 0.1 * i * 0.25); // then 100 ms more per second, for 3 s
        }
        assertEquals(0.1, rtt.trendSecondsPerSecond().orElseThrow(), 1e-9);
        assertEquals(0.040, rtt.minSeconds().orElseThrow());
    }

    @Test
    void theBase_isTheLeastRoundTripOfTheLastThirtySeconds() {
        rtt.onSample(0, 0.020);
        for (int i = 1; i <= 40; i++) {
            rtt.onSample(i, 0.050);
        }
        assertEquals(0.050, rtt.minSeconds().orElseThrow(), "the 20 ms of 40 s ago has left the window");
        rtt.onSample(41, 0.045);
        assertEquals(0.045, rtt.minSeconds().orElseThrow());
        rtt.reset();
        assertTrue(rtt.minSeconds().isEmpty());
    }
}
