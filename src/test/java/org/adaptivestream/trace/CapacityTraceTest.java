package org.adaptivestream.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.adaptivestream.trace.CapacityTrace.Segment;
import org.junit.jupiter.api.Test;

class CapacityTraceTest {

    /** 2 Mbit/s for 1 s, nothing for 1 s, 4 Mbit/s for 2 s; period 4 s, 10 Mbit per period. */
    private final CapacityTrace trace = CapacityTrace.of("t",
            List.of(new Segment(0, 2e6), new Segment(1, 0), new Segment(2, 4e6)), 4);

    @Test
    void bitsPerSecondAt_repeatsAfterPeriod() {
        assertThat(trace.bitsPerSecondAt(0.5)).isEqualTo(2e6);
        assertThat(trace.bitsPerSecondAt(1.5)).isZero();
        assertThat(trace.bitsPerSecondAt(3.9)).isEqualTo(4e6);
        assertThat(trace.bitsPerSecondAt(4.5)).isEqualTo(2e6);
        assertThat(trace.meanBitsPerSecond()).isEqualTo(2.5e6);
        assertThat(trace.minBitsPerSecond()).isZero();
    }

    @Test
    void bitsBetween_integratesAcrossSegmentsAndPeriods() {
        assertThat(trace.bitsBetween(0.5, 2.5)).isCloseTo(1e6 + 2e6, within(1e-3));
        assertThat(trace.bitsBetween(0, 8)).isCloseTo(20e6, within(1e-3));
        assertThat(trace.bitsBetween(3, 5)).isCloseTo(4e6 + 2e6, within(1e-3));
    }

    @Test
    void finishTime_skipsZeroCapacityGaps() {
        // 2 Mbit at 0 s: 1 Mbit by 0.5 s... 2 Mbit crosses exactly at 1 s.
        assertThat(trace.finishTime(0, 2e6)).isCloseTo(1.0, within(1e-9));
        // 3 Mbit from 0: 2 Mbit by 1 s, the gap, then 1 Mbit at 4 Mbit/s = 2.25 s.
        assertThat(trace.finishTime(0, 3e6)).isCloseTo(2.25, within(1e-9));
        // Starting inside the gap waits for capacity.
        assertThat(trace.finishTime(1.5, 4e6)).isCloseTo(3.0, within(1e-9));
        // Wraps into the next period.
        assertThat(trace.finishTime(3.5, 3e6)).isCloseTo(4.5, within(1e-9));
        assertThat(trace.finishTime(0, 20e6)).isCloseTo(8.0 - 0.0, within(1e-9));
    }

    @Test
    void finishTime_isInverseOfBitsBetween() {
        for (double start = 0; start < 9; start += 0.37) {
            for (double bits = 1e5; bits < 3e7; bits *= 1.9) {
                double end = trace.finishTime(start, bits);
                assertThat(trace.bitsBetween(start, end)).isCloseTo(bits, within(1e-3));
            }
        }
    }

    @Test
    void of_rejectsBadSegments() {
        assertThatThrownBy(() -> CapacityTrace.of("x", List.of(new Segment(1, 1)), 2))
                .hasMessageContaining("start at 0");
        assertThatThrownBy(() -> CapacityTrace.of("x", List.of(new Segment(0, 0)), 2))
                .hasMessageContaining("never has any capacity");
        assertThatThrownBy(() -> CapacityTrace.of("x", List.of(new Segment(0, 1), new Segment(0, 2)), 2))
                .hasMessageContaining("not after");
        assertThatThrownBy(() -> new Segment(0, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> CapacityTrace.of("x", List.of(new Segment(0, 1)), 0))
                .hasMessageContaining("period");
    }
}
