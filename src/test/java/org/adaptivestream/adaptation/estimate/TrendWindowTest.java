package org.adaptivestream.adaptation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrendWindowTest {

    @Test
    void pointsOnALine_haveItsSlope() {
        TrendWindow trend = new TrendWindow(2.0);
        for (int i = 0; i <= 10; i++) {
            trend.add(i * 0.1, 0.05 + 0.3 * i * 0.1);
        }
        assertEquals(0.3, trend.slope().orElseThrow(), 1e-12);
    }

    @Test
    void pointsOlderThanTheWindow_countNoMore() {
        TrendWindow trend = new TrendWindow(1.0);
        trend.add(0.0, 5.0); // a spike long gone
        for (int i = 0; i <= 10; i++) {
            trend.add(2.0 + i * 0.1, 1.0 - 0.2 * i * 0.1);
        }
        assertEquals(-0.2, trend.slope().orElseThrow(), 1e-12);
    }

    @Test
    void pointsSpanningNoTime_haveNoSlope() {
        TrendWindow trend = new TrendWindow(1.0);
        assertTrue(trend.slope().isEmpty());
        trend.add(1.0, 0.1);
        assertTrue(trend.slope().isEmpty());
        trend.add(1.0, 0.3);
        assertTrue(trend.slope().isEmpty(), "two values at one instant say nothing of a trend");
        trend.add(1.5, 0.3);
        assertTrue(trend.slope().isPresent());
        trend.clear();
        assertTrue(trend.slope().isEmpty());
    }
}
