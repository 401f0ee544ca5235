package org.adaptivestream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.adaptivestream.Workspace;
import org.adaptivestream.bench.ServerLoadBenchmark;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.media.Rung;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.server.LibraryCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench server}: how many real-time streams one server holds on this machine. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Load test: a real server and N lightweight clients (real TLS and protocol, no decoding) "
                + "on loopback. Reports late packets (more than 100 ms behind schedule), server CPU per stream, "
                + "throughput, heap and threads.")
final class BenchServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clients", defaultValue = "50", description = "Concurrent streams (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds per step (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rung", defaultValue = "1080p", description = "Rung every client plays (default: ${DEFAULT-VALUE}).")
    String rung;

    /** Where a ramp stops even if every step held. */
    static final int MAX_RAMP_CLIENTS = 3_000;

    @Option(names = "--ramp", description = "Raise the client count from --clients (+50 below 100, +100 to 400, "
            + "then +50) until more than 1%% of packets are late or a stream breaks.")
    boolean ramp;

    @Option(names = "--video", defaultValue = MediaLibrary.SAMPLE_ID, description = "Video to stream (default: ${DEFAULT-VALUE}).")
    String video;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the steps as JSON.")
    Path report;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Rung chosen = Rung.parse(rung).orElseThrow(() -> new IllegalArgumentException("no rung " + rung));
        Workspace workspace = Workspace.current();
        MediaLibrary library = MediaLibrary.of(workspace);
        library.ensureSample(ProgressListener.none(), new CancelToken());
        ServerLoadBenchmark bench = new ServerLoadBenchmark(new LibraryCatalog(library).reload(),
                ServerIdentity.loadOrCreate(workspace.certsDir()), video);
        out.printf(Locale.ROOT, "%s at %s, %d cores, %.0f s per step after a %.0f s warm-up%n", video, chosen.label(),
                Runtime.getRuntime().availableProcessors(), seconds, ServerLoadBenchmark.WARM_UP_SECONDS);
        out.println("| clients | late % | server CPU per stream (% of a core) | server CPU total | load generator CPU "
                + "| process CPU | throughput Mbit/s | heap MB | threads | load avg |");
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        out.flush();
        List<Integer> counts = new ArrayList<>();
        if (ramp) {
            for (int n = clients; n <= MAX_RAMP_CLIENTS; n += n < 100 ? 50 : n < 400 ? 100 : 50) {
                counts.add(n);
            }
        } else {
            counts.add(clients);
        }
        List<ServerLoadBenchmark.Step> steps = bench.ramp(counts, seconds, chosen, step -> {
            if (step.failure() != null && step.packets() == 0) {
                out.printf(Locale.ROOT, "| %d | failed: %s |%n", step.clients(), step.failure());
            } else {
                out.printf(Locale.ROOT, "| %d | %.2f | %.3f | %.1f | %.1f | %.1f | %.0f | %.0f | %d | %.2f |%s%n",
                        step.clients(), step.lateFraction() * 100, step.serverCpuPerStream() * 100,
                        step.serverCpuTotal() * 100, step.loadGeneratorCpu() * 100, step.processCpu() * 100,
                        step.throughputMbps(), step.heapMb(), step.threads(), step.loadAverage(),
                        step.failure() == null ? "" : " " + step.failure());
            }
            out.flush();
        });
        steps.stream().filter(ServerLoadBenchmark.Step::held).reduce((a, b) -> b).ifPresentOrElse(
                best -> out.printf("Largest step held (≤ 1%% late): %d clients at %s%n", best.clients(), chosen),
                () -> out.println("No step held (≤ 1% late)."));
        if (report != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(),
                    Map.of("rung", chosen.label(), "video", video, "steps", steps,
                            "processors", Runtime.getRuntime().availableProcessors(), "secondsPerStep", seconds));
        }
        return 0;
    }
}
