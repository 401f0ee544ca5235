package org.adaptivestream.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.adaptivestream.media.Rung;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.ServerListener;
import org.adaptivestream.server.StreamingServer;
import org.adaptivestream.server.VideoCatalog;

/**
 * How many streams one server sustains: a real server and N {@link LoadClient}s on loopback in
 * one process, measured after a warm-up. Server CPU is the CPU time of the server's own
 * threads (sessions, acceptor, deadlines), so the load generator's cost is not counted
 * against it; the load generator's own CPU and the whole process's are reported beside it,
 * since both share the machine's cores.
 *
 * <p>A step fails when more than {@link #MAX_LATE_FRACTION} of packets are late, when a stream
 * breaks, or when a client cannot connect; the reason is kept in the step.
 */
public final class ServerLoadBenchmark {

    /** Connections ramp up faster than this would measure the handshakes, not streaming. */
    static final long WARM_UP_MILLIS = 3_000;
    public static final double WARM_UP_SECONDS = WARM_UP_MILLIS / 1000.0;
    /** A step holds when at most this fraction of packets is late. */
    public static final double MAX_LATE_FRACTION = 0.01;

    private final VideoCatalog catalog;
    private final ServerIdentity identity;
    private final String video;

    /**
     * One measured step. CPU figures are fractions of one core; {@code heapMb} is the heap in use
     * (server and load generator together) after a collection, at the end of the step.
     */
    public record Step(int clients, double seconds, long packets, double lateFraction, double serverCpuPerStream,
                       double serverCpuTotal, double loadGeneratorCpu, double processCpu, double throughputMbps,
                       double heapMb, int threads, double loadAverage, double connectSeconds, boolean held,
                       String failure) {
    }

    public ServerLoadBenchmark(VideoCatalog catalog, ServerIdentity identity, String video) {
        this.catalog = catalog;
        this.identity = identity;
        this.video = video;
    }

    public Step run(int clients, double seconds, Rung rung) throws InterruptedException {
        return run(clients, seconds, rung, WARM_UP_MILLIS);
    }

    Step run(int clients, double seconds, Rung rung, long warmUpMillis) throws InterruptedException {
        ServerConfig config = ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress())
                .withMaxClients(clients + 10);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Pinged from the start: connecting hundreds of clients on a busy machine can take longer
        // than the server's 30 s idle timeout, which would close the first ones before the last connects.
        List<LoadClient> load = new CopyOnWriteArrayList<>();
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "load-pinger");
            thread.setDaemon(true);
            return thread;
        });
        long connectStart = System.nanoTime();
        try (StreamingServer server = new StreamingServer(config, identity, catalog, ServerListener.NONE)) {
            server.start();
            ServerVerifier pin = ServerVerifier.pinned(server.fingerprint());
            pinger.scheduleAtFixedRate(() -> load.forEach(LoadClient::ping), 0, LoadClient.PING_PERIOD_MILLIS,
                    TimeUnit.MILLISECONDS);
            for (int i = 0; i < clients; i++) {
                try {
                    load.add(new LoadClient("127.0.0.1", server.port(), pin, video, rung));
                } catch (IOException e) {
                    return failed(clients, (System.nanoTime() - connectStart) / 1e9,
                            "client " + (i + 1) + " of " + clients + " could not connect: " + e.getMessage());
                }
            }
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            Thread.sleep(warmUpMillis);
            load.forEach(LoadClient::count);
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            long serverStart = cpuNanos(threads, ServerLoadBenchmark::isServerThread);
            long loadStart = cpuNanos(threads, name -> name.startsWith("load-"));
            long processStart = processCpuNanos(os);
            long start = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            double elapsed = (System.nanoTime() - start) / 1e9;
            double serverCpu = (cpuNanos(threads, ServerLoadBenchmark::isServerThread) - serverStart) / 1e9 / elapsed;
            double loadCpu = (cpuNanos(threads, name -> name.startsWith("load-")) - loadStart) / 1e9 / elapsed;
            double processCpu = processStart < 0 ? Double.NaN : (processCpuNanos(os) - processStart) / 1e9 / elapsed;
            double loadAverage = os.getSystemLoadAverage();
            long packets = load.stream().mapToLong(LoadClient::packets).sum();
            long late = Math.min(packets, load.stream().mapToLong(LoadClient::late).sum());
            long bytes = load.stream().mapToLong(LoadClient::bytes).sum();
            String failure = load.stream().map(LoadClient::failure).filter(f -> f != null).findFirst()
                    .map(f -> "a stream broke: " + f).orElse(null);
            int threadCount = threads.getThreadCount();
            double heapMb = settledHeapMb();
            double lateFraction = packets == 0 ? 1 : (double) late / packets;
            return new Step(clients, elapsed, packets, lateFraction, serverCpu / clients, serverCpu, loadCpu,
                    processCpu, bytes * 8 / elapsed / 1e6, heapMb, threadCount, loadAverage, connectSeconds,
                    failure == null && lateFraction <= MAX_LATE_FRACTION, failure);
        } catch (IOException e) {
            return failed(clients, 0, "the server did not start: " + e.getMessage());
        } finally {
            pinger.shutdownNow();
            load.forEach(LoadClient::close);
        }
    }

    private static Step failed(int clients, double connectSeconds, String why) {
        return new Step(clients, 0, 0, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, 0,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), connectSeconds, false, why);
    }

    /** Raises the client count until a step fails; returns every step. */
    public List<Step> ramp(List<Integer> counts, double seconds, Rung rung, Consumer<Step> progress)
            throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        for (int n : counts) {
            Step step = run(n, seconds, rung);
            steps.add(step);
            progress.accept(step);
            if (!step.held()) {
                break;
            }
            // Let the previous step's sockets and threads go before the next one starts.
            System.gc();
            Thread.sleep(1_000);
        }
        return steps;
    }

    static boolean isServerThread(String name) {
        return name.startsWith("session-") || name.startsWith("server-");
    }

    private static long cpuNanos(ThreadMXBean threads, Predicate<String> which) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && which.test(info.getThreadName())) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    private static long processCpuNanos(OperatingSystemMXBean os) {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static double settledHeapMb() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(100);
        return memory.getHeapMemoryUsage().getUsed() / 1e6;
    }
}
