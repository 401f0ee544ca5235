package org.adaptivestream.adaptation.estimate;

import java.util.OptionalDouble;

/**
 * One-way delivery delay of frames (arrival minus server send time, with the clock offset
 * removed), and its trend: the least-squares slope over {@link #TREND_WINDOW_SECONDS}, positive
 * when frames are sent faster than the link carries them (the delay-gradient signal of
 * WebRTC's congestion control).
 */
public final class DeliveryDelayEstimator {

    public static final int DEFAULT_MIN_SAMPLES = 4;
    public static final double TREND_WINDOW_SECONDS = 1.5;

    private final int minSamples;
    private final TrendWindow recent = new TrendWindow(TREND_WINDOW_SECONDS);
    private int count;
    private double latestSeconds;

    public DeliveryDelayEstimator() {
        this(DEFAULT_MIN_SAMPLES);
    }

    public DeliveryDelayEstimator(int minSamples) {
        if (minSamples < 2) {
            throw new IllegalArgumentException("a trend needs at least 2 samples, not " + minSamples);
        }
        this.minSamples = minSamples;
    }

    /** A frame sent at {@code sendSeconds} (client clock) arrived {@code delaySeconds} later. */
    public void onFrame(double sendSeconds, double delaySeconds) {
        count++;
        latestSeconds = delaySeconds;
        recent.add(sendSeconds, delaySeconds);
    }

    private boolean ready() {
        return count >= minSamples;
    }

    public OptionalDouble latestSeconds() {
        return ready() ? OptionalDouble.of(latestSeconds) : OptionalDouble.empty();
    }

    /** Seconds of delay gained per second of media. */
    public OptionalDouble trendSecondsPerSecond() {
        return ready() ? recent.slope() : OptionalDouble.empty();
    }

    public void reset() {
        recent.clear();
        count = 0;
    }
}
