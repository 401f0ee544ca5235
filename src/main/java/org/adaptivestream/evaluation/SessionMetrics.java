package org.adaptivestream.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.adaptivestream.adaptation.Ladder;

/**
 * The score of one session and what stands beside it.
 *
 * @param qoe                 the linear QoE of docs/QOE.md
 * @param mediaSeconds        media shown
 * @param stallSeconds        time playback waited for late frames
 * @param averageBitrateMbps  mean rung bitrate over the GOPs sent
 * @param stallRatio          frozen time over session time (latency is fixed, so a session lasts
 *                            as long as its media)
 * @param switches            rung changes, between GOPs and within one (a switch made at once)
 * @param switchesPerMinute   per minute of session time
 * @param meanLatencySeconds  delivery delay (send to arrival) of each GOP's worst frame, averaged
 *                            over GOPs; playout latency itself is fixed in the simulator
 * @param p95LatencySeconds   its 95th percentile
 * @param longestStallSeconds the longest freeze: consecutive GOPs with a stall add up
 */
public record SessionMetrics(
        double qoe,
        double mediaSeconds,
        double stallSeconds,
        double averageBitrateMbps,
        double stallRatio,
        int switches,
        double switchesPerMinute,
        double meanLatencySeconds,
        double p95LatencySeconds,
        double longestStallSeconds) {

    /**
     * Repeated sessions of one policy on one trace as one: the mean of each figure, except the
     * longest stall, which is the longest of any run (a bound is only met if every run meets it).
     */
    public static SessionMetrics mean(List<SessionMetrics> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no sessions to average");
        }
        return new SessionMetrics(average(runs, SessionMetrics::qoe), average(runs, SessionMetrics::mediaSeconds),
                average(runs, SessionMetrics::stallSeconds), average(runs, SessionMetrics::averageBitrateMbps),
                average(runs, SessionMetrics::stallRatio), (int) Math.round(average(runs, SessionMetrics::switches)),
                average(runs, SessionMetrics::switchesPerMinute), average(runs, SessionMetrics::meanLatencySeconds),
                average(runs, SessionMetrics::p95LatencySeconds),
                runs.stream().mapToDouble(SessionMetrics::longestStallSeconds).max().orElseThrow());
    }

    /** A session that showed nothing has no latency (NaN); it is left out of that mean, not made NaN. */
    private static double average(List<SessionMetrics> runs, ToDoubleFunction<SessionMetrics> figure) {
        return runs.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    public static SessionMetrics of(List<GopOutcome> gops, Ladder ladder, double gopSeconds) {
        if (gops.isEmpty()) {
            throw new IllegalArgumentException("a session has at least one GOP");
        }
        double qoe = 0;
        double stall = 0;
        double bitrate = 0;
        int switches = 0;
        double[] latencies = new double[gops.size()];
        int shown = 0;
        double run = 0;
        double longest = 0;
        for (int i = 0; i < gops.size(); i++) {
            GopOutcome g = gops.get(i);
            qoe += g.qoe();
            stall += g.stallSeconds();
            run = g.stallSeconds() > 0 ? run + g.stallSeconds() : 0;
            longest = Math.max(longest, run);
            // A skipped GOP carries the last shown rung, so it never counts as a switch.
            if (i > 0 && g.firstRung() != gops.get(i - 1).rung()) {
                switches++;
            }
            if (g.switchedMidway()) {
                switches++;
            }
            if (!g.skipped()) {
                double firstShare = g.firstRungSeconds() / gopSeconds;
                bitrate += firstShare * ladder.megabitsPerSecond(g.firstRung())
                        + (1 - firstShare) * ladder.megabitsPerSecond(g.rung());
                latencies[shown++] = g.worstDelaySeconds();
            }
        }
        double media = gops.size() * gopSeconds;
        double mean = Double.NaN;
        double p95 = Double.NaN;
        if (shown > 0) {
            double[] sorted = Arrays.copyOf(latencies, shown);
            Arrays.sort(sorted);
            mean = Arrays.stream(sorted).average().orElseThrow();
            p95 = sorted[(int) Math.min(shown - 1, Math.ceil(0.95 * shown) - 1)];
        }
        return new SessionMetrics(qoe, media, stall, shown > 0 ? bitrate / shown : 0, stall / media, switches,
                switches / (media / 60), mean, p95, longest);
    }
}
