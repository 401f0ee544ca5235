package org.adaptivestream.app;

import java.time.Duration;
import java.util.Locale;

/** How the window writes sizes, durations, rates and failures: one place, so every view agrees. */
public final class Format {

    private Format() {
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    /** m:ss, or h:mm:ss past an hour. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    public static String clockSeconds(double seconds) {
        return clock(Duration.ofMillis((long) (Math.max(0, seconds) * 1000)));
    }

    public static String mbps(double bitsPerSecond) {
        return String.format(Locale.ROOT, "%.2f Mbit/s", bitsPerSecond / 1e6);
    }

    /** A measured value with its unit, or a dash when nothing was measured. */
    public static String measured(double value, String pattern) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, pattern, value);
    }

    /** What went wrong: the exception's message, or its type when it has none. */
    public static String failure(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
