package org.adaptivestream.metrics;

/**
 * A session's figures at a glance: what the comparison view charts and the command line's
 * report holds. Latencies in milliseconds, bitrates in Mbit/s; NaN where nothing was measured.
 */
public record MetricsSummary(
        double durationSeconds,
        double meanRttMillis,
        double p95RttMillis,
        double meanDelayMillis,
        double p95DelayMillis,
        double meanJitterMillis,
        double meanThroughputMbps,
        double meanBitrateMbps,
        double meanResolutionLines,
        long framesReceived,
        long framesDecoded,
        long framesDropped,
        int stalls,
        double stalledSeconds,
        double longestStallSeconds,
        int switches) {

    /** Fraction of the session spent stalled. */
    public double stallRatio() {
        return durationSeconds > 0 ? stalledSeconds / durationSeconds : 0;
    }
}
