package org.adaptivestream.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes messages to a blocking stream, typically a socket's output stream.
 *
 * <pre>{@code
 * MessageWriter writer = new MessageWriter(socket.getOutputStream());
 * writer.write(Hello.of("player on laptop"));
 * }</pre>
 *
 * <p>Each call writes one whole frame and flushes. On a TLS socket every {@code write} call
 * becomes at least one record (at most {@value #RECORD_BYTES} bytes of data), so the head is
 * joined with the start of the bulk into one record-sized piece, in a buffer the writer keeps,
 * and the rest of the bulk follows from the message's own array: a frame costs as many records
 * as its size needs and no more. A {@link VideoPacket}'s bytes past the first record are never
 * copied. (Each record is also a system call of its own unless the server collects a frame's
 * records into one write: {@code security.RecordBatch}.)
 *
 * <p>Thread-safe: frames from concurrent callers never interleave (e.g. a pacing thread writing
 * packets and a reader thread answering pings). Does not close the stream.
 */
public final class MessageWriter {

    /**
     * The most application data the JDK's TLS 1.3 socket puts in one record: 2^14 (RFC 8446
     * §5.1) less the 16-byte AEAD tag and the inner content-type byte, which JSSE counts inside
     * that limit. A write of 16,384 bytes, the limit itself, becomes two records (16,367 + 17).
     */
    static final int RECORD_BYTES = 16 * 1024 - 16 - 1;

    private final OutputStream out;
    private final int maxPayloadBytes;
    private byte[] joined;

    public MessageWriter(OutputStream out) {
        this(out, WireFormat.DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /** @param maxPayloadBytes refuse to send frames the peer's reader would refuse */
    public MessageWriter(OutputStream out, int maxPayloadBytes) {
        this.out = Objects.requireNonNull(out, "out");
        this.maxPayloadBytes = WireFormat.checkedMaxPayload(maxPayloadBytes);
    }

    /**
     * Writes one message and flushes.
     *
     * @throws FrameTooLargeException if the payload would exceed the limit; nothing is written
     * @throws IOException            from the stream
     */
    public void write(Message message) throws IOException {
        PayloadWriter.EncodedFrame frame = MessageCodec.encodeParts(message, maxPayloadBytes);
        byte[] bulk = frame.bulk();
        synchronized (this) {
            if (bulk.length == 0) {
                out.write(frame.head(), 0, frame.headSize());
            } else if (frame.headSize() >= RECORD_BYTES) {
                out.write(frame.head(), 0, frame.headSize());
                out.write(bulk);
            } else {
                if (joined == null) {
                    joined = new byte[RECORD_BYTES];
                }
                int first = Math.min(bulk.length, RECORD_BYTES - frame.headSize());
                System.arraycopy(frame.head(), 0, joined, 0, frame.headSize());
                System.arraycopy(bulk, 0, joined, frame.headSize(), first);
                out.write(joined, 0, frame.headSize() + first);
                if (first < bulk.length) {
                    out.write(bulk, first, bulk.length - first);
                }
            }
            out.flush();
        }
    }
}
