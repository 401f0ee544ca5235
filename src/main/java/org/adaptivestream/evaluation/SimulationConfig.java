package org.adaptivestream.evaluation;

/**
 * The modelled system's parameters. Times in seconds.
 *
 * @param gopSeconds          GOP duration; keyframes are aligned across rungs at its multiples
 * @param framesPerSecond     frame rate; the server paces frames at this rate
 * @param baseRttSeconds      round trip without queueing; half of it each way
 * @param targetDelaySeconds  how long after its base one-way delay a frame is due on screen
 * @param maxLagSeconds       a GOP that would start crossing the link later than this after its
 *                            release is not sent at all (the server's lag limit)
 * @param durationSeconds     how much of the trace to stream; {@code NaN} for one whole period
 */
public record SimulationConfig(
        double gopSeconds,
        double framesPerSecond,
        double baseRttSeconds,
        double targetDelaySeconds,
        double maxLagSeconds,
        double durationSeconds) {

    public static final double DEFAULT_GOP_SECONDS = 0.5;
    public static final double DEFAULT_FRAMES_PER_SECOND = 30;
    public static final double DEFAULT_BASE_RTT_SECONDS = 0.040;
    /** The real client's default playout delay. */
    public static final double DEFAULT_TARGET_DELAY_SECONDS = 0.150;
    /** The server's default lag limit ({@code ServerConfig.DEFAULT_MAX_LAG}). */
    public static final double DEFAULT_MAX_LAG_SECONDS = 0.5;
    /** How far the lag limit lies past the playout delay: room for the sender's own hiccups. */
    static final double LAG_MARGIN_SECONDS = DEFAULT_MAX_LAG_SECONDS - DEFAULT_TARGET_DELAY_SECONDS;

    public SimulationConfig {
        if (!(gopSeconds > 0) || !(framesPerSecond > 0) || framesPerSecond * gopSeconds < 2) {
            throw new IllegalArgumentException("a GOP of " + gopSeconds + " s at " + framesPerSecond
                    + " fps must hold at least two frames");
        }
        if (!(baseRttSeconds >= 0) || !(targetDelaySeconds >= 0) || !(maxLagSeconds > 0)) {
            throw new IllegalArgumentException("RTT " + baseRttSeconds + " s and target delay " + targetDelaySeconds
                    + " s must not be negative, lag limit " + maxLagSeconds + " s must be positive");
        }
        if (!Double.isNaN(durationSeconds) && !(durationSeconds >= gopSeconds)) {
            throw new IllegalArgumentException("duration " + durationSeconds + " s must cover at least one GOP");
        }
    }

    public static SimulationConfig defaults() {
        return new SimulationConfig(DEFAULT_GOP_SECONDS, DEFAULT_FRAMES_PER_SECOND, DEFAULT_BASE_RTT_SECONDS,
                DEFAULT_TARGET_DELAY_SECONDS, DEFAULT_MAX_LAG_SECONDS,
                Double.NaN);
    }

    public SimulationConfig withDurationSeconds(double seconds) {
        return new SimulationConfig(gopSeconds, framesPerSecond, baseRttSeconds, targetDelaySeconds, maxLagSeconds, seconds);
    }

    public SimulationConfig withBaseRttSeconds(double seconds) {
        return new SimulationConfig(gopSeconds, framesPerSecond, seconds, targetDelaySeconds, maxLagSeconds, durationSeconds);
    }

    public SimulationConfig withTargetDelaySeconds(double seconds) {
        return new SimulationConfig(gopSeconds, framesPerSecond, baseRttSeconds, seconds, maxLagSeconds, durationSeconds);
    }

    public SimulationConfig withMaxLagSeconds(double seconds) {
        return new SimulationConfig(gopSeconds, framesPerSecond, baseRttSeconds, targetDelaySeconds, seconds, durationSeconds);
    }

    /**
     * The lag limit for this config's playout delay: video later than the delay is not shown, so
     * a longer delay moves the limit with it, keeping the margin; a shorter one keeps the default.
     */
    public double maxLagForTargetDelay() {
        return Math.max(DEFAULT_MAX_LAG_SECONDS, targetDelaySeconds + LAG_MARGIN_SECONDS);
    }

    public int framesPerGop() {
        return (int) Math.round(framesPerSecond * gopSeconds);
    }

    public double oneWayDelaySeconds() {
        return baseRttSeconds / 2;
    }

    /** Send to display of every frame: the base one-way delay plus the target delay. */
    public double playoutLatencySeconds() {
        return oneWayDelaySeconds() + targetDelaySeconds;
    }

    /** Whole GOPs that fit in the duration, or in one period of a trace of {@code traceSeconds}. */
    public int gopCount(double traceSeconds) {
        double seconds = Double.isNaN(durationSeconds) ? traceSeconds : durationSeconds;
        return Math.max(1, (int) Math.floor(seconds / gopSeconds + 1e-9));
    }
}
