package org.adaptivestream.adaptation;

import java.util.Locale;
import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.adaptivestream.adaptation.estimate.ThroughputEstimator;
import org.adaptivestream.media.Rung;

/**
 * Our default: capacity from burst dispersion, corrected for any standing queue, with the
 * delay trend and the buffer as guards; quick to step down, slow to step up.
 *
 * <ol>
 *   <li><b>Drain first.</b> A standing queue of {@code q} seconds must drain within
 *       {@link #QUEUE_DRAIN_SECONDS}, so only {@code 1 - q / QUEUE_DRAIN_SECONDS} of the
 *       capacity is usable for new video.</li>
 *   <li><b>Down at once</b> when the current bitrate exceeds {@link #KEEP_FRACTION} of the
 *       usable latest capacity, to the highest rung under {@link #UP_FRACTION} of it; or one
 *       rung when the delivery delay grows faster than {@link #DELAY_GROWTH_LIMIT_SECONDS_PER_SECOND},
 *       or when the buffer falls under {@link #LOW_BUFFER_FRACTION_OF_TARGET} of the target
 *       while the delay grows (a queue is building that capacity samples have not shown). These
 *       two only once a queue of {@link #STANDING_QUEUE_SECONDS} has stood for a whole window:
 *       a pause in delivery grows the delay just as fast, and no rung avoids a pause.</li>
 *   <li><b>Down to what arrives</b> when the receive rate has stayed under
 *       {@link #SHORTFALL_FRACTION} of the current bitrate for a whole throughput window while
 *       delay builds: on a link that delivers in bursts (cellular), dispersion overstates what it
 *       sustains, and the receive rate is the ground truth.</li>
 *   <li><b>Up slowly</b>: to the highest rung under {@link #UP_FRACTION} of the latest or
 *       the window's harmonic-mean capacity, whichever is lower (slow samples pull the mean
 *       down, so a volatile link earns less headroom than a steady one), only {@link #MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP} after the last switch and
 *       {@link #MIN_SECONDS_AFTER_STALL_FOR_UP} after the last stall. A switch up and back
 *       costs two switch penalties, which a higher rung repays only if it lasts.</li>
 * </ol>
 * Stateless.
 */
public final class DefaultPolicy implements AdaptationPolicy {

    /** The constants below as one value, so alternatives can be compared in simulation. */
    public record Tuning(double upFraction, double keepFraction, double queueDrainSeconds,
            double delayGrowthLimitSecondsPerSecond, double lowBufferFractionOfTarget,
            double minSecondsBetweenSwitchesForUp, double minSecondsAfterStallForUp, double shortfallFraction) {
    }

    /** Share of the usable capacity a new, higher rung may take. */
    public static final double UP_FRACTION = 0.92;
    /** Share of the usable capacity the current rung may take before we step down. */
    public static final double KEEP_FRACTION = 1.0;
    public static final double QUEUE_DRAIN_SECONDS = 1.0;
    public static final double DELAY_GROWTH_LIMIT_SECONDS_PER_SECOND = 0.25;
    public static final double LOW_BUFFER_FRACTION_OF_TARGET = 0.3;
    public static final double MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP = 3.0;
    public static final double MIN_SECONDS_AFTER_STALL_FOR_UP = 2.0;
    /**
     * Received under this share of the current bitrate, over a window that has only seen this
     * rung, while delay builds: the link delivers less than we send, whatever the bursts say.
     */
    public static final double SHORTFALL_FRACTION = 0.8;
    /** A queue that stood this long for a whole window is a short link, not a keyframe or a pause. */
    public static final double STANDING_QUEUE_SECONDS = 0.05;

    public static final Tuning TUNING = new Tuning(UP_FRACTION, KEEP_FRACTION, QUEUE_DRAIN_SECONDS,
            DELAY_GROWTH_LIMIT_SECONDS_PER_SECOND, LOW_BUFFER_FRACTION_OF_TARGET, MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP,
            MIN_SECONDS_AFTER_STALL_FOR_UP, SHORTFALL_FRACTION);

    private final Tuning t;

    public DefaultPolicy() {
        this(TUNING);
    }

    public DefaultPolicy(Tuning tuning) {
        this.t = tuning;
    }

    @Override
    public String name() {
        return PolicyRegistry.DEFAULT;
    }

    @Override
    public Decision decide(PolicyInput in) {
        LinkEstimates e = in.estimates();
        Ladder ladder = in.ladder();
        Rung current = in.currentRung();
        double delayTrend = e.deliveryDelayTrend().orElse(0);
        double queue = e.standingQueueSeconds().orElse(0);
        // A gap in delivery (cellular links pause for hundreds of milliseconds) grows the delay too,
        // and no rung avoids it: only a delay that stood for a whole window says the link is short.
        boolean queueStands = queue > STANDING_QUEUE_SECONDS;
        if (current != Rung.lowest() && queueStands && delayTrend > t.delayGrowthLimitSecondsPerSecond()) {
            Rung down = Rung.values()[current.ordinal() - 1];
            return new Decision(down, String.format(Locale.ROOT, "default: delay grows %.0f ms/s > %.0f ms/s, down to %s",
                    delayTrend * 1000, t.delayGrowthLimitSecondsPerSecond() * 1000, ladder.describe(down)));
        }
        double lowBuffer = t.lowBufferFractionOfTarget() * in.targetBufferSeconds();
        if (current != Rung.lowest() && queueStands && in.bufferSeconds() < lowBuffer && delayTrend > 0) {
            Rung down = Rung.values()[current.ordinal() - 1];
            return new Decision(down, String.format(Locale.ROOT, "default: buffer %s < %s and delay growing, down to %s",
                    Ladder.millis(in.bufferSeconds()), Ladder.millis(lowBuffer), ladder.describe(down)));
        }
        double bitrate = ladder.bitsPerSecond(current);
        double received = e.throughputBitsPerSecond().orElse(Double.NaN);
        if (current != Rung.lowest() && received < bitrate * t.shortfallFraction()
                && in.secondsSinceSwitch() > ThroughputEstimator.DEFAULT_WINDOW_SECONDS
                && (delayTrend > 0 || queueStands)) {
            Rung down = ladder.highestAtMost(received * t.upFraction());
            if (down.ordinal() >= current.ordinal()) {
                down = Rung.values()[current.ordinal() - 1];
            }
            return new Decision(down, String.format(Locale.ROOT,
                    "default: received %s < %.2f × %s for %s while delay builds, down to %s", Ladder.mbps(received),
                    t.shortfallFraction(), Ladder.mbps(bitrate), current.label(), ladder.describe(down)));
        }
        if (e.capacityLatestBitsPerSecond().isEmpty()) {
            return new Decision(current, "default: no capacity estimate yet, holding " + current.label());
        }
        double drain = Math.max(0, 1 - queue / t.queueDrainSeconds());
        double latest = e.capacityLatestBitsPerSecond().getAsDouble();
        double usableNow = latest * drain;
        String queueNote = queue > 0 ? String.format(Locale.ROOT, " after draining %s of queue", Ladder.millis(queue)) : "";
        if (current != Rung.lowest() && bitrate > usableNow * t.keepFraction()) {
            Rung down = ladder.highestAtMost(usableNow * t.upFraction());
            if (down.ordinal() >= current.ordinal()) {
                down = Rung.values()[current.ordinal() - 1];
            }
            return new Decision(down, String.format(Locale.ROOT, "default: capacity %s%s × %.2f < %s for %s, down to %s",
                    Ladder.mbps(latest), queueNote, t.keepFraction(), Ladder.mbps(bitrate), current.label(),
                    ladder.describe(down)));
        }
        double sustained = Math.min(latest, e.capacityBitsPerSecond().orElse(latest)) * drain;
        Rung up = ladder.highestAtMost(sustained * t.upFraction());
        if (up.ordinal() > current.ordinal()) {
            String fits = String.format(Locale.ROOT, "sustained capacity %s%s × %.2f fits %s",
                    Ladder.mbps(sustained / Math.max(drain, 1e-9)), queueNote, t.upFraction(), ladder.describe(up));
            if (in.secondsSinceSwitch() < t.minSecondsBetweenSwitchesForUp()) {
                return new Decision(current, String.format(Locale.ROOT, "default: %s, but last switch %.1f s ago < %.0f s",
                        fits, in.secondsSinceSwitch(), t.minSecondsBetweenSwitchesForUp()));
            }
            if (in.secondsSinceStall() < t.minSecondsAfterStallForUp()) {
                return new Decision(current, String.format(Locale.ROOT, "default: %s, but last stall %.1f s ago < %.0f s",
                        fits, in.secondsSinceStall(), t.minSecondsAfterStallForUp()));
            }
            if (delayTrend > 0 && in.bufferSeconds() < in.targetBufferSeconds() * t.lowBufferFractionOfTarget()) {
                return new Decision(current, "default: " + fits + ", but the buffer is low and the delay growing");
            }
            return new Decision(up, "default: " + fits + ", up");
        }
        return new Decision(current, String.format(Locale.ROOT, "default: capacity %s%s carries %s",
                Ladder.mbps(latest), queueNote, ladder.describe(current)));
    }
}
