package org.adaptivestream.metrics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Estimates the server clock's offset from ours. Queueing makes paths asymmetric, and the
 * error of one sample is at most half its excess RTT, so like NTP we trust the sample with
 * the smallest RTT among the recent ones. Not thread-safe.
 */
public final class ClockOffsetEstimator {

    /** Enough samples (at 4 per second) to ride out a congested period without going stale. */
    static final int WINDOW_SAMPLES = 32;

    private final Deque<ClockSample> recent = new ArrayDeque<>();
    /** Chosen when a sample comes (a few times a second), not on every packet that asks. */
    private OptionalLong offset = OptionalLong.empty();

    public void add(ClockSample sample) {
        if (sample.roundTripMicros() < 0) {
            return; // a clock that stepped during the exchange: not a measurement
        }
        recent.addLast(sample);
        if (recent.size() > WINDOW_SAMPLES) {
            recent.removeFirst();
        }
        ClockSample best = null;
        for (ClockSample candidate : recent) {
            if (best == null || candidate.roundTripMicros() < best.roundTripMicros()) {
                best = candidate;
            }
        }
        offset = OptionalLong.of(best.offsetMicros());
    }

    /** Server clock minus client clock in microseconds, once a sample exists. */
    public OptionalLong offsetMicros() {
        return offset;
    }

    /**
     * A server timestamp on the client's clock; empty until an offset is known, since the two
     * clocks may be any distance apart until then.
     */
    public OptionalLong toClientClock(long serverMicros) {
        return offset.isPresent() ? OptionalLong.of(serverMicros - offset.getAsLong()) : OptionalLong.empty();
    }
}
