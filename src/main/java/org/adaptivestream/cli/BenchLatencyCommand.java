package org.adaptivestream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.adaptivestream.Workspace;
import org.adaptivestream.bench.LatencyBenchmark;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.server.LibraryCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench latency}: connect to first frame, switch to first new-rung frame, send to shown. */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Latency a viewer feels, real server and decoding client in one process: connect to first "
                + "frame shown (first connection of the process, then warm ones), rung switch from decision to "
                + "first frame of the new rung shown, and send to shown percentiles; on loopback and through "
                + "the network lab at " + LatencyBenchmark.EMULATED_ONE_WAY_DELAY_MILLIS + " ms each way.")
final class BenchLatencyCommand implements Callable<Integer> {

    /** The switch target: one GOP of the built-in sample. */
    static final long SWITCH_TARGET_MILLIS = 500;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "20", description = "Playing seconds per path for send to shown (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--connects", defaultValue = "5", description = "Warm connections per path (default: ${DEFAULT-VALUE}).")
    int connects;

    @Option(names = "--switches", defaultValue = "10", description = "Switches per path (default: ${DEFAULT-VALUE}).")
    int switches;

    @Option(names = "--video", defaultValue = MediaLibrary.SAMPLE_ID, description = "Video to play (default: ${DEFAULT-VALUE}).")
    String video;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the results as JSON.")
    Path report;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(seconds > 0) || connects < 0 || switches < 0) {
            throw new IllegalArgumentException("--seconds must be positive, --connects and --switches not negative");
        }
        Workspace workspace = Workspace.current();
        MediaLibrary library = MediaLibrary.of(workspace);
        library.ensureSample(ProgressListener.none(), new CancelToken());
        LatencyBenchmark bench = new LatencyBenchmark(new LibraryCatalog(library).reload(),
                ServerIdentity.loadOrCreate(workspace.certsDir()), video);
        List<LatencyBenchmark.PathResult> results = bench.run(connects, seconds, switches, line -> {
            out.println("  " + line);
            out.flush();
        });
        out.println("| path | connect to first frame, first / warm (ms) | switch up, decision to new-rung frame (ms) "
                + "| switch down (ms) | send to shown p50 / p95 / p99 / max (ms) | stalled s | dropped |");
        out.println("| --- | --- | --- | --- | --- | ---: | ---: |");
        for (LatencyBenchmark.PathResult r : results) {
            LatencyBenchmark.Percentiles warm = LatencyBenchmark.Percentiles.of(r.warmConnectToFirstFrameMillis());
            out.printf(Locale.ROOT, "| %s | %.0f / median %.0f, max %.0f | %s | %s "
                            + "| %.1f / %.1f / %.1f / %.1f (n=%d) | %.2f | %d |%n",
                    r.path(), r.coldConnectToFirstFrameMillis(), warm.p50(), warm.max(), switches(r.switchMillis()),
                    switches(r.switchDownMillis()), r.sendToShown().p50(), r.sendToShown().p95(), r.sendToShown().p99(),
                    r.sendToShown().max(), r.sendToShown().samples(), r.stallSeconds(), r.framesDropped());
        }
        out.printf(Locale.ROOT, "load average %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (report != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(),
                    Map.of("video", video, "paths", results));
        }
        return 0;
    }

    /** Count, p50, p95, max, and how many exceeded one GOP. */
    private static String switches(List<Double> millis) {
        LatencyBenchmark.Percentiles p = LatencyBenchmark.Percentiles.of(millis);
        long over = millis.stream().filter(m -> m > SWITCH_TARGET_MILLIS).count();
        return String.format(Locale.ROOT, "n=%d: p50 %.0f, p95 %.0f, max %.0f; %d over %d", p.samples(), p.p50(), p.p95(),
                p.max(), over, SWITCH_TARGET_MILLIS);
    }
}
