package org.adaptivestream.adaptation;

import java.util.Locale;
import org.adaptivestream.media.Rung;

/**
 * Buffer-based adaptation in the style of BBA-0 (Huang et al., SIGCOMM 2014): the buffer level
 * alone picks the rate. Below the reservoir, the lowest rung; above reservoir plus cushion, the
 * highest; in between, a rate that rises linearly with the buffer, and the rung changes only
 * when that rate passes the next rung up or down. BBA's buffers are minutes; ours is the
 * playout delay of a live stream, so reservoir and cushion are fractions of the target delay.
 * Stateless.
 */
public final class BufferBasedPolicy implements AdaptationPolicy {

    public static final double RESERVOIR_FRACTION_OF_TARGET = 0.3;
    public static final double CUSHION_FRACTION_OF_TARGET = 0.6;

    @Override
    public String name() {
        return "buffer";
    }

    public static double reservoirSeconds(double targetBufferSeconds) {
        return targetBufferSeconds * RESERVOIR_FRACTION_OF_TARGET;
    }

    public static double cushionSeconds(double targetBufferSeconds) {
        return targetBufferSeconds * CUSHION_FRACTION_OF_TARGET;
    }

    @Override
    public Decision decide(PolicyInput input) {
        Ladder ladder = input.ladder();
        double buffer = input.bufferSeconds();
        double reservoir = reservoirSeconds(input.targetBufferSeconds());
        double cushion = cushionSeconds(input.targetBufferSeconds());
        String level = String.format(Locale.ROOT, "buffer %s", Ladder.millis(buffer));
        if (buffer <= reservoir) {
            return new Decision(Rung.lowest(), "buffer: " + level + " <= reservoir " + Ladder.millis(reservoir));
        }
        if (buffer >= reservoir + cushion) {
            return new Decision(Rung.highest(), "buffer: " + level + " >= reservoir + cushion "
                    + Ladder.millis(reservoir + cushion));
        }
        double low = ladder.bitsPerSecond(Rung.lowest());
        double high = ladder.bitsPerSecond(Rung.highest());
        double mapped = low + (high - low) * (buffer - reservoir) / cushion;
        Rung current = input.currentRung();
        String how = level + " maps to " + Ladder.mbps(mapped);
        if (current != Rung.highest() && mapped >= ladder.bitsPerSecond(Rung.values()[current.ordinal() + 1])) {
            Rung up = highestBelow(ladder, mapped);
            return new Decision(up, "buffer: " + how + ", up to " + ladder.describe(up));
        }
        if (current != Rung.lowest() && mapped <= ladder.bitsPerSecond(Rung.values()[current.ordinal() - 1])) {
            Rung down = lowestAbove(ladder, mapped);
            return new Decision(down, "buffer: " + how + ", down to " + ladder.describe(down));
        }
        return new Decision(current, "buffer: " + how + ", between the neighbours of " + current.label());
    }

    private static Rung highestBelow(Ladder ladder, double rate) {
        Rung best = Rung.lowest();
        for (Rung r : Rung.values()) {
            if (ladder.bitsPerSecond(r) < rate) {
                best = r;
            }
        }
        return best;
    }

    private static Rung lowestAbove(Ladder ladder, double rate) {
        for (Rung r : Rung.values()) {
            if (ladder.bitsPerSecond(r) > rate) {
                return r;
            }
        }
        return Rung.highest();
    }
}
