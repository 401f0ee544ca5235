package org.adaptivestream.netlab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class TraceClockTest {

    @Test
    void secondsAt_andNanoTimeAt_areInverse() {
        TraceClock clock = TraceClock.startingAt(1_000_000_000L);

        assertThat(clock.secondsAt(3_500_000_000L)).isEqualTo(2.5);
        assertThat(clock.nanoTimeAt(2.5)).isEqualTo(3_500_000_000L);
    }

    @Test
    void secondsAt_beforeTheStart_holdsTheTraceAtZero() {
        TraceClock clock = TraceClock.startingAt(1_000_000_000L);

        assertThat(clock.secondsAt(0)).isZero();
    }

    @Test
    void secondsAt_acrossNanoTimeWraparound_stillCounts() {
        TraceClock clock = TraceClock.startingAt(Long.MAX_VALUE - 500_000_000L);

        assertThat(clock.secondsAt(Long.MIN_VALUE + 499_999_999L)).isEqualTo(1.0);
    }
}
