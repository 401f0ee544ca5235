package org.adaptivestream.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.MetricsSummary;
import org.adaptivestream.metrics.SessionMetrics;
import org.junit.jupiter.api.Test;

class QoeScoreTest {

    private static final Ladder LADDER = new Ladder(List.of(400_000L, 1_000_000L, 2_500_000L, 5_000_000L));
    private static final double GOP = 0.5;

    /** Resolution samples four times a second: 480 lines until 2 s, 720 until 4 s, then 240 until 5.75 s. */
    private static SessionMetrics session() {
        SessionMetrics metrics = new SessionMetrics();
        for (int i = 0; i * 0.25 <= 5.75; i++) {
            double t = i * 0.25;
            metrics.record(Metric.RESOLUTION, t, t < 2 ? 480 : t < 4 ? 720 : 240);
        }
        return metrics;
    }

    @Test
    void of_gopWindows_scoreShownRungsByTheDocumentedFormula() {
        SessionMetrics metrics = session();
        metrics.stalled(3.5, 0.5); // frozen for the whole window [3.0, 3.5)

        QoeScore qoe = QoeScore.of(metrics, LADDER, GOP);

        assertThat(qoe.windows()).isEqualTo(11); // [0, 5.5): the last sample at 5.75 closes no window
        // 4 windows of 480p, 3 shown windows of 720p (one frozen), 3 of 240p; each 0.5 s.
        assertThat(qoe.bitrateUtility()).isCloseTo(4 * 1.0 * 0.5 + 3 * 2.5 * 0.5 + 3 * 0.4 * 0.5, within(1e-9));
        assertThat(qoe.stallPenalty()).isCloseTo(5.0 * 0.5, within(1e-9)); // μ = the top rung's 5 Mbit/s
        assertThat(qoe.switchPenalty()).isCloseTo(1.5 + 2.1, within(1e-9)); // 480→720, 720→240
        assertThat(qoe.total()).isCloseTo(6.35 - 2.5 - 3.6, within(1e-9));
    }

    @Test
    void of_stallAcrossWindows_countsOnlyEachWindowsShare() {
        SessionMetrics metrics = session();
        metrics.stalled(1.25, 0.5); // 0.75–1.25: a quarter second in each of two 480p windows

        QoeScore qoe = QoeScore.of(metrics, LADDER, GOP);

        assertThat(qoe.stallPenalty()).isCloseTo(5.0 * 0.5, within(1e-9));
        // Every window shown at its rung (4 × 480p, 4 × 720p, 3 × 240p), less the frozen half second of 480p.
        assertThat(qoe.bitrateUtility()).isCloseTo(4 * 1.0 * 0.5 + 4 * 2.5 * 0.5 + 3 * 0.4 * 0.5 - 1.0 * 0.5, within(1e-9));
    }

    @Test
    void of_nothingShown_scoresZero() {
        QoeScore qoe = QoeScore.of(new SessionMetrics(), LADDER, GOP);
        assertThat(qoe.total()).isZero();
        assertThat(qoe.windows()).isZero();
    }

    @Test
    void of_nonPositiveGop_isRefused() {
        assertThatThrownBy(() -> QoeScore.of(session(), LADDER, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verdict_higherQoeWins_andSaysWhenTheWinnerRanFarBehind() {
        ComparisonResult.Side stat = new ComparisonResult.Side("static 1080p", summary(20, 6, 4, 1080, 6900),
                new QoeScore(100, 30, 0, 40), Map.of());
        ComparisonResult.Side adapt = new ComparisonResult.Side("adaptive (default)", summary(20, 0, 0, 720, 700),
                new QoeScore(50, 0, 2, 40), Map.of());
        ComparisonResult result = new ComparisonResult("t", "step-down", 20, stat, adapt);

        assertThat(result.verdict()).startsWith("Static 1080p wins on step-down: QoE 70.0 against 48.0 for adaptive (default).")
                .contains("ran behind").contains("6.9 s").contains("0.7 s")
                .contains("Static 1080p: 4 stalls (6.0 s), 1080 lines on average")
                .contains("Adaptive (default): 0 stalls (0.0 s), 720 lines on average");
        assertThat(result.toCsv()).startsWith("figure,unit,\"static 1080p\",\"adaptive (default)\"\n")
                .contains("\"Stalls\",count,4.000,0.000");
        assertThat(result.toJsonTree()).containsKeys("verdict", "static", "adaptive", "qoe_formula");
    }

    @Test
    void verdict_winnerNotBehind_saysNothingAboutLag() {
        ComparisonResult.Side stat = new ComparisonResult.Side("static 240p", summary(20, 0, 0, 240, 90),
                new QoeScore(8, 0, 0, 40), Map.of());
        ComparisonResult.Side adapt = new ComparisonResult.Side("adaptive (default)", summary(20, 0, 0, 900, 120),
                new QoeScore(60, 0, 3, 40), Map.of());
        String verdict = new ComparisonResult("t", "fibre", 20, stat, adapt).verdict();
        assertThat(verdict).startsWith("Adaptive (default) wins on fibre: QoE 57.0 against 8.0 for static 240p.")
                .doesNotContain("behind");
    }

    @Test
    void verdict_withinTwoPercent_isATie() {
        ComparisonResult.Side stat = new ComparisonResult.Side("static 720p", summary(20, 0, 0, 720, 90),
                new QoeScore(50, 0, 0, 40), Map.of());
        ComparisonResult.Side adapt = new ComparisonResult.Side("adaptive (default)", summary(20, 0, 0, 720, 90),
                new QoeScore(50.5, 0, 0, 40), Map.of());
        assertThat(new ComparisonResult("t", "fibre", 20, stat, adapt).verdict()).startsWith("A tie on fibre");
    }

    private static MetricsSummary summary(double seconds, double stalled, int stalls, double lines, double p95Delay) {
        return new MetricsSummary(seconds, 30, 50, 40, p95Delay, 1.2, 2, 2, lines, 600, 600, 0,
                stalls, stalled, stalled, 0);
    }
}
