package org.adaptivestream.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.Bye;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Play;
import org.adaptivestream.protocol.VideoPacket;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.TlsClient;

/**
 * A lightweight client for load tests: real TLS and the real protocol, but no decoding. It
 * judges every packet against a schedule anchored at its first packet: a packet arriving more
 * than {@link #LATE_MILLIS} after its timestamp says is late.
 */
final class LoadClient implements AutoCloseable {

    static final long LATE_MILLIS = 100;

    private final SSLSocket socket;
    private final MessageWriter out;
    private final MessageReader in;
    private final Thread reader;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean counting;
    private volatile boolean closed;
    private long anchorMicros = Long.MIN_VALUE;

    LoadClient(String host, int port, ServerVerifier verifier, String video, Rung rung) throws IOException {
        socket = TlsClient.connect(host, port, verifier, Duration.ofSeconds(30));
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
            Optional<Message> next;
            while ((next = in.read()).isPresent()) {
                if (next.get() instanceof VideoPacket packet) {
                    long now = System.nanoTime() / 1000;
                    if (anchorMicros == Long.MIN_VALUE) {
                        anchorMicros = now - packet.ptsMicros();
                    }
                    if (counting) {
                        packets.incrementAndGet();
                        bytes.addAndGet(packet.data().length);
                        if (now - (anchorMicros + packet.ptsMicros()) > LATE_MILLIS * 1000) {
                            late.incrementAndGet();
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                late.addAndGet(1_000_000); // a dropped stream is as bad as it gets
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
