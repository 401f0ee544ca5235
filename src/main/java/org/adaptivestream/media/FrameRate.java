package org.adaptivestream.media;

/**
 * A frame rate as an exact fraction (30000/1001 stays exact), so frame times computed from a
 * frame index agree in every rendition.
 */
public record FrameRate(int numerator, int denominator) {

    public static final FrameRate MAX = new FrameRate(60, 1);
    static final FrameRate FALLBACK = new FrameRate(30, 1);
    private static final long MICROS_PER_SECOND = 1_000_000L;

    public FrameRate {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + numerator + "/" + denominator);
        }
    }

    public static FrameRate of(int framesPerSecond) {
        return new FrameRate(framesPerSecond, 1);
    }

    public double perSecond() {
        return (double) numerator / denominator;
    }

    /** This rate, or {@link #MAX} if this is faster. */
    public FrameRate cappedAt(FrameRate max) {
        return (long) numerator * max.denominator > (long) max.numerator * denominator ? max : this;
    }

    /** When frame {@code index} starts, counting from zero. */
    public long frameStartMicros(long index) {
        return Math.round((double) index * denominator * MICROS_PER_SECOND / numerator);
    }

    /** How many whole frames last about this long (at least one). */
    public int framesIn(long millis) {
        return (int) Math.max(1, Math.round(millis * perSecond() / 1000.0));
    }

    @Override
    public String toString() {
        return denominator == 1 ? Integer.toString(numerator) : String.format(java.util.Locale.ROOT, "%.3f", perSecond());
    }
}
