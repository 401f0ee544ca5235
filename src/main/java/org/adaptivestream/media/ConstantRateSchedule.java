package org.adaptivestream.media;

/**
 * Turns source frames with arbitrary timestamps into a constant-rate sequence: output frame n
 * (at n / rate) shows the newest source frame that starts no later than half an output frame
 * after it. A source frame is therefore repeated (slower or variable sources) or dropped
 * (sources above the rate) by whole frames, the same way for every rendition.
 */
final class ConstantRateSchedule {

    private static final double MICROS_PER_SECOND = 1_000_000.0;

    private final FrameRate rate;
    private long nextIndex;

    ConstantRateSchedule(FrameRate rate) {
        this.rate = rate;
    }

    /**
     * A new source frame starts at {@code startMicros} (from the first frame): how many output
     * frames the previously held source frame fills before it.
     */
    int repeatsBefore(long startMicros) {
        long end = (long) Math.ceil(startMicros * rate.perSecond() / MICROS_PER_SECOND - 0.5);
        long repeats = Math.max(0, end - nextIndex);
        nextIndex += repeats;
        return (int) repeats;
    }

    /** The stream ends at {@code endMicros}: how many output frames the held frame fills up to it. */
    int repeatsUntilEnd(long endMicros) {
        return repeatsBefore(endMicros);
    }

    /** Output frames scheduled so far. */
    long framesScheduled() {
        return nextIndex;
    }
}
