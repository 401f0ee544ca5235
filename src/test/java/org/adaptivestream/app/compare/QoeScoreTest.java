package org.adaptivestream.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.metrics.MetricsSummary;
import org.adaptivestream.metrics.SwitchEvent;
import org.junit.jupiter.api.Test;

class QoeScoreTest {

    private static final Ladder LADDER = new Ladder(List.of(400_000L, 1_000_000L, 2_500_000L, 5_000_000L));

    @Test
    void of_stallsAndSwitches_arePenalisedByTheDocumentedWeights() {
        MetricsSummary summary = summary(2.0, 20, 1.5, 2, 900);
        List<SwitchEvent> switches = List.of(new SwitchEvent(3, "480p", "720p", "up"), new SwitchEvent(9, "720p", "240p", "down"));

        QoeScore qoe = QoeScore.of(summary, switches, LADDER);

        assertThat(qoe.bitrateUtility()).isCloseTo(40.0, within(1e-9));
        assertThat(qoe.stallPenalty()).isCloseTo(5.0 * 1.5, within(1e-9));
        assertThat(qoe.switchPenalty()).isCloseTo(1.5 + 2.1, within(1e-9));
        assertThat(qoe.total()).isCloseTo(40 - 7.5 - 3.6, within(1e-9));
    }

    @Test
    void verdict_higherQoeWins() {
        ComparisonResult.Side stat = new ComparisonResult.Side("static 1080p", summary(5, 20, 6, 4, 1080),
                new QoeScore(100, 30, 0), Map.of());
        ComparisonResult.Side adapt = new ComparisonResult.Side("adaptive (default)", summary(2.5, 20, 0, 0, 720),
                new QoeScore(50, 0, 2), Map.of());
        ComparisonResult result = new ComparisonResult("t", "step-down", 20, stat, adapt);

        assertThat(result.verdict()).startsWith("Static wins on step-down").contains("QoE 48.0 (adaptive (default)) against 70.0");
        assertThat(result.toCsv()).startsWith("figure,unit,\"static 1080p\",\"adaptive (default)\"\n")
                .contains("\"Stalls\",count,4.000,0.000");
        assertThat(result.toJsonTree()).containsKeys("verdict", "static", "adaptive", "qoe_formula");
    }

    private static MetricsSummary summary(double bitrate, double seconds, double stalled, int stalls, double lines) {
        return new MetricsSummary(seconds, 30, 50, 40, 70, 1.2, bitrate, bitrate, lines, 600, 600, 0,
                stalls, stalled, stalled, 0);
    }
}
