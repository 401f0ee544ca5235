package org.adaptivestream.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a frame: the header's six bytes are reserved at the front and filled in by
 * {@link #finish}, fields are appended big-endian, and at most one trailing bulk array is kept
 * by reference (not copied) so it can be written straight after the head.
 */
final class PayloadWriter {

    private static final int INITIAL_CAPACITY_BYTES = 64;

    private byte[] head = new byte[INITIAL_CAPACITY_BYTES];
    private int size = WireFormat.HEADER_BYTES;
    private byte[] bulk = new byte[0];

    PayloadWriter u8(int value) {
        ensure(1);
        head[size++] = (byte) value;
        return this;
    }

    PayloadWriter u16(int value) {
        ensure(2);
        head[size++] = (byte) (value >>> 8);
        head[size++] = (byte) value;
        return this;
    }

    PayloadWriter i32(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            head[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    PayloadWriter i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            head[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    PayloadWriter f64(double value) {
        return i64(Double.doubleToLongBits(value));
    }

    /** u16 byte count, then UTF-8; the records have already checked the cap. */
    PayloadWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        u16(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, head, size, utf8.length);
        size += utf8.length;
        return this;
    }

    /** The rest of the payload: kept by reference, written after the head. */
    PayloadWriter bulk(byte[] bytes) {
        this.bulk = bytes;
        return this;
    }

    /** Fills in the header; the frame is then {@code head[0..headSize)} followed by {@code bulk}. */
    EncodedFrame finish(MessageType type, int maxPayloadBytes) throws FrameTooLargeException {
        long payloadBytes = (long) size - WireFormat.HEADER_BYTES + bulk.length;
        if (payloadBytes > maxPayloadBytes) {
            throw new FrameTooLargeException(payloadBytes, maxPayloadBytes);
        }
        FrameHeader.encode(type, 0, (int) payloadBytes, head, 0);
        return new EncodedFrame(head, size, bulk);
    }

    private void ensure(int more) {
        if (size + more > head.length) {
            head = Arrays.copyOf(head, Math.max(head.length * 2, size + more));
        }
    }

    /** A frame as two pieces, so the bulk bytes are never copied. */
    record EncodedFrame(byte[] head, int headSize, byte[] bulk) {

        int totalBytes() {
            return headSize + bulk.length;
        }

        byte[] toByteArray() {
            byte[] all = Arrays.copyOf(head, totalBytes());
            System.arraycopy(bulk, 0, all, headSize, bulk.length);
            return all;
        }
    }
}
