package org.adaptivestream.protocol;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.adaptivestream.media.Rung;

/**
 * One entry of the catalog.
 *
 * @param id               the name {@link Play} uses, at most 128 bytes of UTF-8
 * @param title            for display, at most 512 bytes of UTF-8
 * @param durationMicros   length of the video
 * @param framesPerSecond  finite and positive
 * @param gopFrames        frames from one keyframe to the next (same in every rendition)
 * @param renditions       at most one per rung, at least one
 */
public record VideoInfo(String id, String title, long durationMicros, double framesPerSecond,
                        int gopFrames, List<RenditionInfo> renditions) {

    public static final int MAX_ID_BYTES = 128;
    public static final int MAX_TITLE_BYTES = 512;

    public VideoInfo {
        Fields.utf8Within("id", id, MAX_ID_BYTES);
        Fields.utf8Within("title", title, MAX_TITLE_BYTES);
        Fields.nonNegative("durationMicros", durationMicros);
        if (!(framesPerSecond > 0) || Double.isInfinite(framesPerSecond)) {
            throw new IllegalArgumentException("framesPerSecond must be finite and > 0: " + framesPerSecond);
        }
        Fields.inRange("gopFrames", gopFrames, 1, Integer.MAX_VALUE);
        renditions = List.copyOf(renditions);
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("video " + id + " has no renditions");
        }
        Set<Rung> seen = EnumSet.noneOf(Rung.class);
        for (RenditionInfo rendition : renditions) {
            if (!seen.add(Objects.requireNonNull(rendition, "rendition").rung())) {
                throw new IllegalArgumentException("video " + id + " lists rung " + rendition.rung() + " twice");
            }
        }
    }
}
