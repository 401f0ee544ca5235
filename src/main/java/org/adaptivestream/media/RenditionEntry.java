package org.adaptivestream.media;

import java.util.regex.Pattern;

/**
 * One rendition as recorded in a manifest, with what was measured from its file.
 *
 * @param label                 the rung's label, "240p" to "1080p"
 * @param file                  the file name inside the video's folder (a plain name, no path)
 * @param averageBitsPerSecond  packet bytes times 8 over the duration
 * @param sizeBytes             the file's size on disk
 * @param packetCount           compressed video packets (one per frame)
 */
public record RenditionEntry(String label, int width, int height, String file,
                             long averageBitsPerSecond, long sizeBytes, int packetCount) {

    private static final Pattern PLAIN_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public RenditionEntry {
        if (label == null || Rung.parse(label).isEmpty()) {
            throw new IllegalArgumentException("unknown rung label: " + label);
        }
        if (file == null || !PLAIN_FILE_NAME.matcher(file).matches() || file.contains("..")) {
            throw new IllegalArgumentException("rendition file must be a plain file name: " + file);
        }
        if (width <= 0 || height <= 0 || averageBitsPerSecond < 0 || sizeBytes < 0 || packetCount < 0) {
            throw new IllegalArgumentException("negative or zero size in rendition " + label);
        }
    }

    public Rung rung() {
        return Rung.parse(label).orElseThrow();
    }
}
