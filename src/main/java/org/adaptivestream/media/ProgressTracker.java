package org.adaptivestream.media;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Turns "frames written so far" into throttled {@link PrepareProgress} reports with an estimate of time left. */
final class ProgressTracker {

    private static final long REPORT_INTERVAL_NANOS = 100_000_000L;
    /** The last stretch (reading the files back, writing the manifest) is short but not free. */
    private static final double ENCODING_SHARE = 0.97;
    /** Estimates from the first few frames swing wildly; wait for this much work before giving one. */
    private static final double MIN_FRACTION_FOR_ESTIMATE = 0.03;

    private final ProgressListener listener;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long expectedFrames;
    private long lastReportNanos = Long.MIN_VALUE;

    ProgressTracker(ProgressListener listener, LongSupplier nanoTime) {
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** Sets how many output frames to expect; 0 if unknown (then progress stays near 0 until done). */
    void expectFrames(long frames) {
        this.expectedFrames = frames;
    }

    void framesWritten(long frames) {
        long now = nanoTime.getAsLong();
        if (lastReportNanos != Long.MIN_VALUE && now - lastReportNanos < REPORT_INTERVAL_NANOS) {
            return;
        }
        lastReportNanos = now;
        double encoded = expectedFrames <= 0 ? 0 : Math.min(1.0, frames / (double) expectedFrames);
        report(encoded * ENCODING_SHARE, now);
    }

    void finished() {
        report(1.0, nanoTime.getAsLong());
    }

    private void report(double fraction, long now) {
        Duration elapsed = Duration.ofNanos(now - startNanos);
        Optional<Duration> remaining = Optional.empty();
        if (fraction >= 1.0) {
            remaining = Optional.of(Duration.ZERO);
        } else if (fraction >= MIN_FRACTION_FOR_ESTIMATE) {
            remaining = Optional.of(Duration.ofNanos((long) (elapsed.toNanos() * (1 - fraction) / fraction)));
        }
        listener.onProgress(new PrepareProgress(fraction, elapsed, remaining));
    }
}
