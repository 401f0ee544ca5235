package org.adaptivestream.adaptation;

import java.util.Objects;
import org.adaptivestream.media.Rung;

/**
 * A policy's answer: the rung to stream next and why, in words with the numbers behind them,
 * for example "capacity 1.73 Mbit/s × 0.92 < 2.50 Mbit/s for 720p".
 */
public record Decision(Rung rung, String reason) {
    public Decision {
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Whether this asks for a rung other than the one arriving. Returning the arriving rung
     * means "hold", not "cancel": a switch already asked for stays asked for, or a policy
     * that waits for its request to land would undo it on every tick before it lands.
     */
    public boolean asksToSwitch(PolicyInput input) {
        return rung != input.currentRung();
    }
}
