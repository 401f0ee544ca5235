package org.adaptivestream.metrics;

/**
 * Counts stalls from the times frames are shown. A stall is a gap between displayed frames of
 * at least max(3 × frame duration, frame duration + 150 ms): long enough that a viewer sees the
 * picture freeze, short gaps from a dropped frame or two are not stalls. Not thread-safe.
 */
public final class StallDetector {

    static final long MIN_EXTRA_GAP_MICROS = 150_000;

    private final long thresholdMicros;
    private final long frameMicros;
    private long lastShownMicros = Long.MIN_VALUE;
    private int stalls;
    private long stalledMicros;
    private long longestStallMicros;

    public StallDetector(long frameDurationMicros) {
        if (frameDurationMicros <= 0) {
            throw new IllegalArgumentException("frame duration must be positive: " + frameDurationMicros);
        }
        this.frameMicros = frameDurationMicros;
        this.thresholdMicros = Math.max(3 * frameDurationMicros, frameDurationMicros + MIN_EXTRA_GAP_MICROS);
    }

    /** Records a frame shown at this instant; returns the stall it ended, in microseconds, or 0. */
    public long frameShown(long nowMicros) {
        long stall = 0;
        if (lastShownMicros != Long.MIN_VALUE) {
            long gap = nowMicros - lastShownMicros;
            if (gap >= thresholdMicros) {
                // The frame itself was due one frame duration after the last: the rest is frozen time.
                stall = gap - frameMicros;
                stalls++;
                stalledMicros += stall;
                longestStallMicros = Math.max(longestStallMicros, stall);
            }
        }
        lastShownMicros = nowMicros;
        return stall;
    }

    /** Forgets the last frame, so a pause or seek is not counted as a stall. */
    public void restart() {
        lastShownMicros = Long.MIN_VALUE;
    }

    /** True if, at this instant, the picture has been frozen long enough to count as a stall. */
    public boolean isStalled(long nowMicros) {
        return lastShownMicros != Long.MIN_VALUE && nowMicros - lastShownMicros >= thresholdMicros;
    }

    public long thresholdMicros() {
        return thresholdMicros;
    }

    public int stalls() {
        return stalls;
    }

    public long stalledMicros() {
        return stalledMicros;
    }

    public long longestStallMicros() {
        return longestStallMicros;
    }
}
