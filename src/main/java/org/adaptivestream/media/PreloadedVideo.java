package org.adaptivestream.media;

import java.util.EnumMap;
import java.util.Map;

/**
 * A prepared video held in memory, ready to stream: its manifest and, for every rung, the
 * compressed packets (never decoded frames), cut into GOPs that start at the same timestamps
 * in every rung. Memory use is about the size of the rendition files. Immutable and safe to
 * share between threads.
 */
public final class PreloadedVideo {

    private final Manifest manifest;
    private final Map<Rung, PreloadedRendition> renditions;
    private final long[] gopStartMicros;

    PreloadedVideo(Manifest manifest, Map<Rung, PreloadedRendition> renditions, long[] gopStartMicros) {
        this.manifest = manifest;
        this.renditions = new EnumMap<>(renditions);
        this.gopStartMicros = gopStartMicros.clone();
    }

    public Manifest manifest() {
        return manifest;
    }

    public VideoId id() {
        return manifest.videoId();
    }

    public FrameRate frameRate() {
        return manifest.frameRate();
    }

    public long durationMicros() {
        return manifest.durationMicros();
    }

    public PreloadedRendition rendition(Rung rung) {
        return renditions.get(rung);
    }

    /** GOPs per rendition; the same for every rung. */
    public int gopCount() {
        return gopStartMicros.length;
    }

    public long gopStartMicros(int gop) {
        return gopStartMicros[gop];
    }

    /** The GOP playing at {@code ptsMicros} (0 before the start, the last after the end). */
    public int gopAt(long ptsMicros) {
        int low = 0;
        int high = gopStartMicros.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (gopStartMicros[middle] <= ptsMicros) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** Compressed bytes held for all rungs together. */
    public long packetBytes() {
        return renditions.values().stream().mapToLong(PreloadedRendition::packetBytes).sum();
    }
}
