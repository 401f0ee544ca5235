package org.adaptivestream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.adaptivestream.Workspace;
import org.adaptivestream.bench.ClientCostBenchmark;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.Manifest;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.media.Rung;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.server.LibraryCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench client}: what one playing client costs, beside FFmpeg's own decode of the same frames. */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Client cost: the real client (TLS, protocol, playout, decode, BGRA conversion and a copy of "
                + "each picture) headless against a local server, CPU per stream; then FFmpeg's command line "
                + "decoding and converting the same rendition file on one thread, and the ratio.")
final class BenchClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rung", defaultValue = "1080p", description = "Rung to play (default: ${DEFAULT-VALUE}).")
    String rung;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds after a 3 s warm-up (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--video", defaultValue = MediaLibrary.SAMPLE_ID, description = "Video to play (default: ${DEFAULT-VALUE}).")
    String video;

    @Option(names = "--no-ffmpeg", description = "Skip the FFmpeg command-line comparison.")
    boolean noFfmpeg;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the result as JSON.")
    Path report;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Rung chosen = Rung.parse(rung).orElseThrow(() -> new IllegalArgumentException("no rung " + rung));
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be positive");
        }
        Workspace workspace = Workspace.current();
        MediaLibrary library = MediaLibrary.of(workspace);
        library.ensureSample(ProgressListener.none(), new CancelToken());
        Manifest manifest = library.manifest(video);
        Optional<Path> file = noFfmpeg ? Optional.empty()
                : Optional.of(library.staticDir().resolve(video).resolve(manifest.rendition(chosen).file()));
        ClientCostBenchmark bench = new ClientCostBenchmark(new LibraryCatalog(library).reload(),
                ServerIdentity.loadOrCreate(workspace.certsDir()), video);
        ClientCostBenchmark.Result result = bench.run(chosen, seconds, file);
        out.printf(Locale.ROOT, "%s at %s, %.1f s measured: %d frames shown (%.1f fps), %d dropped%n", video,
                result.rung(), result.seconds(), result.framesShown(), result.framesShown() / result.seconds(),
                result.framesDropped());
        out.printf(Locale.ROOT, "hand-off: %d presented, %d dropped for want of a free pooled picture%n",
                result.framesPresented(), result.framesWithoutPicture());
        out.printf(Locale.ROOT, "client CPU per stream: %.2f%% of a core (reader, playout and decode, control threads)%n",
                result.clientCpu() * 100);
        result.clientCpuByThread().forEach((thread, cpu) ->
                out.printf(Locale.ROOT, "  %s: %.2f%%%n", thread, cpu * 100));
        out.printf(Locale.ROOT, "rest of the process (JIT, GC, JVM), server threads excluded: %.2f%% of a core%n",
                result.processCpuOthers() * 100);
        if (!noFfmpeg) {
            out.printf(Locale.ROOT, "FFmpeg CLI, same frames at the same rate: %.2f%% of a core (%d frames: %s)%n",
                    result.ffmpegCpuPerStream() * 100, result.ffmpegFrames(), result.ffmpegCommand());
            out.printf(Locale.ROOT, "ratio client / FFmpeg: %.2f%n", result.ratio());
        }
        out.printf(Locale.ROOT, "process resident %.0f MB (server and its preloaded video included), heap %.0f MB, "
                + "load average %.2f%n", result.residentMb(), result.heapMb(), result.loadAverage());
        if (report != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), result);
        }
        return result.framesShown() > 0 ? 0 : 1;
    }
}
