package org.adaptivestream.adaptation;

import java.util.Locale;
import org.adaptivestream.media.Rung;

/**
 * The textbook rate rule: the highest rung whose bitrate fits under a safety fraction of the
 * smoothed capacity estimate, re-decided on every measurement, with no memory and no
 * hysteresis. Stateless.
 */
public final class ThroughputPolicy implements AdaptationPolicy {

    /** Share of the estimated capacity the stream may use; the rest absorbs estimation error. */
    public static final double SAFETY_FRACTION = 0.8;

    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public Decision decide(PolicyInput input) {
        if (input.estimates().capacityBitsPerSecond().isEmpty()) {
            return new Decision(Rung.lowest(), "throughput: no capacity estimate yet, lowest rung");
        }
        double capacity = input.estimates().capacityBitsPerSecond().getAsDouble();
        double usable = capacity * SAFETY_FRACTION;
        Rung rung = input.ladder().highestAtMost(usable);
        Ladder ladder = input.ladder();
        String reason;
        if (rung.ordinal() < Rung.highest().ordinal()) {
            Rung above = Rung.values()[rung.ordinal() + 1];
            reason = String.format(Locale.ROOT, "throughput: capacity %s × %.2f = %s < %s for %s",
                    Ladder.mbps(capacity), SAFETY_FRACTION, Ladder.mbps(usable),
                    Ladder.mbps(ladder.bitsPerSecond(above)), above.label());
        } else {
            reason = String.format(Locale.ROOT, "throughput: capacity %s × %.2f = %s fits the top rung %s",
                    Ladder.mbps(capacity), SAFETY_FRACTION, Ladder.mbps(usable), ladder.describe(rung));
        }
        return new Decision(rung, reason);
    }
}
