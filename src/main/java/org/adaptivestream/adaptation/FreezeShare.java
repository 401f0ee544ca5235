package org.adaptivestream.adaptation;

import java.util.OptionalDouble;

/**
 * The share of recent time that playback froze while the stream was only just behind: frozen,
 * with less than {@link #NEAR_SECONDS} of video in flight ({@link InFlightVideo}). Such a freeze
 * is a rung that almost fits: the link keeps delivering, a little too slowly or too unevenly
 * for the playout delay. A freeze with more in flight is a link that stopped, which the
 * capacity estimates already see (and an LTE link's dead second says nothing of how well a rung
 * fits once it is back).
 *
 * <p>Exponentially weighted over {@link #TIME_CONSTANT_SECONDS}, so a link that keeps freezing
 * a fifth of the time reads about 0.2, and one freeze fades out over a few seconds. Updated
 * at each decision, the freeze state then standing for the time since the last. One per
 * session; not thread-safe.
 */
public final class FreezeShare {

    /** About how far back the share looks. */
    public static final double TIME_CONSTANT_SECONDS = 5.0;
    /**
     * Video in flight under which a freeze counts: a few frames late at most. An LTE link's stop
     * piles up more than that within a few tenths of a second.
     */
    public static final double NEAR_SECONDS = 0.3;

    /**
     * A freeze this soon after the arriving rung changed is the switch's: a way up sends the new
     * rung's keyframe and its frames so far at once, and on a link with little to spare that
     * freezes for a moment however well the rung fits after it. Counted, on a link alternating
     * 1.6 and 0.8 Mbit/s every half second, which carries 480p, the default left 480p after
     * every way up more often (docs/ADAPTATION-LOG.md, "A rung that keeps freezing").
     */
    public static final double SETTLE_SECONDS = 0.3;

    private double frozenSeconds;
    private double lastSeconds = Double.NaN;

    /**
     * The share as of {@code nowSeconds}, given the freeze state, the video in flight and when
     * the arriving rung last changed (empty if it never has).
     */
    public double update(double nowSeconds, boolean stalled, double inFlightSeconds, OptionalDouble lastSwitchSeconds) {
        double sinceSwitch = lastSwitchSeconds.isPresent()
                ? nowSeconds - lastSwitchSeconds.getAsDouble() : Double.POSITIVE_INFINITY;
        if (!Double.isNaN(lastSeconds) && nowSeconds > lastSeconds) {
            double dt = nowSeconds - lastSeconds;
            frozenSeconds *= Math.exp(-dt / TIME_CONSTANT_SECONDS);
            if (stalled && inFlightSeconds < NEAR_SECONDS && sinceSwitch >= SETTLE_SECONDS) {
                frozenSeconds += dt;
            }
        }
        lastSeconds = Double.isNaN(lastSeconds) ? nowSeconds : Math.max(lastSeconds, nowSeconds);
        return Math.min(1, frozenSeconds / TIME_CONSTANT_SECONDS);
    }
}
