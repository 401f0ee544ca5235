package org.adaptivestream.protocol;

import java.util.Objects;
import org.adaptivestream.media.Rung;

/** One encoded rendition of a video as the server has it (its real size may differ from the rung's nominal one). */
public record RenditionInfo(Rung rung, int width, int height, long bitsPerSecond) {

    public RenditionInfo {
        Objects.requireNonNull(rung, "rung");
        Fields.inRange("width", width, 1, 0xFFFF);
        Fields.inRange("height", height, 1, 0xFFFF);
        Fields.nonNegative("bitsPerSecond", bitsPerSecond);
    }
}
