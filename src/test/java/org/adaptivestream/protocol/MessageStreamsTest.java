package org.adaptivestream.protocol;

import static org.adaptivestream.protocol.SampleMessages.concat;
import static org.adaptivestream.protocol.SampleMessages.rawFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.adaptivestream.media.Rung;
import org.junit.jupiter.api.Test;

/** {@link MessageReader} and {@link MessageWriter} over in-memory streams. */
class MessageStreamsTest {

    /** Hands out at most one byte per read, as a slow socket may. */
    private static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    /** Records what was written and which arrays were passed in. */
    private static final class CountingOutput extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<byte[]> arraysWritten = new ArrayList<>();
        final List<Integer> lengthsWritten = new ArrayList<>();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            arraysWritten.add(b);
            lengthsWritten.add(len);
            bytes.write(b, off, len);
        }
    }

    @Test
    void writeThenRead_everyMessageType_roundTrips() throws Exception {
        CountingOutput out = new CountingOutput();
        MessageWriter writer = new MessageWriter(out);
        for (Message m : SampleMessages.oneOfEach().values()) {
            writer.write(m);
        }
        MessageReader reader = new MessageReader(trickle(out.bytes.toByteArray()));
        List<Message> got = new ArrayList<>();
        for (var m = reader.read(); m.isPresent(); m = reader.read()) {
            got.add(m.get());
        }
        assertThat(got).containsExactlyElementsOf(SampleMessages.oneOfEach().values());
    }

    @Test
    void write_largeVideoPacket_writesTheCallersArrayWithoutCopying() throws Exception {
        byte[] data = new byte[200_000];
        CountingOutput out = new CountingOutput();
        new MessageWriter(out).write(new VideoPacket(Rung.R1080P, 0, 0, true, 0, 0, data));
        assertThat(out.arraysWritten).hasSize(2);
        assertThat(out.arraysWritten.get(1)).isSameAs(data);
        assertThat(out.bytes.size()).isEqualTo(WireFormat.HEADER_BYTES + VideoPacket.FIXED_FIELDS_BYTES + data.length);
    }

    @Test
    void write_largeVideoPacket_firstWriteFillsExactlyOneTlsRecord() throws Exception {
        byte[] data = new byte[21_000];
        data[0] = 7;
        CountingOutput out = new CountingOutput();
        VideoPacket packet = new VideoPacket(Rung.R1080P, 5, 5, true, 9, 3, data);
        new MessageWriter(out).write(packet);
        assertThat(out.lengthsWritten).containsExactly(MessageWriter.RECORD_BYTES,
                WireFormat.HEADER_BYTES + VideoPacket.FIXED_FIELDS_BYTES + data.length - MessageWriter.RECORD_BYTES);
        assertThat(out.bytes.toByteArray()).isEqualTo(MessageCodec.encode(packet));
    }

    @Test
    void write_packetSmallerThanOneRecord_isOneWrite() throws Exception {
        CountingOutput out = new CountingOutput();
        MessageWriter writer = new MessageWriter(out);
        VideoPacket first = new VideoPacket(Rung.R240P, 1, 1, false, 2, 0, new byte[3_000]);
        VideoPacket second = new VideoPacket(Rung.R240P, 2, 2, false, 3, 1, new byte[] {1, 2, 3});
        writer.write(first);
        writer.write(second);
        assertThat(out.lengthsWritten).hasSize(2);
        assertThat(out.bytes.toByteArray()).isEqualTo(concat(MessageCodec.encode(first), MessageCodec.encode(second)));
    }

    @Test
    void read_payloadOverEagerAllocation_growsAndReturnsWholePacket() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 5];
        data[data.length - 1] = 42;
        VideoPacket packet = new VideoPacket(Rung.R1080P, 1, 2, true, 3, 4, data);
        MessageReader reader = new MessageReader(new ByteArrayInputStream(MessageCodec.encode(packet)));
        assertThat(reader.read()).contains(packet);
    }

    @Test
    void write_overWriterLimit_throwsAndWritesNothing() {
        CountingOutput out = new CountingOutput();
        MessageWriter writer = new MessageWriter(out, 1000);
        assertThatThrownBy(() -> writer.write(new VideoPacket(Rung.R240P, 0, 0, true, 0, 0, new byte[1000])))
                .isInstanceOf(FrameTooLargeException.class);
        assertThat(out.bytes.size()).isZero();
    }

    @Test
    void read_emptyStream_returnsEmpty() throws Exception {
        assertThat(new MessageReader(new ByteArrayInputStream(new byte[0])).read()).isEmpty();
    }

    @Test
    void read_truncatedHeader_throwsTruncated() {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(new byte[] {0x05, 0, 0}));
        assertThatThrownBy(reader::read).isInstanceOf(TruncatedFrameException.class)
                .hasMessageContaining("header").hasMessageContaining("3 of 6");
    }

    @Test
    void read_truncatedPayload_throwsTruncatedThenRefusesToContinue() throws Exception {
        byte[] ping = MessageCodec.encode(new Ping(1));
        MessageReader reader = new MessageReader(new ByteArrayInputStream(ping, 0, ping.length - 3));
        assertThatThrownBy(reader::read).isInstanceOf(TruncatedFrameException.class)
                .hasMessageContaining("payload").hasMessageContaining("5 of 8");
        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void read_badFramesThenGoodOne_skipsBadOnesAndReturnsGood() throws Exception {
        byte[] stream = concat(
                rawFrame(0x7E, 4, new byte[] {1, 2, 3, 4}),
                rawFrame(MessageType.VIDEO_PACKET.code(), 100, new byte[100]),
                rawFrame(MessageType.SEEK.code(), 3, new byte[3]),
                MessageCodec.encode(new Seek(5)));
        MessageReader reader = new MessageReader(trickle(stream), 64);
        assertThatThrownBy(reader::read).isInstanceOf(UnknownMessageTypeException.class);
        assertThatThrownBy(reader::read).isInstanceOf(FrameTooLargeException.class).hasMessageContaining("100");
        assertThatThrownBy(reader::read).isInstanceOf(MalformedPayloadException.class).hasMessageContaining("3 bytes");
        assertThat(reader.read()).contains(new Seek(5));
        assertThat(reader.read()).isEmpty();
    }

    @Test
    void read_lengthIntMaxWithNoPayload_refusesBeforeAllocating() {
        // Were 2 GiB allocated, the 1 GiB test heap would fail with OutOfMemoryError instead.
        MessageReader reader = new MessageReader(new ByteArrayInputStream(
                rawFrame(MessageType.VIDEO_PACKET.code(), 0x7FFFFFFF, new byte[0])), Integer.MAX_VALUE);
        assertThatThrownBy(reader::read).isInstanceOf(TruncatedFrameException.class);
    }

    @Test
    void read_lengthIntMaxOverLimit_throwsTooLarge() {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(
                rawFrame(MessageType.VIDEO_PACKET.code(), 0x7FFFFFFF, new byte[0])));
        assertThatThrownBy(reader::read).isInstanceOf(FrameTooLargeException.class)
                .hasMessageContaining("2147483647");
    }

    @Test
    void read_negativeLength_throwsNegativeLengthWithValue() {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(
                rawFrame(MessageType.PING.code(), 0x80000000, new byte[8])));
        assertThatThrownBy(reader::read).isInstanceOf(NegativeLengthException.class)
                .hasMessageContaining("-2147483648");
        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class);
    }
}
