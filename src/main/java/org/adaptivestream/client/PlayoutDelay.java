package org.adaptivestream.client;

import java.util.Arrays;

/**
 * The jitter-adaptive playout delay: how long after its earliest possible arrival a frame is
 * played, chosen from the arrivals actually seen, as a receiver's jitter buffer does. Pure
 * logic on times the caller passes in (microseconds); not thread-safe.
 *
 * <p>Every packet's transit is {@code arrival − pts} on the client's clock: the network delay
 * plus any lateness of the server's pacing, plus a constant. Over the last
 * {@value #WINDOW_PACKETS} packets (10 s at 30 fps) the smallest transit is the base (which
 * falls at once but rises at most 1 ms per second of media); the
 * {@value #SPREAD_PERCENTILE}th percentile of how much later than the base packets came is the
 * spread. The target delay is the spread plus {@value #MARGIN_MICROS} µs of scheduling slack,
 * kept within {@code [minMicros, maxMicros]}. Playout aims to show a frame at
 * {@code pts + base + target}: on a clean link that is a few milliseconds after arrival, and the
 * delay grows as soon as the arrivals spread (and at once on a stall, which playout absorbs up to
 * {@link #latestOffsetMicros}).
 */
final class PlayoutDelay {

    static final int WINDOW_PACKETS = 300;
    static final int SPREAD_PERCENTILE = 99;
    static final long MARGIN_MICROS = 5_000;
    /** The delay before anything is known: about one frame at 30 fps. */
    static final long INITIAL_MICROS = 30_000;
    /** The base rises at most 1 µs per {@value} µs of media (1 ms a second), far above any clock drift. */
    static final long DRIFT_DIVISOR = 1_000;

    private final long minMicros;
    private final long maxMicros;
    private final long[] transits = new long[WINDOW_PACKETS];
    private final long[] scratch = new long[WINDOW_PACKETS];
    private int count;
    private int next;
    private long baseMicros;
    private long basePtsMicros;
    private long targetMicros;

    PlayoutDelay(long minMicros, long maxMicros) {
        if (minMicros < 0 || maxMicros < minMicros) {
            throw new IllegalArgumentException("need 0 <= min <= max, not " + minMicros + ", " + maxMicros);
        }
        this.minMicros = minMicros;
        this.maxMicros = maxMicros;
        reset();
    }

    /** Forgets every arrival: after a start, seek, resume or reconnect the transit changes. */
    void reset() {
        count = 0;
        next = 0;
        baseMicros = Long.MIN_VALUE;
        targetMicros = clamp(INITIAL_MICROS);
    }

    /** Takes one packet's arrival into account. */
    void arrived(long arrivalMicros, long ptsMicros) {
        transits[next] = arrivalMicros - ptsMicros;
        next = (next + 1) % WINDOW_PACKETS;
        count = Math.min(count + 1, WINDOW_PACKETS);
        System.arraycopy(transits, 0, scratch, 0, count);
        Arrays.sort(scratch, 0, count);
        // The base may fall at once but rises only as fast as two clocks can drift apart: a queue
        // that stands longer than the window would otherwise become the new "base", and the bound
        // on latency (base + max) would climb with it, seconds behind live.
        long windowMin = scratch[0];
        baseMicros = baseMicros == Long.MIN_VALUE ? windowMin
                : Math.min(windowMin, baseMicros + Math.max(0, ptsMicros - basePtsMicros) / DRIFT_DIVISOR);
        basePtsMicros = ptsMicros;
        int index = (int) Math.ceil(count * SPREAD_PERCENTILE / 100.0) - 1;
        targetMicros = clamp(scratch[Math.max(0, index)] - baseMicros + MARGIN_MICROS);
    }

    /** The delay aimed for now, in microseconds. */
    long targetMicros() {
        return targetMicros;
    }

    /**
     * Where the playout offset ({@code shown instant − pts}) should be, or {@code fallback} before
     * the first arrival.
     */
    long desiredOffsetMicros(long fallback) {
        return baseMicros == Long.MIN_VALUE ? fallback : baseMicros + targetMicros;
    }

    /**
     * The latest the playout offset may be, {@code base + max}: a stall is absorbed into the
     * delay only up to here, so the latency stays bounded. Before the first arrival, {@code fallback}.
     */
    long latestOffsetMicros(long fallback) {
        return baseMicros == Long.MIN_VALUE ? fallback : baseMicros + maxMicros;
    }

    private long clamp(long micros) {
        return Math.max(minMicros, Math.min(maxMicros, micros));
    }
}
