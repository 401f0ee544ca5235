package org.adaptivestream.protocol;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits a byte stream that arrives in arbitrary chunks into frames, Netty-style: {@link #feed}
 * appends bytes, {@link #next} returns the next whole frame or empty if more bytes are needed,
 * and the remainder is kept for later.
 *
 * <pre>
 *  fed so far:  | 01 00 00 00 00 0A  [10 payload bytes] | 05 00 00 00 | ...
 *               '---- frame 1: returned by next() ------'  '- kept: partial header of frame 2 -'
 * </pre>
 *
 * <p>Every header is checked before anything is allocated for its payload (see
 * {@link ProtocolException} subclasses). After a bad frame, {@link #next} throws once and
 * then:
 * <ul>
 *   <li>unknown type, payload size the type does not allow, frame over the limit, malformed
 *       payload: the frame's declared bytes are discarded as they arrive (never buffered) and
 *       the next call continues with the following frame;</li>
 *   <li>negative length: framing is lost, the decoder is dead ({@link #next} throws
 *       IllegalStateException) and the connection must be dropped.</li>
 * </ul>
 * Memory held is the bytes fed and not yet returned, so the caller bounds it by calling
 * {@link #next} until empty after each feed. Not thread-safe: one reader thread.
 */
public final class FrameDecoder {

    private static final int INITIAL_CAPACITY_BYTES = 4096;

    private final int maxPayloadBytes;
    private byte[] buffer = new byte[INITIAL_CAPACITY_BYTES];
    private int readIndex;
    private int writeIndex;
    private long bytesToDiscard;
    private ProtocolException framingLost;

    public FrameDecoder() {
        this(WireFormat.DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public FrameDecoder(int maxPayloadBytes) {
        this.maxPayloadBytes = WireFormat.checkedMaxPayload(maxPayloadBytes);
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        discardBuffered();
        int skipped = (int) Math.min(bytesToDiscard, length);
        bytesToDiscard -= skipped;
        offset += skipped;
        length -= skipped;
        if (length == 0) {
            return;
        }
        makeRoom(length);
        System.arraycopy(bytes, offset, buffer, writeIndex, length);
        writeIndex += length;
    }

    /**
     * The next whole frame, or empty if the bytes fed so far do not complete one.
     *
     * @throws ProtocolException     for a bad frame; see the class comment for what follows
     * @throws IllegalStateException if framing was lost earlier
     */
    public Optional<Frame> next() throws ProtocolException {
        if (framingLost != null) {
            throw new IllegalStateException("framing was lost (" + framingLost.getMessage()
                    + "); drop the connection", framingLost);
        }
        discardBuffered();
        if (bytesToDiscard > 0 || buffered() < WireFormat.HEADER_BYTES) {
            return Optional.empty();
        }
        FrameHeader header = FrameHeader.decode(buffer, readIndex);
        MessageType type;
        try {
            type = header.validate(maxPayloadBytes);
        } catch (ProtocolException e) {
            readIndex += WireFormat.HEADER_BYTES;
            if (e.framingIntact()) {
                bytesToDiscard = header.payloadLength();
                discardBuffered();
            } else {
                framingLost = e;
            }
            throw e;
        }
        int frameBytes = WireFormat.HEADER_BYTES + header.payloadLength();
        if (buffered() < frameBytes) {
            return Optional.empty();
        }
        int payloadStart = readIndex + WireFormat.HEADER_BYTES;
        byte[] payload = Arrays.copyOfRange(buffer, payloadStart, payloadStart + header.payloadLength());
        readIndex += frameBytes;
        return Optional.of(new Frame(type, header.flags(), payload));
    }

    /**
     * The next whole frame decoded into a message (see {@link MessageCodec#decode}). A
     * {@link MalformedPayloadException} consumes only that frame.
     */
    public Optional<Message> nextMessage() throws ProtocolException {
        Optional<Frame> frame = next();
        return frame.isPresent() ? Optional.of(MessageCodec.decode(frame.get())) : Optional.empty();
    }

    /**
     * Call when the stream has ended: throws if it ended inside a frame, returns quietly if it
     * ended between frames. Call after {@link #next} has returned empty.
     */
    public void endOfStream() throws TruncatedFrameException {
        if (bytesToDiscard > 0) {
            throw new TruncatedFrameException("payload (being discarded)", bytesToDiscard, 0);
        }
        int buffered = buffered();
        if (buffered == 0) {
            return;
        }
        if (buffered < WireFormat.HEADER_BYTES) {
            throw new TruncatedFrameException("header", WireFormat.HEADER_BYTES, buffered);
        }
        int payloadLength = FrameHeader.decode(buffer, readIndex).payloadLength();
        throw new TruncatedFrameException("payload", payloadLength, buffered - WireFormat.HEADER_BYTES);
    }

    /** Bytes fed and not yet returned as frames or discarded. */
    public int bufferedBytes() {
        return buffered();
    }

    private int buffered() {
        return writeIndex - readIndex;
    }

    private void discardBuffered() {
        int skipped = (int) Math.min(bytesToDiscard, buffered());
        bytesToDiscard -= skipped;
        readIndex += skipped;
        if (readIndex == writeIndex) {
            readIndex = 0;
            writeIndex = 0;
        }
    }

    private void makeRoom(int more) {
        if (writeIndex + more <= buffer.length) {
            return;
        }
        int live = buffered();
        if (live + more <= buffer.length) {
            System.arraycopy(buffer, readIndex, buffer, 0, live);
        } else {
            byte[] bigger = new byte[Math.max(buffer.length * 2, live + more)];
            System.arraycopy(buffer, readIndex, bigger, 0, live);
            buffer = bigger;
        }
        readIndex = 0;
        writeIndex = live;
    }
}
