package org.adaptivestream.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads messages one at a time from a blocking stream, typically a socket's input stream.
 *
 * <pre>{@code
 * MessageReader reader = new MessageReader(socket.getInputStream());
 * for (Optional<Message> m = reader.read(); m.isPresent(); m = reader.read()) { ... }
 * // empty: the peer closed the stream cleanly between two frames
 * }</pre>
 *
 * <p>The header is checked before the payload is allocated, and a payload over 1 MiB is
 * allocated as its bytes arrive, so a lying header cannot make the reader allocate more than
 * the peer actually sends. On a {@link ProtocolException} with
 * {@link ProtocolException#framingIntact()} true, the bad frame's remaining bytes are skipped at
 * the start of the next {@link #read}, so reading can go on (a session may instead choose to
 * send an {@link ErrorMessage} and close); otherwise the stream is unusable and every later read
 * throws IllegalStateException. Other IOExceptions (socket closed, read timeout) come from the
 * stream as they are.
 *
 * <p>Not thread-safe: one thread reads. Does not close the stream.
 */
public final class MessageReader {

    private static final int SKIP_CHUNK_BYTES = 8192;
    /** Payloads up to this are allocated at once: every ordinary video packet fits. */
    private static final int EAGER_ALLOCATION_BYTES = 1024 * 1024;

    private final InputStream in;
    private final int maxPayloadBytes;
    private final byte[] header = new byte[WireFormat.HEADER_BYTES];
    private long bytesToSkip;
    private ProtocolException framingLost;

    public MessageReader(InputStream in) {
        this(in, WireFormat.DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public MessageReader(InputStream in, int maxPayloadBytes) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxPayloadBytes = WireFormat.checkedMaxPayload(maxPayloadBytes);
    }

    /**
     * Blocks until the next message has arrived whole.
     *
     * @return the message, or empty if the stream ended cleanly between frames
     * @throws TruncatedFrameException if the stream ended inside a frame
     * @throws ProtocolException       for any other bad frame
     * @throws IOException             from the stream
     */
    public Optional<Message> read() throws IOException {
        Optional<Frame> frame = readFrame();
        return frame.isPresent() ? Optional.of(MessageCodec.decode(frame.get())) : Optional.empty();
    }

    /** Like {@link #read} without decoding the payload. */
    public Optional<Frame> readFrame() throws IOException {
        if (framingLost != null) {
            throw new IllegalStateException("framing was lost (" + framingLost.getMessage()
                    + "); drop the connection", framingLost);
        }
        skipPending();
        int got = readUpTo(header, WireFormat.HEADER_BYTES);
        if (got == 0) {
            return Optional.empty();
        }
        if (got < WireFormat.HEADER_BYTES) {
            throw lost(new TruncatedFrameException("header", WireFormat.HEADER_BYTES, got));
        }
        FrameHeader parsed = FrameHeader.decode(header, 0);
        MessageType type;
        try {
            type = parsed.validate(maxPayloadBytes);
        } catch (ProtocolException e) {
            if (!e.framingIntact()) {
                throw lost(e);
            }
            bytesToSkip = parsed.payloadLength();
            throw e;
        }
        return Optional.of(new Frame(type, parsed.flags(), readPayload(parsed.payloadLength())));
    }

    /**
     * Small payloads are read straight into an array of their size; a large one grows with the
     * bytes that actually arrive, so a header that lies about its length costs us only what the
     * peer really sent.
     */
    private byte[] readPayload(int length) throws IOException {
        byte[] payload = new byte[Math.min(length, EAGER_ALLOCATION_BYTES)];
        int got = 0;
        while (true) {
            got += readUpTo(payload, got, payload.length - got);
            if (got < payload.length) {
                throw lost(new TruncatedFrameException("payload", length, got));
            }
            if (got == length) {
                return payload;
            }
            payload = Arrays.copyOf(payload, (int) Math.min(length, 2L * payload.length));
        }
    }

    private int readUpTo(byte[] into, int wanted) throws IOException {
        return readUpTo(into, 0, wanted);
    }

    private int readUpTo(byte[] into, int offset, int wanted) throws IOException {
        int got = 0;
        while (got < wanted) {
            int n = in.read(into, offset + got, wanted - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        return got;
    }

    private void skipPending() throws IOException {
        if (bytesToSkip == 0) {
            return;
        }
        // InputStream.skip may skip less or nothing at all on sockets; reading is reliable.
        byte[] scratch = new byte[(int) Math.min(SKIP_CHUNK_BYTES, bytesToSkip)];
        long total = bytesToSkip;
        while (bytesToSkip > 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, bytesToSkip));
            if (n < 0) {
                throw lost(new TruncatedFrameException("payload (being skipped)", total, total - bytesToSkip));
            }
            bytesToSkip -= n;
        }
    }

    private ProtocolException lost(ProtocolException e) {
        framingLost = e;
        return e;
    }
}
