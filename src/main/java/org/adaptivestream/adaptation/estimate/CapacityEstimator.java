package org.adaptivestream.adaptation.estimate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * Bottleneck capacity from packet-train dispersion. The server writes each keyframe (tens of
 * kilobytes) to the socket at once, so its bytes cross the bottleneck back to back, at link
 * rate, even though the stream's average send rate is only the current bitrate. The client
 * therefore learns what the link could carry, not just what it was asked to carry.
 *
 * <p>Keeps the samples of the last {@code windowSeconds} and publishes nothing until it holds
 * {@code minSamples}. Not thread-safe: one client thread feeds and reads it.
 */
public final class CapacityEstimator {

    public static final double DEFAULT_WINDOW_SECONDS = 4.0;
    public static final int DEFAULT_MIN_SAMPLES = 2;
    /** Bursts smaller than this span too few packets for their dispersion to mean anything. */
    public static final long MIN_BURST_BITS = 4 * 1024 * 8;
    /** A dispersion shorter than this is clock granularity, not link rate. */
    public static final double MIN_DISPERSION_SECONDS = 0.000_5;

    private record Sample(double timeSeconds, double bitsPerSecond) {
    }

    private final double windowSeconds;
    private final int minSamples;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public CapacityEstimator() {
        this(DEFAULT_WINDOW_SECONDS, DEFAULT_MIN_SAMPLES);
    }

    public CapacityEstimator(double windowSeconds, int minSamples) {
        if (!(windowSeconds > 0) || minSamples < 1) {
            throw new IllegalArgumentException("window " + windowSeconds + " s and min samples " + minSamples + " must be positive");
        }
        this.windowSeconds = windowSeconds;
        this.minSamples = minSamples;
    }

    /**
     * One burst written at once by the server: {@code bits} that arrived between the first and
     * the last byte's arrival (exclude the first packet's own bytes from {@code bits}: its
     * transmission happened before the first arrival). Returns whether the burst was usable.
     */
    public boolean onBurst(double nowSeconds, double bits, double dispersionSeconds) {
        if (bits < MIN_BURST_BITS || !(dispersionSeconds >= MIN_DISPERSION_SECONDS)) {
            return false;
        }
        samples.addLast(new Sample(nowSeconds, bits / dispersionSeconds));
        expire(nowSeconds);
        return true;
    }

    private void expire(double nowSeconds) {
        while (samples.size() > minSamples && samples.peekFirst().timeSeconds() < nowSeconds - windowSeconds) {
            samples.removeFirst();
        }
    }

    private boolean ready() {
        return samples.size() >= minSamples;
    }

    /** The most recent sample: the link as it is now, noisy. */
    public OptionalDouble latestBitsPerSecond() {
        return ready() ? OptionalDouble.of(samples.peekLast().bitsPerSecond()) : OptionalDouble.empty();
    }

    /** Harmonic mean over the window: smoothed, and pulled down by slow samples rather than up by fast ones. */
    public OptionalDouble smoothedBitsPerSecond() {
        if (!ready()) {
            return OptionalDouble.empty();
        }
        double inverse = 0;
        for (Sample s : samples) {
            inverse += 1 / s.bitsPerSecond();
        }
        return OptionalDouble.of(samples.size() / inverse);
    }

    /** The lowest sample in the window: what the link has surely sustained lately. */
    public OptionalDouble lowBitsPerSecond() {
        return ready()
                ? OptionalDouble.of(samples.stream().mapToDouble(Sample::bitsPerSecond).min().orElseThrow())
                : OptionalDouble.empty();
    }

    public void reset() {
        samples.clear();
    }
}
