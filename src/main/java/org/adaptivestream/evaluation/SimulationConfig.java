package org.adaptivestream.evaluation;

import org.adaptivestream.adaptation.PlayoutLatency;

/**
 * The modelled system's parameters. Times in seconds.
 *
 * @param gopSeconds          GOP duration; keyframes are aligned across rungs at its multiples
 * @param framesPerSecond     frame rate; the server paces frames at this rate
 * @param baseRttSeconds      round trip without queueing; half of it each way
 * @param targetDelaySeconds  the client's playout delay after the first frame
 * @param catchUpRate         how much faster than real time the client plays while shedding latency
 * @param durationSeconds     how much of the trace to stream; {@code NaN} for one whole period
 */
public record SimulationConfig(
        double gopSeconds,
        double framesPerSecond,
        double baseRttSeconds,
        double targetDelaySeconds,
        double catchUpRate,
        double durationSeconds) {

    public static final double DEFAULT_GOP_SECONDS = 0.5;
    public static final double DEFAULT_FRAMES_PER_SECOND = 30;
    public static final double DEFAULT_BASE_RTT_SECONDS = 0.040;

    public SimulationConfig {
        if (!(gopSeconds > 0) || !(framesPerSecond > 0) || framesPerSecond * gopSeconds < 2) {
            throw new IllegalArgumentException("a GOP of " + gopSeconds + " s at " + framesPerSecond
                    + " fps must hold at least two frames");
        }
        if (!(baseRttSeconds >= 0) || !(targetDelaySeconds >= 0) || !(catchUpRate >= 0 && catchUpRate < 1)) {
            throw new IllegalArgumentException("RTT " + baseRttSeconds + " s, target delay " + targetDelaySeconds
                    + " s and catch-up rate " + catchUpRate + " out of range");
        }
        if (!Double.isNaN(durationSeconds) && !(durationSeconds >= gopSeconds)) {
            throw new IllegalArgumentException("duration " + durationSeconds + " s must cover at least one GOP");
        }
    }

    public static SimulationConfig defaults() {
        return new SimulationConfig(DEFAULT_GOP_SECONDS, DEFAULT_FRAMES_PER_SECOND, DEFAULT_BASE_RTT_SECONDS,
                PlayoutLatency.DEFAULT_TARGET_DELAY_SECONDS, PlayoutLatency.DEFAULT_CATCH_UP_RATE, Double.NaN);
    }

    public SimulationConfig withDurationSeconds(double seconds) {
        return new SimulationConfig(gopSeconds, framesPerSecond, baseRttSeconds, targetDelaySeconds, catchUpRate, seconds);
    }

    public SimulationConfig withBaseRttSeconds(double seconds) {
        return new SimulationConfig(gopSeconds, framesPerSecond, seconds, targetDelaySeconds, catchUpRate, durationSeconds);
    }

    public SimulationConfig withTargetDelaySeconds(double seconds) {
        return new SimulationConfig(gopSeconds, framesPerSecond, baseRttSeconds, seconds, catchUpRate, durationSeconds);
    }

    public int framesPerGop() {
        return (int) Math.round(framesPerSecond * gopSeconds);
    }

    public double oneWayDelaySeconds() {
        return baseRttSeconds / 2;
    }

    /** Whole GOPs that fit in the duration, or in one period of a trace of {@code traceSeconds}. */
    public int gopCount(double traceSeconds) {
        double seconds = Double.isNaN(durationSeconds) ? traceSeconds : durationSeconds;
        return Math.max(1, (int) Math.floor(seconds / gopSeconds + 1e-9));
    }
}
