package org.adaptivestream.media;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of a prepared video, which is also its folder name under {@code static/}. The rules
 * ({@code [a-z0-9][a-z0-9._-]{0,63}}, no {@code ..}) make an id safe to resolve against the
 * library folder: it can name no other folder, no hidden folder and no path.
 */
public final class VideoId implements Comparable<VideoId> {

    public static final int MAX_LENGTH = 64;
    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");
    private static final String FALLBACK = "video";

    private final String value;

    private VideoId(String value) {
        this.value = value;
    }

    /** Checks an id given by a user or a client. */
    public static VideoId parse(String text) throws InvalidVideoIdException {
        if (text == null || !RULE.matcher(text).matches() || text.contains("..")) {
            throw new InvalidVideoIdException("Invalid video id \"" + text + "\": use 1 to " + MAX_LENGTH
                    + " characters from a-z, 0-9, '.', '_' and '-', starting with a letter or digit, without \"..\"");
        }
        return new VideoId(text);
    }

    /** For ids already checked (a validated manifest's). */
    static VideoId trusted(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("not a valid id: " + text);
        }
        return new VideoId(text);
    }

    /** True if {@link #parse} would accept the text. */
    public static boolean isValid(String text) {
        return text != null && RULE.matcher(text).matches() && !text.contains("..");
    }

    /** An id derived from a file name: "My Holiday (2).MP4" becomes "my-holiday-2". */
    public static VideoId fromFileName(Path file) {
        Path name = file.getFileName();
        String base = name == null ? "" : name.toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("^[._-]+", "")
                .replaceAll("[._-]+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("[._-]+$", "");
        }
        return isValid(slug) ? new VideoId(slug) : new VideoId(FALLBACK);
    }

    public String value() {
        return value;
    }

    @Override
    public int compareTo(VideoId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VideoId id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
