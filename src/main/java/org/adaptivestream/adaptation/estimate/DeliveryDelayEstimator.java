package org.adaptivestream.adaptation.estimate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * One-way delivery delay of frames (arrival minus server send time, with the clock offset
 * removed), and from it the bottleneck's <em>standing</em> queue: the least delay seen over the
 * last {@link #STANDING_WINDOW_SECONDS} minus the least over {@link #BASE_WINDOW_SECONDS}. A
 * keyframe always waits behind itself, so single samples overstate the queue; only a delay
 * that persists for a whole GOP is queue the policy must drain. The trend is the least-squares
 * slope over {@link #TREND_WINDOW_SECONDS}: positive when frames are sent faster than the link
 * carries them (the delay-gradient signal of WebRTC's congestion control).
 */
public final class DeliveryDelayEstimator {

    public static final int DEFAULT_MIN_SAMPLES = 4;
    public static final double STANDING_WINDOW_SECONDS = 1.0;
    public static final double BASE_WINDOW_SECONDS = 30.0;
    public static final double TREND_WINDOW_SECONDS = 1.5;

    private final int minSamples;
    private final Deque<Trend.Point> recent = new ArrayDeque<>();
    private final MinWindow standing = new MinWindow(STANDING_WINDOW_SECONDS);
    private final MinWindow base = new MinWindow(BASE_WINDOW_SECONDS);
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
        double arrival = sendSeconds + delaySeconds;
        recent.addLast(new Trend.Point(sendSeconds, delaySeconds));
        while (recent.peekFirst().timeSeconds() < sendSeconds - TREND_WINDOW_SECONDS) {
            recent.removeFirst();
        }
        standing.add(arrival, delaySeconds);
        base.add(arrival, delaySeconds);
    }

    private boolean ready() {
        return count >= minSamples;
    }

    public OptionalDouble latestSeconds() {
        return ready() ? OptionalDouble.of(latestSeconds) : OptionalDouble.empty();
    }

    /** Delay that has persisted over the standing window beyond the long-run minimum. */
    public OptionalDouble standingQueueSeconds() {
        return ready() ? OptionalDouble.of(Math.max(0, standing.min() - base.min())) : OptionalDouble.empty();
    }

    /** Seconds of delay gained per second of media. */
    public OptionalDouble trendSecondsPerSecond() {
        if (!ready()) {
            return OptionalDouble.empty();
        }
        double slope = Trend.slope(recent);
        return Double.isNaN(slope) ? OptionalDouble.empty() : OptionalDouble.of(slope);
    }

    public void reset() {
        recent.clear();
        standing.clear();
        base.clear();
        count = 0;
    }

    /** Minimum over a sliding time window, in amortised constant time. */
    private static final class MinWindow {
        private final double windowSeconds;
        private final Deque<Trend.Point> increasing = new ArrayDeque<>();

        MinWindow(double windowSeconds) {
            this.windowSeconds = windowSeconds;
        }

        void add(double nowSeconds, double value) {
            while (!increasing.isEmpty() && increasing.peekLast().value() >= value) {
                increasing.removeLast();
            }
            increasing.addLast(new Trend.Point(nowSeconds, value));
            while (increasing.size() > 1 && increasing.peekFirst().timeSeconds() < nowSeconds - windowSeconds) {
                increasing.removeFirst();
            }
        }

        double min() {
            return increasing.peekFirst().value();
        }

        void clear() {
            increasing.clear();
        }
    }
}
