package org.adaptivestream.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.adaptivestream.media.Rung;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.StreamingServer;
import org.adaptivestream.server.VideoCatalog;

/**
 * How many streams one server sustains: a real server and N {@link LoadClient}s on loopback in
 * one process, measured after a warm-up. Server CPU is the CPU time of the server's own
 * threads (sessions, acceptor, deadlines), so the load generator's cost is not counted
 * against it.
 */
public final class ServerLoadBenchmark {

    /** Connections ramp up faster than this would measure the handshakes, not streaming. */
    static final long WARM_UP_MILLIS = 3_000;
    /** A step holds when at most this fraction of packets is late. */
    public static final double MAX_LATE_FRACTION = 0.01;

    private final VideoCatalog catalog;
    private final ServerIdentity identity;
    private final String video;

    /** One measured step. CPU is the fraction of one core. */
    public record Step(int clients, double seconds, long packets, double lateFraction, double serverCpuPerStream,
                       double serverCpuTotal, double throughputMbps, double heapMb, int threads, boolean held) {
    }

    public ServerLoadBenchmark(VideoCatalog catalog, ServerIdentity identity, String video) {
        this.catalog = catalog;
        this.identity = identity;
        this.video = video;
    }

    public Step run(int clients, double seconds, Rung rung) throws IOException, InterruptedException {
        ServerConfig config = ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress())
                .withMaxClients(clients + 10);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<LoadClient> load = new ArrayList<>();
        try (StreamingServer server = new StreamingServer(config, identity, catalog, org.adaptivestream.server.ServerListener.NONE)) {
            server.start();
            ServerVerifier pin = ServerVerifier.pinned(server.fingerprint());
            for (int i = 0; i < clients; i++) {
                load.add(new LoadClient("127.0.0.1", server.port(), pin, video, rung));
            }
            Thread.sleep(WARM_UP_MILLIS);
            load.forEach(LoadClient::count);
            long cpuStart = serverCpuNanos(threads);
            long start = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (serverCpuNanos(threads) - cpuStart) / 1e9 / elapsed;
            long packets = load.stream().mapToLong(LoadClient::packets).sum();
            long late = Math.min(packets, load.stream().mapToLong(LoadClient::late).sum());
            long bytes = load.stream().mapToLong(LoadClient::bytes).sum();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            double lateFraction = packets == 0 ? 1 : (double) late / packets;
            return new Step(clients, elapsed, packets, lateFraction, cpu / clients, cpu, bytes * 8 / elapsed / 1e6,
                    memory.getHeapMemoryUsage().getUsed() / 1e6, threads.getThreadCount(),
                    lateFraction <= MAX_LATE_FRACTION);
        } finally {
            load.forEach(LoadClient::close);
        }
    }

    /** Raises the client count until a step fails; returns every step. */
    public List<Step> ramp(List<Integer> counts, double seconds, Rung rung, Consumer<Step> progress)
            throws IOException, InterruptedException {
        List<Step> steps = new ArrayList<>();
        for (int n : counts) {
            Step step = run(n, seconds, rung);
            steps.add(step);
            progress.accept(step);
            if (!step.held()) {
                break;
            }
        }
        return steps;
    }

    private static long serverCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("session-") || info.getThreadName().startsWith("server-"))) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }
}
