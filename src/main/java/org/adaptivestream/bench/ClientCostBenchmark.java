package org.adaptivestream.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.FrameHandoff;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.media.BgraPicture;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.ServerListener;
import org.adaptivestream.server.StreamingServer;
import org.adaptivestream.server.VideoCatalog;

/**
 * What one playing client costs: the real client (TLS receive, protocol, estimators, playout,
 * FFmpeg decode and conversion to BGRA straight into pooled pictures handed to a presenting
 * thread, as the desktop app's video pane does) headless at the video's frame rate against a real server in the same process. CPU is
 * the client's own threads' CPU time per second of playing: the fraction of one core one stream
 * takes. Beside it, FFmpeg's own command line decodes and converts the same rendition file on
 * one thread, so the two are compared in one run on one machine state.
 */
public final class ClientCostBenchmark {

    static final long WARM_UP_MILLIS = 3_000;
    private static final Pattern FFMPEG_BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");
    private static final Pattern FFMPEG_FRAMES = Pattern.compile("frame=\\s*(\\d+)");

    private final VideoCatalog catalog;
    private final ServerIdentity identity;
    private final String video;

    /**
     * @param framesShown          frames the client played out to the sink
     * @param framesPresented      of those, frames the stand-in presenter took (fewer when it skipped some)
     * @param framesWithoutPicture of those, frames dropped because every pooled picture was in use
     * @param clientCpu          the client's threads (reader, playout with decoding, control), fraction of a core
     * @param processCpuOthers   the rest of the process apart from the server's threads (JIT, GC, load of the JVM)
     * @param ffmpegCpuPerStream FFmpeg's CPU time for the file divided by its playing time at the frame rate; NaN if not run
     * @param residentMb         the whole process's resident memory at the end (server with its preloaded video included)
     */
    public record Result(String rung, double seconds, long framesShown, long framesDropped, long framesPresented,
                         long framesWithoutPicture, double clientCpu,
                         Map<String, Double> clientCpuByThread, double processCpuOthers, double ffmpegCpuPerStream, long ffmpegFrames, String ffmpegCommand,
                         double ratio, double residentMb, double heapMb, double loadAverage) {
    }

    public ClientCostBenchmark(VideoCatalog catalog, ServerIdentity identity, String video) {
        this.catalog = catalog;
        this.identity = identity;
        this.video = video;
    }

    /**
     * @param renditionFile the rung's file for FFmpeg's command line, empty to skip it
     */
    public Result run(Rung rung, double seconds, Optional<Path> renditionFile) throws IOException, InterruptedException {
        return run(rung, seconds, renditionFile, WARM_UP_MILLIS);
    }

    Result run(Rung rung, double seconds, Optional<Path> renditionFile, long warmUpMillis)
            throws IOException, InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ServerConfig config = ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress());
        PresentingSink presenting = new PresentingSink();
        FrameHandoff sink = presenting.handoff;
        double clientCpu;
        Map<String, Double> byThread = new TreeMap<>();
        double others;
        double elapsed;
        long shown;
        long dropped;
        long presented;
        long withoutPicture;
        try (presenting; StreamingServer server = new StreamingServer(config, identity, catalog, ServerListener.NONE)) {
            server.start();
            ClientConfig clientConfig = ClientConfig.of("127.0.0.1", server.port(), ServerVerifier.pinned(server.fingerprint()))
                    .withReconnect(false).withClientName("bench client");
            try (StreamingClient client = StreamingClient.connect(clientConfig, ClientListener.NONE)) {
                VideoInfo info = client.catalog().stream().filter(v -> v.id().equals(video)).findFirst()
                        .orElseThrow(() -> new IOException("no video '" + video + "' on the server"));
                client.adaptation().lock(rung);
                client.play(info, rung, true, sink);
                Thread.sleep(warmUpMillis);
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                Map<String, Long> perThreadStart = cpuByName(threads, "client-");
                long clientStart = cpuNanos(threads, "client-");
                long serverStart = cpuNanos(threads, "session-") + cpuNanos(threads, "server-");
                long processStart = os.getProcessCpuTime();
                long framesStart = sink.framesReceived();
                long presentedStart = sink.framesPresented();
                long withoutPictureStart = sink.framesWithoutPicture();
                long droppedStart = client.metrics().framesDropped();
                long start = System.nanoTime();
                Thread.sleep(Math.round(seconds * 1000));
                elapsed = (System.nanoTime() - start) / 1e9;
                long clientUsed = cpuNanos(threads, "client-") - clientStart;
                long serverUsed = cpuNanos(threads, "session-") + cpuNanos(threads, "server-") - serverStart;
                clientCpu = clientUsed / 1e9 / elapsed;
                for (Map.Entry<String, Long> entry : cpuByName(threads, "client-").entrySet()) {
                    byThread.put(entry.getKey(),
                            (entry.getValue() - perThreadStart.getOrDefault(entry.getKey(), 0L)) / 1e9 / elapsed);
                }
                others = (os.getProcessCpuTime() - processStart - clientUsed - serverUsed) / 1e9 / elapsed;
                shown = sink.framesReceived() - framesStart;
                presented = sink.framesPresented() - presentedStart;
                withoutPicture = sink.framesWithoutPicture() - withoutPictureStart;
                dropped = client.metrics().framesDropped() - droppedStart;
            }
        }
        double resident = residentMb();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double ffmpegCpu = Double.NaN;
        long ffmpegFrames = 0;
        String command = "";
        if (renditionFile.isPresent()) {
            List<String> args = ffmpegCommand(renditionFile.get());
            command = String.join(" ", args);
            FfmpegRun run = runFfmpeg(args);
            ffmpegFrames = run.frames;
            double fps = shown / elapsed;
            // Per stream at the rate the client played: CPU seconds per frame times frames per second.
            ffmpegCpu = run.frames == 0 ? Double.NaN : run.cpuSeconds / run.frames * Math.max(fps, 1);
        }
        return new Result(rung.label(), elapsed, shown, dropped, presented, withoutPicture, clientCpu, byThread, others, ffmpegCpu, ffmpegFrames, command,
                clientCpu / ffmpegCpu, resident, heap, loadAverage);
    }

    static List<String> ffmpegCommand(Path file) {
        return List.of("ffmpeg", "-hide_banner", "-nostdin", "-benchmark", "-threads", "1", "-i", file.toString(),
                "-pix_fmt", "bgra", "-f", "null", "-");
    }

    private record FfmpegRun(double cpuSeconds, long frames) {
    }

    private static FfmpegRun runFfmpeg(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run ffmpeg (install it, e.g. apt-get install ffmpeg): " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("ffmpeg failed: " + output.lines().reduce((a, b) -> b).orElse(""));
        }
        Matcher bench = FFMPEG_BENCH.matcher(output);
        if (!bench.find()) {
            throw new IOException("ffmpeg printed no -benchmark line");
        }
        long frames = 0;
        Matcher frame = FFMPEG_FRAMES.matcher(output);
        while (frame.find()) {
            frames = Long.parseLong(frame.group(1));
        }
        return new FfmpegRun(Double.parseDouble(bench.group(1)) + Double.parseDouble(bench.group(2)), frames);
    }

    private static Map<String, Long> cpuByName(ThreadMXBean threads, String prefix) {
        Map<String, Long> byName = new TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    byName.merge(info.getThreadName(), cpu, Long::sum);
                }
            }
        }
        return byName;
    }

    private static long cpuNanos(ThreadMXBean threads, String prefix) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    /** Resident set of this process from /proc (Linux), NaN elsewhere. */
    static double residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * The desktop app's video pane without the toolkit: the same {@link FrameHandoff}, whose
     * pooled pictures the decoder converts into, presented on a thread of its own standing in
     * for the FX thread (which, like it, is not a client thread and so is not in the client's
     * CPU). Presenting keeps the new picture and hands back the one shown before, as the pane
     * does; the pane's only other work there is telling JavaFX the image changed.
     */
    static final class PresentingSink implements AutoCloseable {
        private final ExecutorService presenter = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "bench-presenter");
            thread.setDaemon(true);
            return thread;
        });
        private BgraPicture onScreen;
        final FrameHandoff handoff = new FrameHandoff(presenter, picture -> {
            BgraPicture replaced = onScreen;
            onScreen = picture;
            return replaced;
        });

        @Override
        public void close() {
            presenter.shutdownNow();
        }
    }
}
