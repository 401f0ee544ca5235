package org.adaptivestream.cli;

import java.util.Locale;

/** Human-readable sizes for command-line output. */
final class Sizes {
    private static final double KIB = 1024;

    private Sizes() {
    }

    static String bytes(long bytes) {
        if (bytes < KIB) {
            return bytes + " B";
        }
        if (bytes < KIB * KIB) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / KIB);
        }
        if (bytes < KIB * KIB * KIB) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / KIB / KIB);
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / KIB / KIB / KIB);
    }
}
