package org.adaptivestream.adaptation.estimate;

import java.util.OptionalDouble;

/**
 * The client's measuring side in one place: it is fed raw measurements as they happen and
 * answers with a {@link LinkEstimates} snapshot for the policy. Times are seconds on the
 * client's clock; send times must already have the server clock offset removed.
 *
 * <p>How the client feeds it:
 * <ul>
 *   <li>{@link #onPong} for every in-band pong: the measured round trip;</li>
 *   <li>{@link #onFrame} for every complete frame: its send time and arrival time (one-way
 *       delay and RFC 3550 jitter) and its size (throughput);</li>
 *   <li>{@link #onBurst} for every frame the server wrote in one piece that is large enough
 *       (keyframes): the bits after the first packet and the time from the first to the last
 *       byte's arrival (capacity).</li>
 * </ul>
 * The simulator feeds the same methods from its model, so policies see the same kind of
 * numbers in both. Not thread-safe: one thread feeds and reads it.
 */
public final class LinkEstimators {

    private final ThroughputEstimator throughput = new ThroughputEstimator();
    private final CapacityEstimator capacity = new CapacityEstimator();
    private final RttEstimator rtt = new RttEstimator();
    private final DeliveryDelayEstimator delay = new DeliveryDelayEstimator();
    private final JitterEstimator jitter = new JitterEstimator();

    public void onPong(double nowSeconds, double rttSeconds) {
        rtt.onSample(nowSeconds, rttSeconds);
    }

    public void onFrame(double sendSeconds, double arrivalSeconds, double bits) {
        throughput.onBits(arrivalSeconds, bits);
        delay.onFrame(sendSeconds, arrivalSeconds - sendSeconds);
        jitter.onPacket(sendSeconds, arrivalSeconds);
    }

    public boolean onBurst(double nowSeconds, double bitsAfterFirstPacket, double dispersionSeconds) {
        return capacity.onBurst(nowSeconds, bitsAfterFirstPacket, dispersionSeconds);
    }

    public LinkEstimates snapshot(double nowSeconds) {
        return new LinkEstimates(
                throughput.bitsPerSecond(nowSeconds),
                capacity.smoothedBitsPerSecond(),
                capacity.lowBitsPerSecond(),
                capacity.latestBitsPerSecond(),
                rtt.smoothedSeconds(),
                rtt.minSeconds(),
                rtt.trendSecondsPerSecond(),
                delay.standingQueueSeconds(),
                delay.trendSecondsPerSecond(),
                jitter.jitterSeconds());
    }

    /** The latest raw one-way delay, for display. */
    public OptionalDouble latestDelaySeconds() {
        return delay.latestSeconds();
    }

    public void reset() {
        throughput.reset();
        capacity.reset();
        rtt.reset();
        delay.reset();
        jitter.reset();
    }
}
