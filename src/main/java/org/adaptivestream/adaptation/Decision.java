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
}
