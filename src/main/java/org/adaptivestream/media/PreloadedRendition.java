package org.adaptivestream.media;

import java.util.List;

/**
 * One rendition held in memory as compressed packets, in decode order, cut into GOPs at the
 * keyframes shared with the other renditions of the same video: GOP {@code i} starts at the
 * same timestamp in every rendition, so a player can switch rendition between any two GOPs.
 * Immutable and safe to share between threads (one server session per client reads it).
 */
public final class PreloadedRendition {

    private final Rung rung;
    private final CodecConfig codecConfig;
    private final List<EncodedPacket> packets;
    private final int[] gopFirstPacket;
    private final long[] gopStartMicros;
    private final long packetBytes;

    PreloadedRendition(Rung rung, CodecConfig codecConfig, List<EncodedPacket> packets, long[] gopStartMicros, long packetBytes) {
        this.rung = rung;
        this.codecConfig = codecConfig;
        this.packets = List.copyOf(packets);
        this.gopStartMicros = gopStartMicros.clone();
        this.gopFirstPacket = AlignedKeyframes.packetIndices(this.packets, gopStartMicros);
        this.packetBytes = packetBytes;
    }

    public Rung rung() {
        return rung;
    }

    /** Configure a decoder with this before the first packet, and again after a switch to this rendition. */
    public CodecConfig codecConfig() {
        return codecConfig;
    }

    /** All packets, in decode order. Unmodifiable. */
    public List<EncodedPacket> packets() {
        return packets;
    }

    public int gopCount() {
        return gopStartMicros.length;
    }

    /** When GOP {@code gop} starts; equal across the renditions of one video. */
    public long gopStartMicros(int gop) {
        return gopStartMicros[gop];
    }

    /** The packets of GOP {@code gop}, in decode order; the first is a keyframe. Unmodifiable view. */
    public List<EncodedPacket> gop(int gop) {
        int from = gopFirstPacket[gop];
        int to = gop + 1 < gopFirstPacket.length ? gopFirstPacket[gop + 1] : packets.size();
        return packets.subList(from, to);
    }

    /** Compressed bytes held, the packets' payload only. */
    public long packetBytes() {
        return packetBytes;
    }

    /** Average bitrate over the given duration. */
    public long averageBitsPerSecond(long durationMicros) {
        return durationMicros <= 0 ? 0 : Math.round(packetBytes * 8.0 * 1_000_000 / durationMicros);
    }
}
