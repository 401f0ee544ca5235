package org.adaptivestream.adaptation.estimate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * Round-trip time from in-band ping/pong. Pongs queue behind video, so the RTT rises with the
 * bottleneck queue; the smoothed value follows RFC 6298's gain of 1/8, the minimum over a long
 * window approximates the base RTT, and the trend is the least-squares slope over a short one.
 * Publishes nothing but the minimum until {@code minSamples} pongs have arrived.
 */
public final class RttEstimator {

    public static final int DEFAULT_MIN_SAMPLES = 3;
    public static final double SMOOTHING_GAIN = 1.0 / 8;
    public static final double TREND_WINDOW_SECONDS = 2.0;
    public static final double BASE_WINDOW_SECONDS = 30.0;

    /** An RTT sample kept for the window's minimum. */
    private record BaseSample(double timeSeconds, double value) {
    }

    private final int minSamples;
    private final TrendWindow recent = new TrendWindow(TREND_WINDOW_SECONDS);
    private final Deque<BaseSample> baseWindow = new ArrayDeque<>();
    private int count;
    private double smoothedSeconds;
    private double latestSeconds;

    public RttEstimator() {
        this(DEFAULT_MIN_SAMPLES);
    }

    public RttEstimator(int minSamples) {
        if (minSamples < 1) {
            throw new IllegalArgumentException("min samples must be positive, not " + minSamples);
        }
        this.minSamples = minSamples;
    }

    public void onSample(double nowSeconds, double rttSeconds) {
        count++;
        latestSeconds = rttSeconds;
        smoothedSeconds = count == 1 ? rttSeconds : smoothedSeconds + SMOOTHING_GAIN * (rttSeconds - smoothedSeconds);
        recent.add(nowSeconds, rttSeconds);
        // Monotone deque: the front is always the window's minimum.
        while (!baseWindow.isEmpty() && baseWindow.peekLast().value() >= rttSeconds) {
            baseWindow.removeLast();
        }
        baseWindow.addLast(new BaseSample(nowSeconds, rttSeconds));
        while (baseWindow.peekFirst().timeSeconds() < nowSeconds - BASE_WINDOW_SECONDS) {
            baseWindow.removeFirst();
        }
    }

    private boolean ready() {
        return count >= minSamples;
    }

    public OptionalDouble smoothedSeconds() {
        return ready() ? OptionalDouble.of(smoothedSeconds) : OptionalDouble.empty();
    }

    public OptionalDouble latestSeconds() {
        return ready() ? OptionalDouble.of(latestSeconds) : OptionalDouble.empty();
    }

    /**
     * The least round trip lately; from the first pong on, unlike the others: one round trip
     * already bounds the base from above, and measuring capacity waits for it. A first pong
     * that queued behind the first frames reads high (99 ms against 42 through a 40 ms lab
     * link); frames then seem to arrive before they could and are left out until a lower one.
     */
    public OptionalDouble minSeconds() {
        return baseWindow.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(baseWindow.peekFirst().value());
    }

    /** Seconds of RTT gained per second: positive while a queue builds. */
    public OptionalDouble trendSecondsPerSecond() {
        return ready() ? recent.slope() : OptionalDouble.empty();
    }

    public void reset() {
        recent.clear();
        baseWindow.clear();
        count = 0;
    }
}
