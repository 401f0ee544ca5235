package org.adaptivestream.protocol;

import static org.adaptivestream.protocol.SampleMessages.concat;
import static org.adaptivestream.protocol.SampleMessages.rawFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptivestream.media.Rung;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final byte[] GOOD_PING = encode(new Ping(7));

    private static byte[] encode(Message message) {
        try {
            return MessageCodec.encode(message);
        } catch (FrameTooLargeException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Message> drain(FrameDecoder decoder) throws ProtocolException {
        List<Message> out = new ArrayList<>();
        for (Optional<Message> m = decoder.nextMessage(); m.isPresent(); m = decoder.nextMessage()) {
            out.add(m.get());
        }
        return out;
    }

    private static byte[] allSamples() {
        List<Message> messages = new ArrayList<>(SampleMessages.oneOfEach().values());
        byte[][] frames = messages.stream().map(FrameDecoderTest::encode).toArray(byte[][]::new);
        return concat(frames);
    }

    @Test
    void feed_allMessagesAtOnce_returnsThemInOrder() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(allSamples());
        assertThat(drain(decoder)).containsExactlyElementsOf(SampleMessages.oneOfEach().values());
        assertThat(decoder.bufferedBytes()).isZero();
        decoder.endOfStream();
    }

    @Test
    void feed_byteByByte_returnsEveryMessageOnce() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        List<Message> got = new ArrayList<>();
        for (byte b : allSamples()) {
            decoder.feed(new byte[] {b});
            got.addAll(drain(decoder));
        }
        assertThat(got).containsExactlyElementsOf(SampleMessages.oneOfEach().values());
    }

    @Test
    void feed_splitAtEveryBoundary_returnsSameMessages() throws Exception {
        byte[] two = concat(encode(SampleMessages.catalog()),
                encode(new VideoPacket(Rung.R480P, 1, 1, false, 1, 1, new byte[300])));
        for (int split = 0; split <= two.length; split++) {
            FrameDecoder decoder = new FrameDecoder();
            decoder.feed(two, 0, split);
            List<Message> got = new ArrayList<>(drain(decoder));
            decoder.feed(two, split, two.length - split);
            got.addAll(drain(decoder));
            assertThat(got).as("split at %d", split).hasSize(2);
            assertThat(got.get(0)).isEqualTo(SampleMessages.catalog());
        }
    }

    @Test
    void next_unknownTypeThenGoodFrame_throwsThenReturnsGood() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(concat(rawFrame(0x7E, 3, new byte[] {1, 2, 3}), GOOD_PING));
        assertThatThrownBy(decoder::next).isInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining("0x7e");
        assertThat(drain(decoder)).containsExactly(new Ping(7));
    }

    @Test
    void next_typeZero_throwsUnknownType() {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(new byte[WireFormat.HEADER_BYTES]);
        assertThatThrownBy(decoder::next).isInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining("0x00");
    }

    @Test
    void next_malformedPayloadThenGoodFrame_throwsThenReturnsGood() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(concat(rawFrame(MessageType.SWITCH_RUNG.code(), 1, new byte[] {9}), GOOD_PING));
        assertThatThrownBy(decoder::nextMessage).isInstanceOf(MalformedPayloadException.class);
        assertThat(drain(decoder)).containsExactly(new Ping(7));
    }

    @Test
    void next_lengthWrongForType_throwsBeforeBufferingPayloadAndRecovers() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        // PAUSE must be empty; this one claims 1000 bytes.
        decoder.feed(rawFrame(MessageType.PAUSE.code(), 1000, new byte[0]));
        assertThatThrownBy(decoder::next).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("1000");
        decoder.feed(new byte[1000]);
        assertThat(decoder.bufferedBytes()).isZero();
        decoder.feed(GOOD_PING);
        assertThat(drain(decoder)).containsExactly(new Ping(7));
    }

    @Test
    void next_lengthZeroAndOne_acceptedWhereTheTypeAllows() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(concat(rawFrame(MessageType.STOP.code(), 0, new byte[0]),
                rawFrame(MessageType.SWITCH_RUNG.code(), 1, new byte[] {3})));
        assertThat(drain(decoder)).containsExactly(new Stop(), new SwitchRung(Rung.R1080P));
    }

    @Test
    void next_lengthExactlyMax_returnsFrame() throws Exception {
        int max = 64;
        FrameDecoder decoder = new FrameDecoder(max);
        byte[] data = new byte[max - VideoPacket.FIXED_FIELDS_BYTES];
        decoder.feed(MessageCodec.encode(new VideoPacket(Rung.R240P, 0, 0, true, 0, 0, data), max));
        assertThat(decoder.next()).isPresent().get().extracting(f -> f.payload().length).isEqualTo(max);
    }

    @Test
    void next_lengthMaxPlusOne_throwsTooLargeThenDiscardsAndRecovers() throws Exception {
        int max = 64;
        FrameDecoder decoder = new FrameDecoder(max);
        decoder.feed(rawFrame(MessageType.VIDEO_PACKET.code(), max + 1, new byte[10]));
        assertThatThrownBy(decoder::next).isInstanceOf(FrameTooLargeException.class)
                .hasMessageContaining("65").hasMessageContaining("64");
        decoder.feed(new byte[max + 1 - 10]);
        decoder.feed(GOOD_PING);
        assertThat(drain(decoder)).containsExactly(new Ping(7));
    }

    @Test
    void next_lengthIntMax_throwsTooLargeWithoutAllocating() {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(rawFrame(MessageType.VIDEO_PACKET.code(), 0x7FFFFFFF, new byte[0]));
        assertThatThrownBy(decoder::next).isInstanceOf(FrameTooLargeException.class)
                .hasMessageContaining("2147483647");
        // The announced payload is dropped as it comes, not buffered.
        decoder.feed(new byte[100_000]);
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void next_negativeLength_throwsAndDecoderIsDead() {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(concat(rawFrame(MessageType.PING.code(), -8, new byte[0]), GOOD_PING));
        assertThatThrownBy(decoder::next).isInstanceOf(NegativeLengthException.class)
                .hasMessageContaining("-8").hasMessageContaining("drop the connection")
                .matches(e -> !((ProtocolException) e).framingIntact());
        assertThatThrownBy(decoder::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endOfStream_insideHeader_throwsTruncated() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(GOOD_PING, 0, 4);
        assertThat(decoder.next()).isEmpty();
        assertThatThrownBy(decoder::endOfStream).isInstanceOf(TruncatedFrameException.class)
                .hasMessageContaining("header").hasMessageContaining("4 of 6");
    }

    @Test
    void endOfStream_insidePayload_throwsTruncated() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(GOOD_PING, 0, GOOD_PING.length - 1);
        assertThat(decoder.next()).isEmpty();
        assertThatThrownBy(decoder::endOfStream).isInstanceOf(TruncatedFrameException.class)
                .hasMessageContaining("payload").hasMessageContaining("7 of 8");
    }

    @Test
    void endOfStream_atFrameBoundary_returnsQuietly() throws Exception {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(GOOD_PING);
        assertThat(drain(decoder)).hasSize(1);
        decoder.endOfStream();
    }

    @Test
    void headerFlags_nonZero_areIgnored() throws Exception {
        byte[] frame = GOOD_PING.clone();
        frame[1] = (byte) 0x80;
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(frame);
        assertThat(decoder.next()).get().extracting(Frame::flags).isEqualTo(0x80);
    }
}
