package org.adaptivestream.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four rungs of the rendition ladder, lowest first. The ordinal is the rung's index on
 * the wire and in adaptation decisions, so the order must never change.
 */
public enum Rung {
    R240P("240p", 426, 240, 400_000),
    R480P("480p", 854, 480, 1_000_000),
    R720P("720p", 1280, 720, 2_500_000),
    R1080P("1080p", 1920, 1080, 5_000_000);

    private final String label;
    private final int width;
    private final int height;
    private final long targetBitsPerSecond;

    Rung(String label, int width, int height, long targetBitsPerSecond) {
        this.label = label;
        this.width = width;
        this.height = height;
        this.targetBitsPerSecond = targetBitsPerSecond;
    }

    /** "240p", "480p", "720p" or "1080p". */
    public String label() {
        return label;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The encoder's target average bitrate for this rung. */
    public long targetBitsPerSecond() {
        return targetBitsPerSecond;
    }

    public static Rung lowest() {
        return R240P;
    }

    public static Rung highest() {
        return R1080P;
    }

    /** The rung with this wire index, if any. */
    public static Optional<Rung> ofIndex(int index) {
        Rung[] all = values();
        return index >= 0 && index < all.length ? Optional.of(all[index]) : Optional.empty();
    }

    /** Parses "720p" or "720" (case-insensitive); empty if it names no rung. */
    public static Optional<Rung> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        String withP = wanted.endsWith("p") ? wanted : wanted + "p";
        return Arrays.stream(values()).filter(r -> r.label.equals(withP)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
