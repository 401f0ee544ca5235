package org.adaptivestream.evaluation;

/**
 * One policy over a set of traces: means of the per-trace values.
 *
 * @param meanNormalizedQoe over the traces with a positive ceiling
 * @param scoredTraces      how many traces that mean covers
 */
public record PolicySummary(String policy, double meanNormalizedQoe, int scoredTraces, double meanQoe,
        double averageBitrateMbps, double stallRatio, double switchesPerMinute, double meanLatencySeconds,
        double p95LatencySeconds) {
}
