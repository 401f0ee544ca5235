package org.adaptivestream.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.FrameSink;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Play;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.TlsClient;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.ServerListener;
import org.adaptivestream.server.StreamingServer;
import org.adaptivestream.server.VideoCatalog;

/**
 * A soak run: one real server on 127.0.0.1 and {@code clients} slots, each of which, until the
 * time is up, connects, plays a random video at a low rung for a few seconds and leaves, then
 * comes back. Every fourth cycle of a slot leaves abruptly instead (a raw session reset without BYE, as
 * when a process dies). Every {@code interval} it prints the process's vitals after a GC; at
 * the end it waits for every session to close and compares the vitals with the start.
 */
public final class Soak {

    /** Threads and descriptors may differ from the start by this much (JDK housekeeping threads come and go). */
    static final int THREAD_SLACK = 3;
    static final int FD_SLACK = 6;
    private static final Rung[] SOAK_RUNGS = {Rung.R240P, Rung.R480P};

    public record Result(Duration ran, long cycles, long abruptLeaves, long framesDecoded, long errors,
                         ProcessVitals start, ProcessVitals peak, ProcessVitals end, boolean leaked) {
    }

    private final VideoCatalog catalog;
    private final int clients;
    private final Duration duration;
    private final Duration interval;
    private final PrintWriter out;
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong abrupt = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");

    public Soak(VideoCatalog catalog, int clients, Duration duration, Duration interval, PrintWriter out) {
        if (clients < 1 || clients >= ServerConfig.DEFAULT_MAX_CLIENTS) {
            throw new IllegalArgumentException("clients must be 1.." + (ServerConfig.DEFAULT_MAX_CLIENTS - 1) + ", not " + clients);
        }
        if (catalog.videos().isEmpty()) {
            throw new IllegalArgumentException("the library has no video to stream");
        }
        this.catalog = catalog;
        this.clients = clients;
        this.duration = duration;
        this.interval = interval;
        this.out = out;
    }

    public Result run() throws IOException, InterruptedException {
        ServerIdentity identity = ServerIdentity.generate(List.of("localhost"), List.of("127.0.0.1"),
                Instant.now().minusSeconds(60), Duration.ofDays(1));
        ServerConfig config = ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress());
        Instant started = Instant.now();
        ProcessVitals start;
        ProcessVitals peak;
        ProcessVitals end;
        try (StreamingServer server = new StreamingServer(config, identity, catalog, ServerListener.NONE)) {
            server.start();
            start = ProcessVitals.sample(true);
            peak = start;
            out.printf("soak: %d clients for %s against 127.0.0.1:%d; start: %s%n", clients, human(duration),
                    server.port(), start);
            out.flush();
            long deadline = System.nanoTime() + duration.toNanos();
            List<Thread> slots = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int slot = i;
                Thread t = new Thread(() -> slot(slot, server, deadline), "soak-client-" + i);
                t.setDaemon(true);
                slots.add(t);
                t.start();
            }
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(interval.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                ProcessVitals now = ProcessVitals.sample(true);
                peak = max(peak, now);
                out.printf("%6.0f s  sessions %3d  cycles %6d  abrupt %5d  frames %9d  errors %3d  %s%n",
                        Duration.between(started, Instant.now()).toMillis() / 1000.0, server.sessions().size(),
                        cycles.get(), abrupt.get(), frames.get(), errors.get(), now);
                out.flush();
            }
            for (Thread t : slots) {
                t.join(30_000);
            }
            waitFor(() -> server.sessions().isEmpty(), Duration.ofSeconds(10));
        }
        // Let closed sockets and ended threads go before the final count.
        Thread.sleep(1_000);
        end = ProcessVitals.sample(true);
        boolean leaked = end.threads() > start.threads() + THREAD_SLACK
                || (start.openFiles() >= 0 && end.openFiles() > start.openFiles() + FD_SLACK);
        Result result = new Result(Duration.between(started, Instant.now()), cycles.get(), abrupt.get(), frames.get(),
                errors.get(), start, peak, end, leaked);
        out.printf("soak: done after %s: %d cycles (%d abrupt), %d frames decoded, %d errors%s%n",
                human(result.ran()), result.cycles(), result.abruptLeaves(), result.framesDecoded(), result.errors(),
                result.errors() > 0 ? " (last: " + lastError.get() + ")" : "");
        out.printf("soak: start %s; peak %.1f MB, %d threads, %d fds; end %s -> %s%n", start,
                peak.heapUsedMegabytes(), peak.threads(), peak.openFiles(), end,
                leaked ? "LEAK: threads or descriptors did not return to the start" : "back to the start");
        out.flush();
        return result;
    }

    private void slot(int slot, StreamingServer server, long deadlineNanos) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int cycle = 0; System.nanoTime() < deadlineNanos; cycle++) {
            long stayMillis = Math.min(random.nextLong(2_000, 12_000), (deadlineNanos - System.nanoTime()) / 1_000_000);
            if (stayMillis <= 0) {
                break;
            }
            VideoInfo video = catalog.videos().get(random.nextInt(catalog.videos().size()));
            Rung rung = SOAK_RUNGS[random.nextInt(SOAK_RUNGS.length)];
            try {
                if (cycle % 4 == 3) {
                    abruptCycle(server, video, rung, stayMillis);
                    abrupt.incrementAndGet();
                } else {
                    politeCycle(server, slot, video, rung, stayMillis);
                }
                cycles.incrementAndGet();
                Thread.sleep(random.nextLong(0, 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                errors.incrementAndGet();
                lastError.set(e.toString());
            }
        }
    }

    private void politeCycle(StreamingServer server, int slot, VideoInfo video, Rung rung, long stayMillis)
            throws IOException, InterruptedException {
        ClientConfig config = ClientConfig.of("127.0.0.1", server.port(), ServerVerifier.pinned(server.fingerprint()))
                .withReconnect(false).withClientName("soak-" + slot);
        try (StreamingClient client = StreamingClient.connect(config, ClientListener.NONE)) {
            client.play(video, rung, true, FrameSink.DISCARD);
            Thread.sleep(stayMillis);
            frames.addAndGet(client.metrics().framesDecoded());
            if (client.metrics().framesDecoded() == 0 && stayMillis > 3_000) {
                throw new IOException("no frame decoded in " + stayMillis + " ms");
            }
        }
    }

    /** Hello, play, read for a while, then a TCP reset: no BYE, no TLS close_notify. */
    private void abruptCycle(StreamingServer server, VideoInfo video, Rung rung, long stayMillis) throws IOException {
        SSLSocket socket = TlsClient.connect("127.0.0.1", server.port(), ServerVerifier.pinned(server.fingerprint()),
                Duration.ofSeconds(5));
        try {
            MessageWriter writer = new MessageWriter(socket.getOutputStream());
            MessageReader reader = new MessageReader(socket.getInputStream());
            writer.write(Hello.of("soak-abrupt"));
            reader.read();
            writer.write(new Play(video.id(), 0, rung, true));
            long until = System.nanoTime() + stayMillis * 1_000_000L;
            socket.setSoTimeout(2_000);
            while (System.nanoTime() < until) {
                Optional<Message> next = reader.read();
                if (next.isEmpty()) {
                    throw new IOException("server closed an abrupt client's session early");
                }
            }
            socket.setSoLinger(true, 0);
        } finally {
            socket.close();
        }
    }

    private static ProcessVitals max(ProcessVitals a, ProcessVitals b) {
        return new ProcessVitals(Math.max(a.heapUsedBytes(), b.heapUsedBytes()), Math.max(a.threads(), b.threads()),
                Math.max(a.openFiles(), b.openFiles()));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static String human(Duration d) {
        return d.toMinutes() > 0 ? String.format("%d min %d s", d.toMinutes(), d.toSecondsPart()) : d.toSeconds() + " s";
    }
}
