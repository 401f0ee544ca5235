package org.adaptivestream.protocol;

import java.util.ArrayList;
import java.util.List;
import org.adaptivestream.media.Rung;

/**
 * Turns messages into frames and frames into messages; the one place that knows each payload's
 * layout (drawn in {@code docs/PROTOCOL.md}). Stateless and thread-safe.
 */
public final class MessageCodec {

    private static final int LOOP_FLAG = 0x01;
    private static final int KEYFRAME_FLAG = 0x01;

    private MessageCodec() {
    }

    /** The whole frame, header included, with the default frame limit. */
    public static byte[] encode(Message message) throws FrameTooLargeException {
        return encode(message, WireFormat.DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /** The whole frame, header included; refuses a payload over {@code maxPayloadBytes}. */
    public static byte[] encode(Message message, int maxPayloadBytes) throws FrameTooLargeException {
        return encodeParts(message, maxPayloadBytes).toByteArray();
    }

    static PayloadWriter.EncodedFrame encodeParts(Message message, int maxPayloadBytes)
            throws FrameTooLargeException {
        PayloadWriter out = new PayloadWriter();
        // Java 17 has no pattern switch: switch on the type and cast; each type has one record.
        switch (message.type()) {
            case HELLO -> {
                Hello m = (Hello) message;
                out.i32(WireFormat.HELLO_MAGIC).u16(m.minVersion()).u16(m.maxVersion()).string(m.clientName());
            }
            case WELCOME -> {
                Welcome m = (Welcome) message;
                out.u16(m.version()).i64(m.sessionId()).string(m.serverName());
            }
            case ERROR -> {
                ErrorMessage m = (ErrorMessage) message;
                out.u16(m.code().code()).string(m.text());
            }
            case PING -> out.i64(((Ping) message).clientSendMicros());
            case PONG -> {
                Pong m = (Pong) message;
                out.i64(m.clientSendMicros()).i64(m.serverReceiveMicros()).i64(m.serverSendMicros());
            }
            case CATALOG_REPLY -> writeCatalog((CatalogReply) message, out);
            case PLAY -> {
                Play m = (Play) message;
                out.i64(m.startMicros()).u8(m.initialRung().ordinal()).u8(m.loop() ? LOOP_FLAG : 0)
                        .string(m.videoId());
            }
            case SWITCH_RUNG -> out.u8(((SwitchRung) message).rung().ordinal());
            case SEEK -> out.i64(((Seek) message).positionMicros());
            case CODEC_CONFIG -> {
                CodecConfig m = (CodecConfig) message;
                out.u8(m.rung().ordinal()).u8(m.codec().code()).u16(m.width()).u16(m.height())
                        .bulk(m.extradata());
            }
            case VIDEO_PACKET -> {
                VideoPacket m = (VideoPacket) message;
                out.u8(m.rung().ordinal()).u8(m.keyframe() ? KEYFRAME_FLAG : 0).i64(m.sequenceNumber())
                        .i64(m.ptsMicros()).i64(m.dtsMicros()).i64(m.serverSendMicros()).bulk(m.data());
            }
            case SERVER_REPORT -> {
                ServerReport m = (ServerReport) message;
                out.i64(m.serverTimeMicros()).u8(m.currentRung().ordinal()).i32(m.queuedPackets())
                        .i64(m.queuedBytes()).i64(m.bytesSent()).i64(m.packetsSent()).i64(m.gopsSkipped());
            }
            case CLIENT_REPORT -> out.i64(((ClientReport) message).smoothedRttMicros());
            case RECEIVED -> out.i64(((Received) message).sequence());
            case BYE, CATALOG_REQUEST, PAUSE, RESUME, STOP, END_OF_STREAM, DROP_GOP -> {
                // empty payload
            }
        }
        return out.finish(message.type(), maxPayloadBytes);
    }

    private static void writeCatalog(CatalogReply reply, PayloadWriter out) {
        out.u16(reply.videos().size());
        for (VideoInfo video : reply.videos()) {
            out.string(video.id()).string(video.title()).i64(video.durationMicros())
                    .f64(video.framesPerSecond()).i32(video.gopFrames()).u8(video.renditions().size());
            for (RenditionInfo rendition : video.renditions()) {
                out.u8(rendition.rung().ordinal()).u16(rendition.width()).u16(rendition.height())
                        .i64(rendition.bitsPerSecond());
            }
        }
    }

    /**
     * Decodes a frame's payload. Out-of-range values (unknown rung, negative time, duplicate
     * ids) are reported as {@link MalformedPayloadException} like layout errors.
     */
    public static Message decode(Frame frame) throws MalformedPayloadException {
        PayloadReader in = new PayloadReader(frame.type(), frame.payload());
        try {
            Message message = decodeFields(frame.type(), in);
            in.expectEnd();
            return message;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedPayloadException(frame.type() + " has an invalid value: " + e.getMessage(), e);
        }
    }

    private static Message decodeFields(MessageType type, PayloadReader in) throws MalformedPayloadException {
        return switch (type) {
            case HELLO -> {
                int magic = in.i32("magic");
                if (magic != WireFormat.HELLO_MAGIC) {
                    throw new MalformedPayloadException(String.format(
                            "HELLO magic is 0x%08x, expected 0x%08x (\"ASTR\"): not an AdaptiveStream peer",
                            magic, WireFormat.HELLO_MAGIC));
                }
                int min = in.u16("min version");
                int max = in.u16("max version");
                yield new Hello(min, max, in.string("client name", Hello.MAX_CLIENT_NAME_BYTES));
            }
            case WELCOME -> {
                int version = in.u16("version");
                long sessionId = in.i64("session id");
                yield new Welcome(version, in.string("server name", Welcome.MAX_SERVER_NAME_BYTES), sessionId);
            }
            case BYE -> new Bye();
            case ERROR -> {
                int code = in.u16("error code");
                ErrorCode errorCode = ErrorCode.ofCode(code).orElseThrow(
                        () -> new MalformedPayloadException("ERROR has unknown error code " + code));
                yield new ErrorMessage(errorCode, in.string("text", ErrorMessage.MAX_TEXT_BYTES));
            }
            case PING -> new Ping(in.i64("client send time"));
            case PONG -> new Pong(in.i64("client send time"), in.i64("server receive time"),
                    in.i64("server send time"));
            case CATALOG_REQUEST -> new CatalogRequest();
            case CATALOG_REPLY -> readCatalog(in);
            case PLAY -> {
                long start = in.i64("start position");
                Rung rung = rung(in, "initial rung");
                boolean loop = (in.u8("options") & LOOP_FLAG) != 0;
                yield new Play(in.string("video id", Play.MAX_VIDEO_ID_BYTES), start, rung, loop);
            }
            case SWITCH_RUNG -> new SwitchRung(rung(in, "rung"));
            case PAUSE -> new Pause();
            case RESUME -> new Resume();
            case SEEK -> new Seek(in.i64("position"));
            case STOP -> new Stop();
            case DROP_GOP -> new DropGop();
            case CODEC_CONFIG -> {
                Rung rung = rung(in, "rung");
                int code = in.u8("codec");
                VideoCodec codec = VideoCodec.ofCode(code).orElseThrow(
                        () -> new MalformedPayloadException("CODEC_CONFIG has unknown codec " + code));
                int width = in.u16("width");
                int height = in.u16("height");
                yield new CodecConfig(rung, codec, width, height, in.rest());
            }
            case VIDEO_PACKET -> {
                Rung rung = rung(in, "rung");
                boolean keyframe = (in.u8("flags") & KEYFRAME_FLAG) != 0;
                long sequence = in.i64("sequence number");
                long pts = in.i64("pts");
                long dts = in.i64("dts");
                long sent = in.i64("server send time");
                yield new VideoPacket(rung, pts, dts, keyframe, sent, sequence, in.rest());
            }
            case SERVER_REPORT -> new ServerReport(in.i64("server time"), rung(in, "current rung"),
                    in.i32("queued packets"), in.i64("queued bytes"), in.i64("bytes sent"),
                    in.i64("packets sent"), in.i64("GOPs skipped"));
            case END_OF_STREAM -> new EndOfStream();
            case CLIENT_REPORT -> new ClientReport(in.i64("smoothed RTT"));
            case RECEIVED -> new Received(in.i64("sequence"));
        };
    }

    private static CatalogReply readCatalog(PayloadReader in) throws MalformedPayloadException {
        int count = in.u16("video count");
        if (count > CatalogReply.MAX_VIDEOS) {
            throw new MalformedPayloadException("CATALOG_REPLY lists " + count + " videos, over the cap of "
                    + CatalogReply.MAX_VIDEOS);
        }
        // No pre-sizing from the count: the list grows only as entries actually parse.
        List<VideoInfo> videos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = in.string("video id", VideoInfo.MAX_ID_BYTES);
            String title = in.string("title", VideoInfo.MAX_TITLE_BYTES);
            long duration = in.i64("duration");
            double fps = in.f64("frames per second");
            int gop = in.i32("GOP frames");
            int renditionCount = in.u8("rendition count");
            if (renditionCount > Rung.values().length) {
                throw new MalformedPayloadException("CATALOG_REPLY video " + id + " lists " + renditionCount
                        + " renditions, more than the " + Rung.values().length + " rungs");
            }
            List<RenditionInfo> renditions = new ArrayList<>(renditionCount);
            for (int r = 0; r < renditionCount; r++) {
                renditions.add(new RenditionInfo(rung(in, "rendition rung"), in.u16("width"),
                        in.u16("height"), in.i64("bits per second")));
            }
            videos.add(new VideoInfo(id, title, duration, fps, gop, renditions));
        }
        return new CatalogReply(videos);
    }

    private static Rung rung(PayloadReader in, String field) throws MalformedPayloadException {
        int index = in.u8(field);
        return Rung.ofIndex(index).orElseThrow(
                () -> new MalformedPayloadException(field + " has unknown rung index " + index));
    }
}
