package org.adaptivestream.protocol;

import java.util.Arrays;
import java.util.Objects;
import org.adaptivestream.media.Rung;

/**
 * Sent before the first packet of a rendition (at play, and at each rung switch), so the client
 * can (re)configure its decoder. Timestamps are always microseconds, so there is no time base.
 * The extradata array belongs to the message: do not modify it after construction.
 */
public record CodecConfig(Rung rung, VideoCodec codec, int width, int height, byte[] extradata)
        implements Message {

    public static final int MAX_EXTRADATA_BYTES = 64 * 1024;

    public CodecConfig {
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(codec, "codec");
        Fields.inRange("width", width, 1, 0xFFFF);
        Fields.inRange("height", height, 1, 0xFFFF);
        Objects.requireNonNull(extradata, "extradata");
        Fields.inRange("extradata length", extradata.length, 0, MAX_EXTRADATA_BYTES);
    }

    @Override
    public MessageType type() {
        return MessageType.CODEC_CONFIG;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodecConfig that && rung == that.rung && codec == that.codec
                && width == that.width && height == that.height
                && Arrays.equals(extradata, that.extradata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rung, codec, width, height, Arrays.hashCode(extradata));
    }

    @Override
    public String toString() {
        return "CodecConfig[" + rung + ", " + codec + ", " + width + "x" + height + ", extradata="
                + extradata.length + " bytes]";
    }
}
