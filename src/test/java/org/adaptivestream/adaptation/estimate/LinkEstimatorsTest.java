package org.adaptivestream.adaptation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkEstimatorsTest {

    private static final double ONE_WAY = 0.04;
    private static final double FRAME_INTERVAL = 1 / 30.0;

    /** 30 fps of {@code frameBits} over an otherwise idle link of {@code linkRate}, from {@code from} s. */
    private static void frames(LinkEstimators estimators, double from, int count, double frameBits, double linkRate) {
        for (int i = 0; i < count; i++) {
            double send = from + i * FRAME_INTERVAL;
            estimators.onWholeFrame(send, send + ONE_WAY + frameBits / linkRate, frameBits);
        }
    }

    @Test
    void capacityWaitsForARoundTrip_thenMeasuresTheLink_notTheStream() {
        LinkEstimators estimators = new LinkEstimators();
        frames(estimators, 0, 30, 1e6 / 30, 8e6);
        assertTrue(estimators.snapshot(1).capacityLatestBitsPerSecond().isEmpty(),
                "without a round trip there is no telling when a frame could first arrive");
        estimators.onPong(1, 2 * ONE_WAY); // one round trip is enough to start measuring
        frames(estimators, 1.3, 60, 1e6 / 30, 8e6);
        LinkEstimates e = estimators.snapshot(3.3);
        // A 1 Mbit/s stream on an 8 Mbit/s link: the link's rate, within rounding.
        assertEquals(8e6, e.capacityLatestBitsPerSecond().orElseThrow(), 8e6 * 0.02);
        assertEquals(8e6, e.capacityBitsPerSecond().orElseThrow(), 8e6 * 0.02);
        assertEquals(1e6, e.throughputBitsPerSecond().orElseThrow(), 1e6 * 0.1);
    }

    @Test
    void resetForgetsTheLink() {
        LinkEstimators estimators = new LinkEstimators();
        for (int i = 0; i < 3; i++) {
            estimators.onPong(i * 0.1, 2 * ONE_WAY);
        }
        frames(estimators, 0.3, 60, 1e6 / 30, 8e6);
        assertTrue(estimators.snapshot(2.3).capacityLatestBitsPerSecond().isPresent());
        estimators.reset();
        assertTrue(estimators.snapshot(2.4).capacityLatestBitsPerSecond().isEmpty());
        assertTrue(estimators.snapshot(2.4).rttSeconds().isEmpty());
    }
}
