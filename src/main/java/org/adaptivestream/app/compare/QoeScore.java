package org.adaptivestream.app.compare;

import java.util.List;
import java.util.Optional;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.MetricsSummary;
import org.adaptivestream.metrics.SwitchEvent;

/**
 * The linear QoE score the comparison ranks sessions by (the form used by MPC and Pensieve):
 *
 * <pre>
 *   QoE = bitrate utility − μ · stall seconds − switch penalty
 *   bitrate utility = mean bitrate (Mbit/s) × session seconds
 *   μ               = the top rung's bitrate in Mbit/s: a second stalled costs as much as a
 *                     second at the best quality earns
 *   switch penalty  = Σ |Δ bitrate (Mbit/s)| over the switches
 * </pre>
 *
 * Units are Mbit: higher is better; a session that plays the top rung throughout with no
 * stall scores top-rung Mbit/s × seconds.
 */
public record QoeScore(double bitrateUtility, double stallPenalty, double switchPenalty) {

    public double total() {
        return bitrateUtility - stallPenalty - switchPenalty;
    }

    public static QoeScore of(MetricsSummary summary, List<SwitchEvent> switches, Ladder ladder) {
        double meanBitrate = Double.isNaN(summary.meanBitrateMbps()) ? 0 : summary.meanBitrateMbps();
        double utility = meanBitrate * summary.durationSeconds();
        double mu = ladder.megabitsPerSecond(Rung.highest());
        double stall = mu * summary.stalledSeconds();
        double switching = 0;
        for (SwitchEvent event : switches) {
            Optional<Rung> from = Rung.parse(event.from());
            Optional<Rung> to = Rung.parse(event.to());
            if (from.isPresent() && to.isPresent()) {
                switching += Math.abs(ladder.megabitsPerSecond(to.get()) - ladder.megabitsPerSecond(from.get()));
            }
        }
        return new QoeScore(utility, stall, switching);
    }
}
