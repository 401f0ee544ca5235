package org.adaptivestream.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.adaptivestream.server.SessionInfo;
import org.junit.jupiter.api.Test;

class ThroughputMeterTest {

    @Test
    void record_bytesBetweenPolls_givesMegabitsPerSecond() {
        ThroughputMeter meter = new ThroughputMeter(60);
        assertThat(meter.record(0, List.of(session(1, 0), session(2, 0)))).isZero();
        // 500 kB + 125 kB in half a second: 10 Mbit/s.
        assertThat(meter.record(0.5, List.of(session(1, 500_000), session(2, 125_000)))).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void record_sessionJoinsAndLeaves_countsOnlyNewBytes() {
        ThroughputMeter meter = new ThroughputMeter(60);
        meter.record(0, List.of(session(1, 1_000_000)));
        // Session 1 left; session 3 is new and sent 250 kB: counted from zero.
        assertThat(meter.record(1, List.of(session(3, 250_000)))).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void history_keepsOnlyTheWindow() {
        ThroughputMeter meter = new ThroughputMeter(10);
        for (int t = 0; t <= 30; t++) {
            meter.record(t, List.of());
        }
        assertThat(meter.history()).allMatch(s -> s.timeSeconds() >= 20).hasSize(11);
    }

    @Test
    void sessionRate_spansAboutTwoSeconds_andForgetsSessionsThatLeft() {
        ThroughputMeter meter = new ThroughputMeter(60);
        meter.record(0, List.of(session(1, 0)));
        assertThat(meter.sessionBitsPerSecond(1)).isNaN();
        // 1 Mbit/s for two seconds, polled twice a second...
        for (int i = 1; i <= 4; i++) {
            meter.record(i * 0.5, List.of(session(1, i * 62_500L)));
        }
        assertThat(meter.sessionBitsPerSecond(1)).isCloseTo(1e6, within(1e-6));
        // ...then a burst of 500 kB in half a second: the two-second window averages it with what came before.
        meter.record(2.5, List.of(session(1, 250_000 + 500_000)));
        assertThat(meter.sessionBitsPerSecond(1)).isCloseTo((62_500 * 3 + 500_000) * 8 / 2.0, within(1e-6));
        meter.record(3.0, List.of(session(2, 0)));
        assertThat(meter.sessionBitsPerSecond(1)).isNaN();
    }

    private static SessionInfo session(long id, long bytes) {
        return new SessionInfo(id, "127.0.0.1:1", "", "v", "720p", 2_500_000, 10, bytes, 0, 0, -1, Instant.EPOCH, "playing");
    }
}
