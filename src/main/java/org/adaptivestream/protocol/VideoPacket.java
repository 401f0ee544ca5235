package org.adaptivestream.protocol;

import java.util.Arrays;
import java.util.Objects;
import org.adaptivestream.media.Rung;

/**
 * One compressed video packet. The {@code data} array is not copied: the server can send the
 * same preloaded array to many clients, and {@link MessageWriter} writes it straight to the
 * stream after the fixed fields. So the array belongs to the message: never modify it.
 *
 * @param sequenceNumber    counts packets of this session from 0, across rungs and seeks
 * @param serverSendMicros  the server's clock when it wrote the packet, for delivery delay and jitter
 * @param data              at least one byte; length is the frame's remaining payload
 */
public record VideoPacket(Rung rung, long ptsMicros, long dtsMicros, boolean keyframe,
                          long serverSendMicros, long sequenceNumber, byte[] data) implements Message {

    /** rung (1) + flags (1) + sequence (8) + pts (8) + dts (8) + send time (8). */
    static final int FIXED_FIELDS_BYTES = 34;

    public VideoPacket {
        Objects.requireNonNull(rung, "rung");
        Fields.nonNegative("sequenceNumber", sequenceNumber);
        Objects.requireNonNull(data, "data");
        if (data.length == 0) {
            throw new IllegalArgumentException("a video packet needs at least one byte of data");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.VIDEO_PACKET;
    }

    /** The same packet stamped with another send time (the server stamps just before writing). */
    public VideoPacket withServerSendMicros(long sendMicros) {
        return new VideoPacket(rung, ptsMicros, dtsMicros, keyframe, sendMicros, sequenceNumber, data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VideoPacket that && rung == that.rung && ptsMicros == that.ptsMicros
                && dtsMicros == that.dtsMicros && keyframe == that.keyframe
                && serverSendMicros == that.serverSendMicros && sequenceNumber == that.sequenceNumber
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rung, ptsMicros, dtsMicros, keyframe, serverSendMicros, sequenceNumber,
                Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "VideoPacket[#" + sequenceNumber + ", " + rung + ", pts=" + ptsMicros + "us, dts="
                + dtsMicros + "us" + (keyframe ? ", key" : "") + ", " + data.length + " bytes]";
    }
}
