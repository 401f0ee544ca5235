package org.adaptivestream.bench;

import java.util.ArrayList;
import java.util.List;
import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.adaptation.Decision;
import org.adaptivestream.adaptation.PolicyInput;
import org.adaptivestream.media.Rung;

/**
 * A policy that keeps every decision of the one it wraps, with what that one saw, so a real
 * session's choices can be read beside what the viewer got (see {@link DecisionLog}). It decides
 * exactly as the wrapped policy does.
 */
final class RecordingPolicy implements AdaptationPolicy {

    /**
     * One decision: at {@code timeSeconds} (client session clock), with {@code arriving} on the
     * way in and {@code requested} the rung asked for before it.
     */
    record Entry(double timeSeconds, double bufferSeconds, boolean stalled, Rung arriving, Rung requested,
                 Decision decision) {
    }

    private final AdaptationPolicy policy;
    private final List<Entry> entries = new ArrayList<>();

    RecordingPolicy(AdaptationPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return policy.name();
    }

    @Override
    public Decision decide(PolicyInput input) {
        Decision decision = policy.decide(input);
        synchronized (entries) {
            entries.add(new Entry(input.timeSeconds(), input.bufferSeconds(), input.stalled(), input.currentRung(),
                    input.requestedRung(), decision));
        }
        return decision;
    }

    @Override
    public void reset() {
        policy.reset();
    }

    /** The decisions so far, oldest first. */
    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }
}
