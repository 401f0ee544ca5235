package org.adaptivestream.media;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One compressed video frame as stored in a rendition file (H.264 in the mp4's
 * length-prefixed form, decodable with the rendition's {@link CodecConfig}). Immutable: the
 * bytes are copied in once and only handed out read-only.
 */
public final class EncodedPacket {

    private final long ptsMicros;
    private final long dtsMicros;
    private final boolean keyframe;
    private final byte[] data;

    private EncodedPacket(long ptsMicros, long dtsMicros, boolean keyframe, byte[] data) {
        this.ptsMicros = ptsMicros;
        this.dtsMicros = dtsMicros;
        this.keyframe = keyframe;
        this.data = data;
    }

    /** A packet holding a copy of {@code data}; for packets that arrive from elsewhere (the network, a test). */
    public static EncodedPacket of(long ptsMicros, long dtsMicros, boolean keyframe, byte[] data) {
        return new EncodedPacket(ptsMicros, dtsMicros, keyframe, data.clone());
    }

    /** For bytes the caller has just made and will not touch again. */
    static EncodedPacket adopt(long ptsMicros, long dtsMicros, boolean keyframe, byte[] data) {
        return new EncodedPacket(ptsMicros, dtsMicros, keyframe, data);
    }

    /** Presentation time in microseconds from the start of the video. */
    public long ptsMicros() {
        return ptsMicros;
    }

    /** Decode time in microseconds; equal to the pts here (no B-frames), kept for decoders that need it. */
    public long dtsMicros() {
        return dtsMicros;
    }

    /** True for an IDR frame: decoding can start here. */
    public boolean keyframe() {
        return keyframe;
    }

    public int size() {
        return data.length;
    }

    /** The bytes, read-only, positioned at 0. A new view each call, so callers may move its position. */
    public ByteBuffer data() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /**
     * The packet's own array, not a copy: the server sends the same preloaded bytes to every
     * client without copying them. Callers must never modify it.
     */
    public byte[] sharedBytes() {
        return data;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedPacket packet && packet.ptsMicros == ptsMicros && packet.dtsMicros == dtsMicros
                && packet.keyframe == keyframe && Arrays.equals(packet.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ptsMicros) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "EncodedPacket[pts=" + ptsMicros + "us, " + (keyframe ? "key, " : "") + data.length + " bytes]";
    }
}
