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
 * <p>Each call writes one whole frame and flushes. Small messages go out in one {@code write};
 * a {@link VideoPacket}'s (or {@link CodecConfig}'s) bytes are written straight from the
 * message's array after a small head, never copied.
 *
 * <p>Thread-safe: frames from concurrent callers never interleave (e.g. a pacing thread writing
 * packets and a reader thread answering pings). Does not close the stream.
 */
public final class MessageWriter {

    /** Below this, head and bulk are joined so a small frame costs one TLS record, not two. */
    private static final int JOIN_BULK_BELOW_BYTES = 1024;

    private final OutputStream out;
    private final int maxPayloadBytes;

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
        synchronized (this) {
            if (frame.bulk().length < JOIN_BULK_BELOW_BYTES) {
                out.write(frame.toByteArray());
            } else {
                out.write(frame.head(), 0, frame.headSize());
                out.write(frame.bulk());
            }
            out.flush();
        }
    }
}
