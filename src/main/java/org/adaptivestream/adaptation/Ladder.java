package org.adaptivestream.adaptation;

import java.util.List;
import java.util.Locale;
import org.adaptivestream.media.Rung;

/**
 * The bitrate of every rung of the ladder, lowest first, indexed by {@link Rung#ordinal()}. The
 * nominal ladder uses the encoder targets; a real rendition set can supply its measured
 * average bitrates instead.
 */
public record Ladder(List<Long> bitsPerSecond) {

    public Ladder {
        bitsPerSecond = List.copyOf(bitsPerSecond);
        if (bitsPerSecond.size() != Rung.values().length) {
            throw new IllegalArgumentException("a ladder needs " + Rung.values().length + " bitrates, not " + bitsPerSecond.size());
        }
        for (int i = 0; i < bitsPerSecond.size(); i++) {
            if (bitsPerSecond.get(i) <= 0 || (i > 0 && bitsPerSecond.get(i) <= bitsPerSecond.get(i - 1))) {
                throw new IllegalArgumentException("ladder bitrates must be positive and increasing: " + bitsPerSecond);
            }
        }
    }

    /** The encoder targets of {@link Rung}. */
    public static Ladder nominal() {
        return new Ladder(java.util.Arrays.stream(Rung.values()).map(Rung::targetBitsPerSecond).toList());
    }

    public long bitsPerSecond(Rung rung) {
        return bitsPerSecond.get(rung.ordinal());
    }

    public double megabitsPerSecond(Rung rung) {
        return bitsPerSecond(rung) / 1e6;
    }

    /** The highest rung whose bitrate is at most {@code bitsPerSecond}; the lowest rung if none is. */
    public Rung highestAtMost(double bitsPerSecond) {
        Rung best = Rung.lowest();
        for (Rung r : Rung.values()) {
            if (bitsPerSecond(r) <= bitsPerSecond) {
                best = r;
            }
        }
        return best;
    }

    /** "720p (2.5 Mbit/s)". */
    public String describe(Rung rung) {
        return rung.label() + " (" + mbps(bitsPerSecond(rung)) + ")";
    }

    /** Formats a rate for decision reasons: "1.73 Mbit/s". */
    public static String mbps(double bitsPerSecond) {
        return String.format(Locale.ROOT, "%.2f Mbit/s", bitsPerSecond / 1e6);
    }

    /** Formats a duration for decision reasons: "152 ms". */
    public static String millis(double seconds) {
        return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }
}
