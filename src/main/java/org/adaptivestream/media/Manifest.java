package org.adaptivestream.media;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@code static/<id>/manifest.json} says about a prepared video. Written once, when the
 * video is prepared, from measurements of the files actually written.
 *
 * @param formatVersion  {@link #FORMAT_VERSION} when written
 * @param id             the video's id, equal to its folder name
 * @param title          a human title (the source's file name, or the sample's name)
 * @param source         where it came from: the input file name, or "built-in sample"
 * @param frameRate      constant output frame rate
 * @param durationMicros frame count over frame rate
 * @param gopMillis      the GOP length asked for
 * @param gopFrames      the GOP length used, in frames; every rendition has a keyframe every this many frames
 * @param keyframeCount  keyframes found at the same timestamp in all renditions
 * @param createdUtc     ISO-8601 instant the video was prepared
 * @param renditions     one per rung, lowest first
 */
public record Manifest(int formatVersion, String id, String title, String source, FrameRate frameRate,
                       long durationMicros, int gopMillis, int gopFrames, int keyframeCount,
                       String createdUtc, List<RenditionEntry> renditions) {

    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    public Manifest {
        if (!VideoId.isValid(id)) {
            throw new IllegalArgumentException("invalid id in manifest: " + id);
        }
        if (frameRate == null || title == null || source == null || createdUtc == null || renditions == null) {
            throw new IllegalArgumentException("manifest of " + id + " misses a field");
        }
        renditions = List.copyOf(renditions);
        Rung[] rungs = Rung.values();
        if (renditions.size() != rungs.length) {
            throw new IllegalArgumentException("manifest of " + id + " has " + renditions.size() + " renditions, not " + rungs.length);
        }
        for (int i = 0; i < rungs.length; i++) {
            if (renditions.get(i).rung() != rungs[i]) {
                throw new IllegalArgumentException("manifest of " + id + " lists " + renditions.get(i).label() + " where " + rungs[i] + " belongs");
            }
        }
        if (durationMicros <= 0 || gopFrames <= 0 || gopMillis <= 0 || keyframeCount <= 0) {
            throw new IllegalArgumentException("manifest of " + id + " has a zero or negative duration, GOP or keyframe count");
        }
        Instant.parse(createdUtc);
    }

    public VideoId videoId() {
        return VideoId.trusted(id);
    }

    public RenditionEntry rendition(Rung rung) {
        return renditions.get(rung.ordinal());
    }

    public Duration duration() {
        return Duration.ofNanos(durationMicros * 1000);
    }

    public Instant created() {
        return Instant.parse(createdUtc);
    }

    /** Bytes of all rendition files together. */
    public long totalBytes() {
        return renditions.stream().mapToLong(RenditionEntry::sizeBytes).sum();
    }
}
