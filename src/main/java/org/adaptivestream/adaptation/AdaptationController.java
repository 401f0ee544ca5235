package org.adaptivestream.adaptation;

import java.util.Objects;
import java.util.Optional;
import org.adaptivestream.media.Rung;

/**
 * The client's single point of decision: the active policy, plus a manual lock that holds one
 * rung until released. While locked, every decision is the locked rung with the reason
 * "manual lock"; releasing hands control back to the active policy, reset so that it decides
 * afresh rather than from state gathered before the lock.
 *
 * <p>Threading: {@link #decide} runs on the client's measurement thread; {@link #lock},
 * {@link #release} and {@link #usePolicy} may come from any thread (the GUI) and take effect at
 * the next decision. Methods are synchronized; none blocks for long.
 */
public final class AdaptationController {

    private AdaptationPolicy policy;
    private Rung lockedRung;
    private boolean resetPending;

    public AdaptationController(AdaptationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public synchronized Decision decide(PolicyInput input) {
        if (lockedRung != null) {
            return new Decision(lockedRung, "manual lock at " + input.ladder().describe(lockedRung));
        }
        if (resetPending) {
            policy.reset();
            resetPending = false;
        }
        return policy.decide(input);
    }

    /** Holds {@code rung} until {@link #release()}. */
    public synchronized void lock(Rung rung) {
        lockedRung = Objects.requireNonNull(rung, "rung");
    }

    /** Gives control back to the active policy. */
    public synchronized void release() {
        if (lockedRung != null) {
            lockedRung = null;
            resetPending = true;
        }
    }

    public synchronized Optional<Rung> lockedRung() {
        return Optional.ofNullable(lockedRung);
    }

    /** Makes {@code newPolicy} the active policy, starting from a reset. */
    public synchronized void usePolicy(AdaptationPolicy newPolicy) {
        policy = Objects.requireNonNull(newPolicy, "newPolicy");
        resetPending = true;
    }

    public synchronized AdaptationPolicy policy() {
        return policy;
    }
}
