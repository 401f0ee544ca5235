package org.adaptivestream.netlab;

/**
 * The instant at which a capacity trace starts playing, so that several links can replay the
 * same trace in step: two links given the same clock see the same capacity at the same moment,
 * however far apart they were started. Immutable and thread-safe.
 *
 * <p>Time is {@link System#nanoTime()}, the monotonic clock, so trace replay is unaffected by
 * wall-clock adjustments. A clock may start in the past (a link joining a replay under way);
 * before its start, the trace is held at its first instant.
 */
public final class TraceClock {

    private static final double NANOS_PER_SECOND = 1e9;

    private final long startNanoTime;

    private TraceClock(long startNanoTime) {
        this.startNanoTime = startNanoTime;
    }

    /** A clock whose trace starts now. */
    public static TraceClock startingNow() {
        return new TraceClock(System.nanoTime());
    }

    /** A clock whose trace starts at the given {@link System#nanoTime()} value. */
    public static TraceClock startingAt(long startNanoTime) {
        return new TraceClock(startNanoTime);
    }

    public long startNanoTime() {
        return startNanoTime;
    }

    /** Seconds into the trace at the current instant. */
    public double nowSeconds() {
        return secondsAt(System.nanoTime());
    }

    /** Seconds into the trace at a {@link System#nanoTime()} value; never negative. */
    public double secondsAt(long nanoTime) {
        // Subtract first: nanoTime values may wrap, their differences do not.
        long elapsed = nanoTime - startNanoTime;
        return elapsed <= 0 ? 0 : elapsed / NANOS_PER_SECOND;
    }

    /** The {@link System#nanoTime()} value at a number of seconds into the trace. */
    public long nanoTimeAt(double traceSeconds) {
        return startNanoTime + Math.round(traceSeconds * NANOS_PER_SECOND);
    }

    @Override
    public String toString() {
        return "TraceClock[started " + String.format("%.3f", nowSeconds()) + " s ago]";
    }
}
