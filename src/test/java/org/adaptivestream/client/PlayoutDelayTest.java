package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The jitter-adaptive playout delay on made-up arrival times: no threads, no sockets. */
class PlayoutDelayTest {

    private static final long FRAME = 33_333;
    private static final long MIN = 10_000;
    private static final long MAX = 400_000;

    @Test
    void targetMicros_beforeAnyArrival_isTheInitialDelay() {
        assertThat(new PlayoutDelay(MIN, MAX).targetMicros()).isEqualTo(PlayoutDelay.INITIAL_MICROS);
    }

    @Test
    void arrived_cleanLink_shrinksToMarginOverTheFloor() {
        PlayoutDelay delay = new PlayoutDelay(MIN, MAX);
        for (int i = 0; i < 100; i++) {
            delay.arrived(5_000_000 + i * FRAME + 2_000, i * FRAME);
        }
        assertThat(delay.targetMicros()).isEqualTo(Math.max(MIN, PlayoutDelay.MARGIN_MICROS));
        assertThat(delay.desiredOffsetMicros(-1)).isEqualTo(5_000_000 + 2_000 + delay.targetMicros());
    }

    @Test
    void latestOffset_underAQueueThatGrowsForLongerThanTheWindow_staysNearTheFirstBase() {
        // A link at a fifth of the stream's rate: each frame arrives 4 frame-times after the last,
        // so the transit grows by 133 ms a frame, for 30 s (three windows).
        PlayoutDelay delay = new PlayoutDelay(MIN, MAX);
        long base = 20_000;
        for (int i = 0; i < 900; i++) {
            delay.arrived(i * 5 * FRAME + base, i * FRAME);
        }
        // Only clock drift may lift the base: at most 1 ms per second of media, 30 ms here.
        assertThat(delay.latestOffsetMicros(-1)).isBetween(base + MAX, base + MAX + 30_000);
    }

    @Test
    void arrived_everyTenthPacket60MsLate_growsTargetToCoverIt() {
        PlayoutDelay delay = new PlayoutDelay(MIN, MAX);
        for (int i = 0; i < 300; i++) {
            long jitter = i % 10 == 0 ? 60_000 : 0;
            delay.arrived(i * FRAME + jitter, i * FRAME);
        }
        assertThat(delay.targetMicros()).isEqualTo(60_000 + PlayoutDelay.MARGIN_MICROS);
    }

    @Test
    void arrived_oneOutlierInAFullWindow_doesNotSetTheTarget() {
        PlayoutDelay delay = new PlayoutDelay(MIN, MAX);
        for (int i = 0; i < 300; i++) {
            delay.arrived(i * FRAME + (i == 150 ? 300_000 : 0), i * FRAME);
        }
        assertThat(delay.targetMicros()).isEqualTo(MIN);
    }

    @Test
    void arrived_hugeJitter_isCappedAtMaximum() {
        PlayoutDelay delay = new PlayoutDelay(MIN, MAX);
        for (int i = 0; i < 50; i++) {
            delay.arrived(i * FRAME + (i % 2) * 2_000_000L, i * FRAME);
        }
        assertThat(delay.targetMicros()).isEqualTo(MAX);
    }

    @Test
    void arrived_jitterEndsForAWholeWindow_shrinksAgain() {
        PlayoutDelay delay = new PlayoutDelay(MIN, MAX);
        for (int i = 0; i < 300; i++) {
            delay.arrived(i * FRAME + (i % 3 == 0 ? 80_000 : 0), i * FRAME);
        }
        assertThat(delay.targetMicros()).isGreaterThan(80_000);
        for (int i = 300; i < 600; i++) {
            delay.arrived(i * FRAME, i * FRAME);
        }
        assertThat(delay.targetMicros()).isEqualTo(MIN);
    }

    @Test
    void latestOffsetMicros_isTheBasePlusTheMaximumWhateverTheSpread() {
        PlayoutDelay delay = new PlayoutDelay(MIN, MAX);
        assertThat(delay.latestOffsetMicros(-7)).isEqualTo(-7);
        for (int i = 0; i < 50; i++) {
            delay.arrived(1_000_000 + i * FRAME + (i == 20 ? 3_000_000 : 0), i * FRAME);
        }
        assertThat(delay.latestOffsetMicros(-7)).isEqualTo(1_000_000 + MAX);
    }

    @Test
    void reset_forgetsTheBase() {
        PlayoutDelay delay = new PlayoutDelay(MIN, MAX);
        delay.arrived(1_000_000, 0);
        delay.reset();
        assertThat(delay.desiredOffsetMicros(42)).isEqualTo(42);
        assertThat(delay.targetMicros()).isEqualTo(PlayoutDelay.INITIAL_MICROS);
    }

    @Test
    void constructor_maxBelowMin_refused() {
        assertThatThrownBy(() -> new PlayoutDelay(MAX, MIN)).isInstanceOf(IllegalArgumentException.class);
    }
}
