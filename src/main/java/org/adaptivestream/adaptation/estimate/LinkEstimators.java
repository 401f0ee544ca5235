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
 *   <li>{@link #onWholeFrame} for every complete frame: its send time and the arrival of its
 *       last byte (one-way delay and RFC 3550 jitter), its size (throughput), and, summed into
 *       trains, the time it kept the link busy (capacity, see {@link BusyTimeTrain}), with
 *       the waits out of dead spells told apart (see {@link DeadSpellFilter}).</li>
 * </ul>
 * The simulator feeds it the same way, from when each frame crossed its model link. Not
 * thread-safe: one thread feeds and reads it.
 */
public final class LinkEstimators {

    private final ThroughputEstimator throughput = new ThroughputEstimator();
    private final CapacityEstimator capacity = new CapacityEstimator();
    private final RttEstimator rtt = new RttEstimator();
    private final DeliveryDelayEstimator delay = new DeliveryDelayEstimator();
    private final JitterEstimator jitter = new JitterEstimator();
    private final BusyTimeTrain train = new BusyTimeTrain();
    private final DeadSpellFilter deadSpells = new DeadSpellFilter(capacity);

    public void onPong(double nowSeconds, double rttSeconds) {
        rtt.onSample(nowSeconds, rttSeconds);
    }

    private void onFrame(double sendSeconds, double arrivalSeconds, double bits) {
        throughput.onBits(arrivalSeconds, bits);
        delay.onFrame(sendSeconds, arrivalSeconds - sendSeconds);
        jitter.onPacket(sendSeconds, arrivalSeconds);
    }

    /** A frame whose send time is not known on our clock: it counts only towards the receive rate. */
    public void onUntimedFrame(double arrivalSeconds, double bits) {
        throughput.onBits(arrivalSeconds, bits);
    }

    /**
     * A frame as the real client sees it. Capacity is measured once a round trip is known:
     * half the smallest round trip is when an unqueued frame can first arrive.
     */
    public void onWholeFrame(double sendSeconds, double arrivalSeconds, double bits) {
        onFrame(sendSeconds, arrivalSeconds, bits);
        OptionalDouble minRtt = rtt.minSeconds();
        if (minRtt.isPresent()) {
            BusyTimeTrain.Sample sample = train.onFrame(sendSeconds, arrivalSeconds, bits, minRtt.getAsDouble() / 2);
            if (sample != null) {
                deadSpells.onTrain(arrivalSeconds, sample);
            }
        }
    }

    public LinkEstimates snapshot(double nowSeconds) {
        deadSpells.flush(nowSeconds);
        return new LinkEstimates(
                throughput.bitsPerSecond(nowSeconds),
                capacity.smoothedBitsPerSecond(),
                capacity.recentBitsPerSecond(),
                capacity.latestBitsPerSecond(),
                rtt.smoothedSeconds(),
                rtt.minSeconds(),
                rtt.trendSecondsPerSecond(),
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
        train.reset();
        deadSpells.reset();
        rtt.reset();
        delay.reset();
        jitter.reset();
    }
}
