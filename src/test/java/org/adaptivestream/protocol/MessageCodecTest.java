package org.adaptivestream.protocol;

import static org.adaptivestream.protocol.SampleMessages.rawFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.adaptivestream.media.Rung;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    @Test
    void oneOfEach_coversEveryMessageType() {
        assertThat(SampleMessages.oneOfEach().keySet()).containsExactlyInAnyOrder(MessageType.values());
    }

    @Test
    void encodeThenDecode_everyMessageType_returnsEqualMessage() throws Exception {
        for (Map.Entry<MessageType, Message> entry : SampleMessages.oneOfEach().entrySet()) {
            byte[] bytes = MessageCodec.encode(entry.getValue());
            Frame frame = new Frame(entry.getKey(), 0,
                    Arrays.copyOfRange(bytes, WireFormat.HEADER_BYTES, bytes.length));
            assertThat(MessageCodec.decode(frame)).as(entry.getKey().toString()).isEqualTo(entry.getValue());
            assertThat(bytes[0] & 0xFF).isEqualTo(entry.getKey().code());
        }
    }

    @Test
    void encode_videoPacket_layoutMatchesProtocolDocument() throws Exception {
        byte[] bytes = MessageCodec.encode(
                new VideoPacket(Rung.R720P, 0x0102L, 0x03L, true, 0x04L, 0x05L, new byte[] {(byte) 0xAA}));
        assertThat(bytes).containsExactly(
                0x31, 0, 0, 0, 0, 35,                 // header: type, flags, length 35
                2, 1,                                 // rung 720p, keyframe flag
                0, 0, 0, 0, 0, 0, 0, 5,               // sequence
                0, 0, 0, 0, 0, 0, 1, 2,               // pts
                0, 0, 0, 0, 0, 0, 0, 3,               // dts
                0, 0, 0, 0, 0, 0, 0, 4,               // server send time
                (byte) 0xAA);                         // data
    }

    @Test
    void encode_clientReport_layoutMatchesProtocolDocument() throws Exception {
        // The example in docs/PROTOCOL.md: 42.5 ms.
        assertThat(MessageCodec.encode(new ClientReport(42_500L))).containsExactly(
                0x34, 0, 0, 0, 0, 8,                              // header: type, flags, length 8
                0, 0, 0, 0, 0, 0, (byte) 0xA6, 0x04);             // smoothed RTT, µs
    }

    @Test
    void encode_received_layoutMatchesProtocolDocument() throws Exception {
        // The example in docs/PROTOCOL.md: packet 1 234 (0x04D2).
        assertThat(MessageCodec.encode(new Received(1_234L))).containsExactly(
                0x35, 0, 0, 0, 0, 8,                              // header: type, flags, length 8
                0, 0, 0, 0, 0, 0, 0x04, (byte) 0xD2);             // sequence
    }

    @Test
    void encode_dropGop_isAHeaderAlone() throws Exception {
        assertThat(MessageCodec.encode(new DropGop())).containsExactly(0x26, 0, 0, 0, 0, 0);
        assertThat(MessageCodec.decode(new Frame(MessageType.DROP_GOP, 0, new byte[0]))).isEqualTo(new DropGop());
    }

    @Test
    void decode_receivedWithNegativeSequence_throwsMalformed() {
        byte[] payload = {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.RECEIVED, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("sequence");
    }

    @Test
    void encode_ping_layoutMatchesProtocolDocument() throws Exception {
        assertThat(MessageCodec.encode(new Ping(7))).containsExactly(0x05, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7);
    }

    @Test
    void decode_clientReportWithNegativeRtt_throwsMalformed() {
        byte[] payload = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.CLIENT_REPORT, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("smoothedRttMicros");
    }

    @Test
    void decode_clientReportOfWrongLength_isRefusedFromTheHeader() {
        byte[] frame = rawFrame(0x34, 9, new byte[9]);
        assertThatThrownBy(() -> new MessageReader(new java.io.ByteArrayInputStream(frame)).read())
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("CLIENT_REPORT");
    }

    @Test
    void encode_hello_startsWithMagic() throws Exception {
        byte[] bytes = MessageCodec.encode(Hello.of("c"));
        assertThat(new String(bytes, 6, 4, StandardCharsets.US_ASCII)).isEqualTo("ASTR");
    }

    @Test
    void encode_payloadOverLimit_throwsFrameTooLarge() {
        VideoPacket big = new VideoPacket(Rung.R240P, 0, 0, false, 0, 0, new byte[100]);
        assertThatThrownBy(() -> MessageCodec.encode(big, 100))
                .isInstanceOf(FrameTooLargeException.class)
                .hasMessageContaining("134").hasMessageContaining("100");
    }

    @Test
    void decode_helloWithWrongMagic_throwsMalformedNamingIt() {
        byte[] payload = {'H', 'T', 'T', 'P', 0, 1, 0, 1, 0, 0};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.HELLO, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("0x48545450");
    }

    @Test
    void decode_stringLengthOverCap_throwsBeforeReadingIt() {
        // HELLO whose client name claims 257 bytes (cap 256) but carries none.
        byte[] payload = {0x41, 0x53, 0x54, 0x52, 0, 1, 0, 1, 0x01, 0x01};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.HELLO, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("257").hasMessageContaining("256");
    }

    @Test
    void decode_stringLongerThanPayload_throwsMalformed() {
        byte[] payload = {0x41, 0x53, 0x54, 0x52, 0, 1, 0, 1, 0, 5, 'a', 'b'};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.HELLO, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("client name");
    }

    @Test
    void decode_invalidUtf8_throwsMalformed() {
        byte[] payload = {0, 4, 0, 2, (byte) 0xC3, 0x28};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.ERROR, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void decode_unknownRungIndex_throwsMalformedWithIndex() {
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.SWITCH_RUNG, 0, new byte[] {4})))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("rung index 4");
    }

    @Test
    void decode_unknownErrorCode_throwsMalformedWithCode() {
        byte[] payload = {0, 99, 0, 0};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.ERROR, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("99");
    }

    @Test
    void decode_trailingBytes_throwsMalformed() {
        byte[] payload = {0, 1, 0, 0, 7};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.ERROR, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("1 unexpected trailing");
    }

    @Test
    void decode_negativeSeek_throwsMalformed() {
        byte[] payload = {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.SEEK, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("positionMicros");
    }

    @Test
    void decode_catalogCountOverCap_throwsBeforeParsingEntries() {
        byte[] payload = {(byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.CATALOG_REPLY, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("65535");
    }

    @Test
    void decode_catalogCountLargerThanEntries_throwsMalformed() {
        byte[] payload = {0, 3};
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.CATALOG_REPLY, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("video id");
    }

    @Test
    void decode_nonFiniteFramesPerSecond_throwsMalformed() throws Exception {
        CatalogReply reply = new CatalogReply(List.of(new VideoInfo("v", "t", 1, 25.0, 25,
                List.of(new RenditionInfo(Rung.R240P, 426, 240, 1)))));
        byte[] payload = Arrays.copyOfRange(MessageCodec.encode(reply), WireFormat.HEADER_BYTES,
                MessageCodec.encode(reply).length);
        // fps sits after count (2), id (2+1), title (2+1), duration (8).
        int fpsAt = 2 + 3 + 3 + 8;
        long nan = Double.doubleToLongBits(Double.NaN);
        for (int i = 0; i < 8; i++) {
            payload[fpsAt + i] = (byte) (nan >>> (56 - 8 * i));
        }
        assertThatThrownBy(() -> MessageCodec.decode(new Frame(MessageType.CATALOG_REPLY, 0, payload)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("framesPerSecond");
    }

    @Test
    void constructor_stringOverCap_throwsIllegalArgument() {
        assertThatThrownBy(() -> new Hello(1, 1, "é".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("258");
    }

    @Test
    void constructor_duplicateRungInVideo_throwsIllegalArgument() {
        RenditionInfo r = new RenditionInfo(Rung.R240P, 426, 240, 1);
        assertThatThrownBy(() -> new VideoInfo("v", "t", 1, 25, 25, List.of(r, r)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void negotiate_overlappingRanges_choosesHighestCommon() {
        assertThat(ProtocolVersion.negotiate(new Hello(1, 9, "c"))).hasValue(ProtocolVersion.CURRENT);
        assertThat(ProtocolVersion.negotiate(new Hello(ProtocolVersion.CURRENT + 1, 9, "c"))).isEmpty();
    }

    @Test
    void negotiate_versionOneClient_stillServedAtOne() {
        assertThat(ProtocolVersion.CURRENT).isEqualTo(DropGop.SINCE_VERSION);
        assertThat(ProtocolVersion.negotiate(new Hello(1, 1, "old client"))).hasValue(1);
        assertThat(ProtocolVersion.negotiate(new Hello(1, 2, "version 2 client"))).hasValue(2);
        assertThat(ProtocolVersion.negotiate(new Hello(1, 3, "version 3 client"))).hasValue(3);
        assertThat(Hello.of("c").minVersion()).isEqualTo(1);
        assertThat(Hello.of("c").maxVersion()).isEqualTo(4);
    }

    @Test
    void pong_symmetricPath_computesRoundTripAndOffset() {
        // client clock 1000 behind the server; 10 us each way; server holds it 5 us.
        Pong pong = new Pong(100, 1_110, 1_115);
        assertThat(pong.roundTripMicros(125)).isEqualTo(20);
        assertThat(pong.clockOffsetMicros(125)).isEqualTo(1_000);
    }

    @Test
    void rawFrame_helper_buildsHeader() {
        assertThat(rawFrame(0x22, 0, new byte[0])).containsExactly(0x22, 0, 0, 0, 0, 0);
    }
}
