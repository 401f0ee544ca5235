package org.adaptivestream.evaluation;

import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.media.Rung;

/**
 * The linear QoE of Pensieve and MPC, per GOP: bitrate utility (Mbit/s × seconds shown), minus
 * {@code μ} per second of stall with {@code μ} the top rung's Mbit/s, minus |Δ Mbit/s| per
 * switch. See docs/QOE.md.
 */
public record QoeFormula(Ladder ladder) {

    public double stallPenaltyPerSecond() {
        return ladder.megabitsPerSecond(Rung.highest());
    }

    public double utility(Rung rung, double seconds) {
        return ladder.megabitsPerSecond(rung) * seconds;
    }

    /** Zero for the first GOP ({@code previous == null}) and when the rung does not change. */
    public double switchPenalty(Rung previous, Rung rung) {
        return previous == null ? 0 : Math.abs(ladder.megabitsPerSecond(rung) - ladder.megabitsPerSecond(previous));
    }

    public double stallPenalty(double stallSeconds) {
        return stallPenaltyPerSecond() * stallSeconds;
    }

    /** Frames that arrive too late are never shown, so only the GOP's shown time earns utility. */
    public double gop(Rung previous, Rung rung, double gopSeconds, double stallSeconds) {
        return utility(rung, gopSeconds - stallSeconds) - switchPenalty(previous, rung) - stallPenalty(stallSeconds);
    }
}
