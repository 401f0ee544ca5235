package org.adaptivestream.evaluation;

import org.adaptivestream.media.Rung;

/** One GOP of a real rendition as the media library measured it. */
public record RecordedGop(int gopIndex, Rung rung, long keyframeBytes, long totalBytes) {
    public RecordedGop {
        if (gopIndex < 0 || keyframeBytes <= 0 || totalBytes < keyframeBytes) {
            throw new IllegalArgumentException("GOP " + gopIndex + " of " + rung + ": keyframe " + keyframeBytes
                    + " B, total " + totalBytes + " B");
        }
    }
}
