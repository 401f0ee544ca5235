package org.adaptivestream.evaluation;

import java.util.Arrays;
import java.util.List;
import org.adaptivestream.adaptation.Ladder;

/**
 * The score of one session and what stands beside it.
 *
 * @param qoe                 the linear QoE of docs/QOE.md
 * @param mediaSeconds        media shown
 * @param stallSeconds        time playback waited for late frames
 * @param averageBitrateMbps  mean rung bitrate over the GOPs shown
 * @param stallRatio          stall time over session time (media plus stalls)
 * @param switches            rung changes between consecutive GOPs
 * @param switchesPerMinute   per minute of session time
 * @param meanLatencySeconds  delivery delay (send to arrival) of each GOP's worst frame, averaged
 *                            over GOPs; playout latency itself is fixed in the simulator
 * @param p95LatencySeconds   its 95th percentile
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
        double p95LatencySeconds) {

    public static SessionMetrics of(List<GopOutcome> gops, Ladder ladder, double gopSeconds) {
        if (gops.isEmpty()) {
            throw new IllegalArgumentException("a session has at least one GOP");
        }
        double qoe = 0;
        double stall = 0;
        double bitrate = 0;
        int switches = 0;
        double[] latencies = new double[gops.size()];
        for (int i = 0; i < gops.size(); i++) {
            GopOutcome g = gops.get(i);
            qoe += g.qoe();
            stall += g.stallSeconds();
            bitrate += ladder.megabitsPerSecond(g.rung());
            if (i > 0 && g.rung() != gops.get(i - 1).rung()) {
                switches++;
            }
            latencies[i] = g.worstDelaySeconds();
        }
        double media = gops.size() * gopSeconds;
        double session = media + stall;
        Arrays.sort(latencies);
        double mean = Arrays.stream(latencies).average().orElseThrow();
        double p95 = latencies[(int) Math.min(latencies.length - 1, Math.ceil(0.95 * latencies.length) - 1)];
        return new SessionMetrics(qoe, media, stall, bitrate / gops.size(), stall / session, switches,
                switches / (session / 60), mean, p95);
    }
}
