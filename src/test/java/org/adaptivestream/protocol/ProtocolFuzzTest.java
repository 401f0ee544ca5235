package org.adaptivestream.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz targets for the wire decoders: every byte a peer can send goes through these. The
 * normal test run replays the committed corpus in {@code ProtocolFuzzTestInputs}; fuzzing is
 * {@code JAZZER_FUZZ=1 mvn test -Pfuzz -Dtest=ProtocolFuzzTest} (see README).
 *
 * <p>Properties: the decoders never fail with anything but a {@link ProtocolException}; the
 * blocking reader and the incremental decoder, fed the same bytes in any pieces, agree frame
 * by frame; and a frame that decodes re-encodes to exactly its own bytes, except the reserved
 * bits the protocol says to ignore.
 */
class ProtocolFuzzTest {

    /** Small, so that frames over the limit (and exactly at it) are within the fuzzer's reach. */
    static final int LIMIT = 1024;
    private static final int MAX_FRAMES = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    @FuzzTest(maxDuration = "3m")
    void streamDecoders_agreeFrameByFrameAndReencodeExactly(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 97);
        byte[] stream = data.consumeRemainingAsBytes();
        List<String> blocking = readAll(stream);
        List<String> incremental = decodeAll(stream, chunk);
        assertThat(incremental).as("FrameDecoder fed %d-byte pieces against MessageReader", chunk)
                .isEqualTo(blocking);
    }

    @FuzzTest(maxDuration = "3m")
    void payload_decodesOrIsMalformedAndReencodesExactly(FuzzedDataProvider data) {
        MessageType type = data.pickValue(MessageType.values());
        int flags = data.consumeInt(0, 255);
        byte[] payload = data.consumeRemainingAsBytes();
        outcome(new Frame(type, flags, payload));
    }

    /** What one frame decodes to: its re-encoding, checked against the frame, or "malformed". */
    static String outcome(Frame frame) {
        Message message;
        try {
            message = MessageCodec.decode(frame);
        } catch (MalformedPayloadException e) {
            return "malformed";
        }
        assertThat(message.type()).isEqualTo(frame.type());
        byte[] again;
        try {
            again = MessageCodec.encode(message, Math.max(LIMIT, frame.payload().length));
        } catch (FrameTooLargeException e) {
            throw new AssertionError("a decoded " + frame + " does not re-encode: " + e.getMessage(), e);
        }
        assertThat(HEX.formatHex(again)).as("re-encoding of %s", message.type())
                .isEqualTo(HEX.formatHex(canonical(frame)));
        return "message " + HEX.formatHex(again);
    }

    /** The frame's bytes as a conforming sender writes them: reserved bits zero. */
    static byte[] canonical(Frame frame) {
        byte[] payload = frame.payload().clone();
        if (frame.type() == MessageType.PLAY) {
            payload[9] &= 0x01; // options: only "loop" is defined
        } else if (frame.type() == MessageType.VIDEO_PACKET) {
            payload[1] &= 0x01; // flags: only "keyframe" is defined
        }
        byte[] whole = new byte[WireFormat.HEADER_BYTES + payload.length];
        FrameHeader.encode(frame.type(), 0, payload.length, whole, 0);
        System.arraycopy(payload, 0, whole, WireFormat.HEADER_BYTES, payload.length);
        return whole;
    }

    static List<String> readAll(byte[] stream) {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(stream), LIMIT);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < MAX_FRAMES; i++) {
            try {
                Optional<Frame> frame = reader.readFrame();
                if (frame.isEmpty()) {
                    outcomes.add("end");
                    return outcomes;
                }
                outcomes.add(outcome(frame.get()));
            } catch (ProtocolException e) {
                outcomes.add(e.getClass().getSimpleName());
                if (!e.framingIntact()) {
                    return outcomes;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("an in-memory stream does not fail", e);
            }
        }
        throw new AssertionError("more than " + MAX_FRAMES + " frames from " + stream.length + " bytes");
    }

    static List<String> decodeAll(byte[] stream, int chunk) {
        FrameDecoder decoder = new FrameDecoder(LIMIT);
        List<String> outcomes = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += chunk) {
            decoder.feed(stream, offset, Math.min(chunk, stream.length - offset));
            while (true) {
                try {
                    Optional<Frame> frame = decoder.next();
                    if (frame.isEmpty()) {
                        break;
                    }
                    outcomes.add(outcome(frame.get()));
                } catch (ProtocolException e) {
                    outcomes.add(e.getClass().getSimpleName());
                    if (!e.framingIntact()) {
                        return outcomes;
                    }
                }
            }
            assertThat(decoder.bufferedBytes()).as("buffered beyond one frame").isLessThanOrEqualTo(
                    WireFormat.HEADER_BYTES + LIMIT + chunk);
        }
        try {
            decoder.endOfStream();
            outcomes.add("end");
        } catch (TruncatedFrameException e) {
            outcomes.add(e.getClass().getSimpleName());
        }
        return outcomes;
    }
}
