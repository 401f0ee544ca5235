package org.adaptivestream.adaptation;

import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.adaptivestream.media.Rung;

/**
 * How long the link has been starved: its sustained capacity, the lower of the capacity
 * estimates over the last 4 s and 2 s (the default policy's "later"), under the lowest rung's
 * bitrate. A link that only pauses (an LTE link's stops of a second or less) reads low for a
 * moment and comes back; one that stays under the lowest rung for seconds will not carry every
 * GOP in time. One per session; not thread-safe.
 */
public final class StarvationClock {

    private double since = Double.NaN;

    /** Seconds starved as of {@code nowSeconds}; 0 while the link is not, or before there is an estimate. */
    public double update(double nowSeconds, LinkEstimates estimates, Ladder ladder) {
        if (estimates.capacityBitsPerSecond().isEmpty() || estimates.capacityRecentBitsPerSecond().isEmpty()) {
            since = Double.NaN;
            return 0;
        }
        double sustained = Math.min(estimates.capacityBitsPerSecond().getAsDouble(),
                estimates.capacityRecentBitsPerSecond().getAsDouble());
        if (sustained >= ladder.bitsPerSecond(Rung.lowest())) {
            since = Double.NaN;
            return 0;
        }
        if (Double.isNaN(since)) {
            since = nowSeconds;
        }
        return nowSeconds - since;
    }
}
