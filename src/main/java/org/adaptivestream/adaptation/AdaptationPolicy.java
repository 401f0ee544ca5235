package org.adaptivestream.adaptation;

/**
 * Chooses the rung a client should stream next.
 *
 * <p><b>Contract.</b> A policy is a function of its {@link PolicyInput}: the same input gives the
 * same {@link Decision}. It never reads the system clock or any global state; time is
 * {@link PolicyInput#timeSeconds()}, and everything measured arrives in
 * {@link PolicyInput#estimates()}, where any value may be empty while its estimator is still
 * gathering data. A policy must decide sensibly from an input with no estimates at all (the
 * start of a session), usually by holding or choosing a safe rung.
 *
 * <p><b>State.</b> Prefer none. A policy that needs memory (a re-evaluation cadence, say) keeps
 * it in plain fields, changes it only inside {@link #decide}, and forgets it in
 * {@link #reset()}; after a reset it behaves exactly as a new instance. Policies compare and
 * replay reproducibly only because of this.
 *
 * <p><b>Decisions.</b> The returned rung is a target, not a command to switch now: the client
 * asks the server, which switches at once: it sends the new rung from the keyframe of the
 * GOP under way, or waits for the next keyframe when that is nearer. Returning the current rung
 * means "no change". The reason is shown to users and logged, so it names the rule that fired
 * and the numbers it compared, e.g. {@code "capacity 1.73 Mbit/s × 0.92 < 2.50 Mbit/s for
 * 720p"}.
 *
 * <p><b>Threading.</b> Policies are not thread-safe. The client calls {@link #decide} from one
 * thread (its measurement loop, a few times per second); the GUI never calls a policy directly
 * but goes through {@link AdaptationController}, which owns the hand-over.
 *
 * <p><b>Cost.</b> {@link #decide} runs four times a simulated second in the simulator (millions
 * of times per benchmark), so it allocates little and never blocks.
 */
public interface AdaptationPolicy {

    /** The registry name, e.g. {@code "default"} or {@code "static-720p"}. */
    String name();

    /** The rung to stream next and why. */
    Decision decide(PolicyInput input);

    /** Forgets any state; the default does nothing, for stateless policies. */
    default void reset() {
    }
}
