package org.adaptivestream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.SessionMetrics;
import org.junit.jupiter.api.Test;

/** How a real session's shown frames become scored windows: frozen time counts wherever it falls. */
class RealSessionScoringTest {

    private static final double FRAME_MICROS = 33_333;

    private static List<double[]> frames(double from, double to, int height) {
        List<double[]> frames = new ArrayList<>();
        for (double t = from; t < to - 1e-9; t += FRAME_MICROS / 1e6) {
            frames.add(new double[] {t, height});
        }
        return frames;
    }

    private static RealSession.Outcome score(List<double[]> frames, double play, double end) {
        return RealSession.outcome("p", "link", new SessionMetrics(), frames, play, end, FRAME_MICROS, 0.5);
    }

    private static double stalled(RealSession.Outcome outcome) {
        return outcome.windows().stream().mapToDouble(RealSession.Window::stallSeconds).sum();
    }

    @Test
    void smoothPlayback_noFrozenTime() {
        RealSession.Outcome outcome = score(frames(0.3, 10.3, 480), 0, 10.3);
        assertThat(outcome.windows()).hasSize(20);
        assertThat(stalled(outcome)).isZero();
        assertThat(outcome.windows()).allMatch(w -> w.rung() == Rung.R480P);
    }

    @Test
    void streamThatStopsForGood_isFrozenToTheEnd() {
        RealSession.Outcome outcome = score(frames(0.3, 3.3, 1080), 0, 10.3);
        assertThat(stalled(outcome)).isCloseTo(7.0, within(0.05));
        assertThat(outcome.longestStallSeconds()).isCloseTo(7.0, within(0.05));
    }

    @Test
    void streamThatNeverStarts_isFrozenAfterTheGrace() {
        RealSession.Outcome outcome = score(List.of(), 0, 10);
        assertThat(outcome.windows()).hasSize(18);
        assertThat(stalled(outcome)).isCloseTo(9.0, within(0.001));
    }

    @Test
    void gapInTheMiddle_countsBeyondOneFrame() {
        List<double[]> frames = frames(0.2, 2.2, 720);
        frames.addAll(frames(3.2, 5.2, 720));
        RealSession.Outcome outcome = score(frames, 0, 5.2);
        assertThat(stalled(outcome)).isCloseTo(1.0 - FRAME_MICROS / 1e6, within(0.01));
    }
}
