package org.adaptivestream.adaptation.estimate;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the estimators know about the link at one instant; each value is empty until its
 * estimator has enough data. Rates in bits per second, times in seconds, trends in seconds
 * per second.
 *
 * @param throughputBitsPerSecond   bits received per second lately (about the bitrate sent)
 * @param capacityBitsPerSecond     bottleneck capacity over the window: bits over the time the link was busy with them,
 *                                  scaled by the share of link time it was not dead
 * @param capacityRecentBitsPerSecond capacity over the last two seconds, dead spells left out
 * @param capacityLatestBitsPerSecond capacity over the last half second (or the latest sample), dead spells left out
 * @param rttSeconds                smoothed in-band round-trip time
 * @param rttMinSeconds             least RTT lately: the base RTT without queueing
 * @param rttTrend                  slope of the RTT
 * @param deliveryDelayTrend        slope of the one-way delivery delay
 * @param jitterSeconds             RFC 3550 interarrival jitter
 */
public record LinkEstimates(
        OptionalDouble throughputBitsPerSecond,
        OptionalDouble capacityBitsPerSecond,
        OptionalDouble capacityRecentBitsPerSecond,
        OptionalDouble capacityLatestBitsPerSecond,
        OptionalDouble rttSeconds,
        OptionalDouble rttMinSeconds,
        OptionalDouble rttTrend,
        OptionalDouble deliveryDelayTrend,
        OptionalDouble jitterSeconds) {

    /** Nothing known yet. */
    public static final LinkEstimates NONE = new LinkEstimates(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    public LinkEstimates {
        Objects.requireNonNull(throughputBitsPerSecond);
        Objects.requireNonNull(capacityBitsPerSecond);
        Objects.requireNonNull(capacityRecentBitsPerSecond);
        Objects.requireNonNull(capacityLatestBitsPerSecond);
        Objects.requireNonNull(rttSeconds);
        Objects.requireNonNull(rttMinSeconds);
        Objects.requireNonNull(rttTrend);
        Objects.requireNonNull(deliveryDelayTrend);
        Objects.requireNonNull(jitterSeconds);
    }

    /** Only a capacity, for tests and scripted inputs: smoothed, recent and latest all equal. */
    public static LinkEstimates ofCapacity(double bitsPerSecond) {
        OptionalDouble c = OptionalDouble.of(bitsPerSecond);
        return new LinkEstimates(OptionalDouble.empty(), c, c, c, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** Only an RTT, for tests and scripted inputs. */
    public static LinkEstimates ofRtt(double rttSeconds) {
        return new LinkEstimates(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.of(rttSeconds), OptionalDouble.of(rttSeconds),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }
}
