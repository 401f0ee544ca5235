package org.adaptivestream.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.Acknowledgements;
import org.adaptivestream.protocol.Bye;
import org.adaptivestream.protocol.ErrorMessage;
import org.adaptivestream.protocol.Frame;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.MessageCodec;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageType;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Ping;
import org.adaptivestream.protocol.Play;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.TlsClient;

/**
 * A lightweight client for load tests: real TLS and the real protocol (hello, play, a ping
 * every {@link #PING_PERIOD_MILLIS} like the real client's control loop, acknowledgements of
 * video as often as it sends them), but no decoding. It
 * judges every packet against a schedule anchored at its first packet: a packet arriving more
 * than {@link #LATE_MILLIS} after its timestamp says is late.
 *
 * <p>To stay light it reads frames without decoding their payloads, taking the pts straight
 * from the VIDEO_PACKET layout (docs/PROTOCOL.md).
 */
final class LoadClient implements AutoCloseable {

    static final long LATE_MILLIS = 100;
    /** As often as the real client pings, so the server answers as many requests as it would in use. */
    static final long PING_PERIOD_MILLIS = 250;
    /** Offset of the sequence number in a VIDEO_PACKET payload: after rung u8 and flags u8. */
    private static final int SEQUENCE_OFFSET = 2;
    /** Offset of the pts in a VIDEO_PACKET payload: rung u8, flags u8, sequence i64. */
    private static final int PTS_OFFSET = 10;
    /** The VIDEO_PACKET fields before the packet's bytes: rung, flags, sequence, pts, dts, send time. */
    private static final int VIDEO_FIELDS_BYTES = 34;

    private final SSLSocket socket;
    private final MessageWriter out;
    private final MessageReader in;
    private final Thread reader;
    private final Acknowledgements acks = new Acknowledgements();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean counting;
    private volatile boolean closed;
    private volatile String failure;
    private long anchorMicros = Long.MIN_VALUE;

    LoadClient(String host, int port, ServerVerifier verifier, String video, Rung rung) throws IOException {
        socket = TlsClient.connect(host, port, verifier, Duration.ofSeconds(30));
        socket.setTcpNoDelay(true);
        out = new MessageWriter(socket.getOutputStream());
        in = new MessageReader(socket.getInputStream());
        out.write(Hello.of("load"));
        in.read().orElseThrow(() -> new IOException("no welcome"));
        out.write(new Play(video, 0, rung, true));
        reader = new Thread(this::read, "load-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            Optional<Frame> next;
            while ((next = in.readFrame()).isPresent()) {
                Frame frame = next.get();
                if (frame.type() == MessageType.VIDEO_PACKET) {
                    long now = System.nanoTime() / 1000;
                    acks.onPacket(sequenceOf(frame.payload()), now, out);
                    long pts = ptsOf(frame.payload());
                    if (anchorMicros == Long.MIN_VALUE) {
                        anchorMicros = now - pts;
                    }
                    if (counting) {
                        packets.incrementAndGet();
                        bytes.addAndGet(frame.payload().length - VIDEO_FIELDS_BYTES);
                        if (now - (anchorMicros + pts) > LATE_MILLIS * 1000) {
                            late.incrementAndGet();
                        }
                    }
                } else if (frame.type() == MessageType.ERROR) {
                    ErrorMessage error = (ErrorMessage) MessageCodec.decode(frame);
                    throw new IOException("the server sent ERROR " + error.code() + ": " + error.text());
                } else if (frame.type() == MessageType.BYE) {
                    throw new IOException("the server sent BYE");
                }
            }
            throw new IOException("the server closed the connection");
        } catch (IOException e) {
            if (!closed) {
                failure = e.getMessage();
            }
        }
    }

    static long ptsOf(byte[] payload) {
        return i64At(payload, PTS_OFFSET);
    }

    static long sequenceOf(byte[] payload) {
        return i64At(payload, SEQUENCE_OFFSET);
    }

    /** The big-endian i64 at {@code offset}. */
    private static long i64At(byte[] payload, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (payload[i] & 0xFF);
        }
        return value;
    }

    /** Sends one ping; called by the benchmark's shared timer. */
    void ping() {
        if (closed || failure != null) {
            return;
        }
        try {
            out.write(new Ping(System.nanoTime() / 1000));
            acks.sendOwed(System.nanoTime() / 1000, out);
        } catch (IOException e) {
            if (!closed) {
                failure = e.getMessage();
            }
        }
    }

    /** Starts counting (after the warm-up). */
    void count() {
        counting = true;
    }

    long packets() {
        return packets.get();
    }

    long late() {
        return late.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** Why the stream broke, or null while it runs. */
    String failure() {
        return failure;
    }

    @Override
    public void close() {
        closed = true;
        try {
            out.write(new Bye());
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
