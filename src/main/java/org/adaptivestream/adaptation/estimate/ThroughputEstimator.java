package org.adaptivestream.adaptation.estimate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * Receive throughput: bits that arrived over a sliding window. For a paced stream this is about
 * the bitrate being sent, not what the link could carry (see {@link CapacityEstimator}); it
 * still shows when the link delivers less than is being sent. Publishes nothing until the
 * window has been observed for {@code minSpanSeconds}.
 */
public final class ThroughputEstimator {

    public static final double DEFAULT_WINDOW_SECONDS = 2.0;
    public static final double DEFAULT_MIN_SPAN_SECONDS = 1.0;

    private record Arrival(double timeSeconds, double bits) {
    }

    private final double windowSeconds;
    private final double minSpanSeconds;
    private final Deque<Arrival> arrivals = new ArrayDeque<>();
    private double firstArrivalSeconds = Double.NaN;

    public ThroughputEstimator() {
        this(DEFAULT_WINDOW_SECONDS, DEFAULT_MIN_SPAN_SECONDS);
    }

    public ThroughputEstimator(double windowSeconds, double minSpanSeconds) {
        if (!(windowSeconds > 0) || !(minSpanSeconds > 0) || minSpanSeconds > windowSeconds) {
            throw new IllegalArgumentException("need 0 < min span " + minSpanSeconds + " s <= window " + windowSeconds + " s");
        }
        this.windowSeconds = windowSeconds;
        this.minSpanSeconds = minSpanSeconds;
    }

    public void onBits(double nowSeconds, double bits) {
        if (Double.isNaN(firstArrivalSeconds)) {
            firstArrivalSeconds = nowSeconds;
        }
        arrivals.addLast(new Arrival(nowSeconds, bits));
        while (arrivals.peekFirst().timeSeconds() <= nowSeconds - windowSeconds) {
            arrivals.removeFirst();
        }
    }

    /** Bits per second over the window ending at {@code nowSeconds}. */
    public OptionalDouble bitsPerSecond(double nowSeconds) {
        if (Double.isNaN(firstArrivalSeconds) || nowSeconds - firstArrivalSeconds < minSpanSeconds) {
            return OptionalDouble.empty();
        }
        double bits = 0;
        for (Arrival a : arrivals) {
            if (a.timeSeconds() > nowSeconds - windowSeconds) {
                bits += a.bits();
            }
        }
        double span = Math.min(windowSeconds, nowSeconds - firstArrivalSeconds);
        return OptionalDouble.of(bits / span);
    }

    public void reset() {
        arrivals.clear();
        firstArrivalSeconds = Double.NaN;
    }
}
