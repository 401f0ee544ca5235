package org.adaptivestream.adaptation;

import java.util.OptionalDouble;

/**
 * The client's playout clock, shared by the real client and the simulator so both stall the
 * same way. Latency is the time from a frame's send (server clock, offset removed) to its
 * display, the same for every frame between stalls:
 *
 * <ul>
 *   <li>the first frame is shown {@code targetDelaySeconds} after it arrives;</li>
 *   <li>a frame that arrives after its display time stalls playback until it arrives, and the
 *       latency grows by the stall (the extra delay is absorbed, like a jitter buffer that
 *       grows after a late packet);</li>
 *   <li>while the latency exceeds the base one-way delay (the least delivery delay seen over
 *       a long window: propagation without queueing) plus the target, playback runs
 *       {@code catchUpRate} faster than real time, shedding that much latency per second of
 *       media until it is back at base plus target.</li>
 * </ul>
 * The floor deliberately does not follow the current delay: a client that keeps a standing
 * queue then stalls again, which is the truth about such a queue for a low-latency stream,
 * and the rule stays monotone (more latency never leads to more stall), which the offline
 * optimum relies on.
 * Times in seconds. Not thread-safe.
 */
public final class PlayoutLatency {

    public static final double DEFAULT_TARGET_DELAY_SECONDS = 0.150;
    /** 5 % faster playback while catching up: 50 ms of latency shed per second, hardly visible. */
    public static final double DEFAULT_CATCH_UP_RATE = 0.05;

    private final double targetDelaySeconds;
    private final double catchUpRate;
    private double latencySeconds = Double.NaN;
    private double totalStallSeconds;

    public PlayoutLatency(double targetDelaySeconds, double catchUpRate) {
        if (!(targetDelaySeconds >= 0) || !(catchUpRate >= 0 && catchUpRate < 1)) {
            throw new IllegalArgumentException("target delay " + targetDelaySeconds + " s must be >= 0 and catch-up rate "
                    + catchUpRate + " in [0, 1)");
        }
        this.targetDelaySeconds = targetDelaySeconds;
        this.catchUpRate = catchUpRate;
    }

    public PlayoutLatency() {
        this(DEFAULT_TARGET_DELAY_SECONDS, DEFAULT_CATCH_UP_RATE);
    }

    /** Latency once the first frame arrived {@code delaySeconds} after it was sent. */
    public static double initialLatency(double delaySeconds, double targetDelaySeconds) {
        return delaySeconds + targetDelaySeconds;
    }

    /** How long a frame delivered {@code delaySeconds} after its send stalls playback at this latency. */
    public static double stallSeconds(double latencySeconds, double delaySeconds) {
        return Math.max(0, delaySeconds - latencySeconds);
    }

    /** The latency after playing {@code mediaSeconds} of media, on a path whose base one-way delay is {@code baseDelaySeconds}. */
    public static double caughtUp(double latencySeconds, double baseDelaySeconds, double targetDelaySeconds,
            double mediaSeconds, double catchUpRate) {
        double floor = baseDelaySeconds + targetDelaySeconds;
        if (latencySeconds <= floor) {
            return latencySeconds;
        }
        return Math.max(floor, latencySeconds - catchUpRate * mediaSeconds);
    }

    /** A frame sent at {@code sendSeconds} arrived at {@code arrivalSeconds}; returns the stall it caused. */
    public double onFrame(double sendSeconds, double arrivalSeconds) {
        double delay = arrivalSeconds - sendSeconds;
        if (Double.isNaN(latencySeconds)) {
            latencySeconds = initialLatency(delay, targetDelaySeconds);
            return 0;
        }
        double stall = stallSeconds(latencySeconds, delay);
        latencySeconds += stall;
        totalStallSeconds += stall;
        return stall;
    }

    /** {@code mediaSeconds} were shown; the path's base one-way delay is {@code baseDelaySeconds}. */
    public void onMediaPlayed(double mediaSeconds, double baseDelaySeconds) {
        if (!Double.isNaN(latencySeconds)) {
            latencySeconds = caughtUp(latencySeconds, baseDelaySeconds, targetDelaySeconds, mediaSeconds, catchUpRate);
        }
    }

    /** Empty before the first frame. */
    public OptionalDouble latencySeconds() {
        return Double.isNaN(latencySeconds) ? OptionalDouble.empty() : OptionalDouble.of(latencySeconds);
    }

    /** When a frame sent at {@code sendSeconds} is due on screen. */
    public double showTimeSeconds(double sendSeconds) {
        return sendSeconds + latencySeconds;
    }

    /** Media received but not yet shown, at {@code nowSeconds}, if the newest frame received was sent at {@code newestSendSeconds}. */
    public double bufferSeconds(double nowSeconds, double newestSendSeconds) {
        return Double.isNaN(latencySeconds) ? 0 : Math.max(0, newestSendSeconds + latencySeconds - nowSeconds);
    }

    public double targetDelaySeconds() {
        return targetDelaySeconds;
    }

    public double totalStallSeconds() {
        return totalStallSeconds;
    }
}
