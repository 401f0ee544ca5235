package org.adaptivestream.evaluation;

/**
 * One policy over a set of traces: means of the per-trace values.
 *
 * @param meanNormalizedQoe over the traces with a positive ceiling
 * @param scoredTraces      how many traces that mean covers
 * @param totalQoeShare     the policy's QoE summed over all traces over the optima's sum: a
 *                          ratio every trace counts in, weighted by its length
 * @param meanNormalizedToRungOnly the mean of {@link PolicyScore#normalizedToRungOnly}, over the
 *                          {@code rungOnlyScoredTraces} traces where that plan's QoE is positive
 * @param longestStallSeconds the longest stall on any trace
 */
public record PolicySummary(String policy, double meanNormalizedQoe, int scoredTraces, double totalQoeShare,
        double meanNormalizedToRungOnly, int rungOnlyScoredTraces,
        double meanQoe, double averageBitrateMbps, double stallRatio, double switchesPerMinute,
        double meanLatencySeconds, double p95LatencySeconds, double longestStallSeconds) {
}
