package org.adaptivestream.adaptation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveryDelayEstimatorTest {

    private static final double FRAME = 1 / 30.0;

    @Test
    void framesFallingBehind_areAPositiveTrend_perSecondOfMedia() {
        DeliveryDelayEstimator delay = new DeliveryDelayEstimator();
        for (int i = 0; i < 3; i++) {
            delay.onFrame(i * FRAME, 0.030);
        }
        assertTrue(delay.trendSecondsPerSecond().isEmpty(), "three frames are too few");
        assertTrue(delay.latestSeconds().isEmpty());

        for (int i = 3; i < 90; i++) {
            // A link at 80 % of the stream: each second of media arrives 0.25 s later than the one before.
            delay.onFrame(i * FRAME, 0.030 + 0.25 * i * FRAME);
        }
        assertEquals(0.25, delay.trendSecondsPerSecond().orElseThrow(), 1e-9);
        assertEquals(0.030 + 0.25 * 89 * FRAME, delay.latestSeconds().orElseThrow(), 1e-12);
    }

    @Test
    void aRecoveredLink_isAFlatTrend_onceTheOldFramesLeaveTheWindow() {
        DeliveryDelayEstimator delay = new DeliveryDelayEstimator();
        for (int i = 0; i < 30; i++) {
            delay.onFrame(i * FRAME, 0.030 + 0.5 * i * FRAME);
        }
        for (int i = 30; i < 120; i++) {
            delay.onFrame(i * FRAME, 0.2);
        }
        assertEquals(0, delay.trendSecondsPerSecond().orElseThrow(), 1e-12);
        delay.reset();
        assertTrue(delay.trendSecondsPerSecond().isEmpty());
    }

    @Test
    void aTrendOfOneSample_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DeliveryDelayEstimator(1));
    }
}
