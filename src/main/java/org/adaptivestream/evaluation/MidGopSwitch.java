package org.adaptivestream.evaluation;

/**
 * A GOP the server switched mid-way ({@link StreamingModel#switchAtOnce}), with what the
 * client's measurements need beyond the outcome. Times in seconds on the trace's clock.
 *
 * @param gop                 the GOP as streamed: the old rung's keyframe and frames up to the
 *                            switch, then the new rung's
 * @param framesBefore        the old rung's frames sent before the switch, keyframe included
 * @param catchUpKeyEndSeconds when the new rung's keyframe had crossed
 * @param itemReleases        every item sent for the GOP, in order (a frame, or the catch-up
 *                            burst after the new keyframe), by release time
 * @param itemDepartures      when each of them had crossed
 */
public record MidGopSwitch(GopOutcome gop, int framesBefore, double catchUpKeyEndSeconds, double[] itemReleases,
        double[] itemDepartures) {

    public MidGopSwitch {
        itemReleases = itemReleases.clone();
        itemDepartures = itemDepartures.clone();
    }

    /** When the bottleneck has carried everything the server had sent for this GOP by {@code seconds}. */
    public double drainedOfSentBy(double seconds) {
        double drained = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < itemReleases.length && itemReleases[i] <= seconds; i++) {
            drained = itemDepartures[i];
        }
        return drained;
    }
}
