package org.adaptivestream.protocol;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.adaptivestream.media.Rung;

/** One realistic message of every type, for round trips. */
final class SampleMessages {

    private SampleMessages() {
    }

    static Map<MessageType, Message> oneOfEach() {
        Map<MessageType, Message> all = new EnumMap<>(MessageType.class);
        for (Message m : List.of(
                new Hello(1, 3, "player on laptop — ünïcödé"),
                new Welcome(1, "studio server", 0x0123_4567_89AB_CDEFL),
                new Bye(),
                new ErrorMessage(ErrorCode.UNKNOWN_VIDEO, "no video named 'sintel'"),
                new Ping(-5L),
                new Pong(1_000L, 2_000_000_000_000L, Long.MAX_VALUE),
                new CatalogRequest(),
                catalog(),
                new Play("big-buck-bunny", 12_500_000L, Rung.R480P, true),
                new SwitchRung(Rung.R1080P),
                new Pause(),
                new Resume(),
                new Seek(90_000_000L),
                new Stop(),
                new CodecConfig(Rung.R720P, VideoCodec.H264, 1280, 720, new byte[] {1, 0x64, 0, 0x1f, (byte) 0xff}),
                new VideoPacket(Rung.R240P, 33_366L, 0L, true, 77_000_000L, 42L, new byte[] {0, 0, 0, 1, 0x65, -1}),
                new ServerReport(5_000_000L, Rung.R720P, 12, 345_678L, 9_999_999L, 300L, 2L),
                new EndOfStream(),
                new ClientReport(42_500L), new Received(1_234L), new DropGop())) {
            all.put(m.type(), m);
        }
        return all;
    }

    static CatalogReply catalog() {
        return new CatalogReply(List.of(
                new VideoInfo("sample", "Built-in sample", 10_000_000L, 30.0, 30, List.of(
                        new RenditionInfo(Rung.R240P, 426, 240, 400_000L),
                        new RenditionInfo(Rung.R1080P, 1920, 1080, 5_000_000L))),
                new VideoInfo("ntsc", "29.97 fps clip", 1L, 30000.0 / 1001.0, 60, List.of(
                        new RenditionInfo(Rung.R480P, 854, 480, 1_000_000L)))));
    }

    /** A frame with a raw header, for feeding hand-made bytes. */
    static byte[] rawFrame(int typeCode, int length, byte[] payload) {
        byte[] frame = new byte[WireFormat.HEADER_BYTES + payload.length];
        frame[0] = (byte) typeCode;
        frame[2] = (byte) (length >>> 24);
        frame[3] = (byte) (length >>> 16);
        frame[4] = (byte) (length >>> 8);
        frame[5] = (byte) length;
        System.arraycopy(payload, 0, frame, WireFormat.HEADER_BYTES, payload.length);
        return frame;
    }

    static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
