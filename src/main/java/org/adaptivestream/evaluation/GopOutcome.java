package org.adaptivestream.evaluation;

import org.adaptivestream.media.Rung;

/**
 * What one GOP did. Times in seconds on the trace's clock (the client's, offset removed).
 *
 * @param skipped              the server never sent it, being too far behind (the picture froze
 *                             for the whole GOP); its rung is then the last one shown
 * @param releaseSeconds       when the server released the keyframe
 * @param keyframeStartSeconds when the keyframe began to cross the bottleneck
 * @param keyframeEndSeconds   when its last bit crossed
 * @param lastReleaseSeconds   when the server released the GOP's last frame
 * @param lastEndSeconds       when the GOP's last bit crossed
 * @param keyframeDelaySeconds keyframe send to arrival, one-way propagation included
 * @param lastDelaySeconds     last frame send to arrival
 * @param stallSeconds         how long the picture froze in this GOP's display time (its frames
 *                             that arrived after they were due)
 * @param qoe                  this GOP's share of the QoE
 * @param next                 the state for the next GOP
 * @param firstRung            the rung shown first: {@code rung}, unless the server switched
 *                             mid-way ({@link StreamingModel#switchAtOnce}), when the GOP started in
 *                             this rung and its keyframe fields are this rung's
 * @param firstRungSeconds     how much of the GOP's display time was in {@code firstRung} before
 *                             such a switch; 0 without one
 */
public record GopOutcome(
        int index,
        Rung rung,
        boolean skipped,
        GopSize size,
        double releaseSeconds,
        double keyframeStartSeconds,
        double keyframeEndSeconds,
        double lastReleaseSeconds,
        double lastEndSeconds,
        double keyframeDelaySeconds,
        double lastDelaySeconds,
        double stallSeconds,
        double qoe,
        StreamState next,
        Rung firstRung,
        double firstRungSeconds) {

    /** Whether the server switched rung mid-way through this GOP. */
    public boolean switchedMidway() {
        return firstRung != rung;
    }

    /** The later of the keyframe's and the last frame's delivery delay: the GOP's worst frame. */
    public double worstDelaySeconds() {
        return Math.max(keyframeDelaySeconds, lastDelaySeconds);
    }
}
