package org.adaptivestream.adaptation;

import java.util.Objects;
import org.adaptivestream.media.Rung;

/**
 * A policy's answer: the rung to stream next and why, in words with the numbers behind them,
 * for example "capacity 1.73 Mbit/s × 0.92 < 2.50 Mbit/s for 720p", and whether to ask the
 * server to leave the next GOP unsent ({@code protocol.DropGop}).
 *
 * <p>The rung is always meant: the rung arriving now calls off a switch asked for that has not
 * landed yet. Read as "hold" instead, a switch outlived the reason for it: asked for in a dip
 * of TMobile-LTE-short and regretted a quarter second later, it still landed, and the rule
 * against switching straight back up kept 720p for 3 s of a link carrying 6 to 22 Mbit/s.
 */
public record Decision(Rung rung, String reason, boolean dropNextGop) {
    public Decision {
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(reason, "reason");
    }

    /** A rung, with every GOP sent. */
    public Decision(Rung rung, String reason) {
        this(rung, reason, false);
    }
}
