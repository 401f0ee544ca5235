package org.adaptivestream.adaptation.estimate;

import java.util.OptionalDouble;

/**
 * Interarrival jitter as RFC 3550 (section 6.4.1) defines it: the mean deviation of the
 * difference in transit time between consecutive packets, smoothed with gain 1/16. Transit is
 * arrival minus send time; a constant clock offset cancels out. Publishes nothing until two
 * packets have been seen.
 */
public final class JitterEstimator {

    public static final double GAIN = 1.0 / 16;

    private double previousTransitSeconds = Double.NaN;
    private double jitterSeconds;
    private int count;

    public void onPacket(double sendSeconds, double arrivalSeconds) {
        double transit = arrivalSeconds - sendSeconds;
        if (!Double.isNaN(previousTransitSeconds)) {
            jitterSeconds += GAIN * (Math.abs(transit - previousTransitSeconds) - jitterSeconds);
        }
        previousTransitSeconds = transit;
        count++;
    }

    public OptionalDouble jitterSeconds() {
        return count >= 2 ? OptionalDouble.of(jitterSeconds) : OptionalDouble.empty();
    }

    public void reset() {
        previousTransitSeconds = Double.NaN;
        jitterSeconds = 0;
        count = 0;
    }
}
