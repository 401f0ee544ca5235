package org.adaptivestream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.net.InetAddress;
import java.time.Duration;
import org.adaptivestream.Workspace;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.bench.RealSessionRunner;
import org.adaptivestream.bench.StolenCpu;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.MediaException;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.server.LibraryCatalog;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.ServerListener;
import org.adaptivestream.server.StreamingServer;
import org.adaptivestream.evaluation.AbrBenchmark;
import org.adaptivestream.evaluation.BenchmarkReport;
import org.adaptivestream.evaluation.SimulationConfig;
import org.adaptivestream.evaluation.Simulator;
import org.adaptivestream.trace.BuiltInTraces;
import org.adaptivestream.trace.CapacityTrace;
import org.adaptivestream.trace.TraceFormatException;
import org.adaptivestream.trace.TraceReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench abr}: adaptation policies over traces, scored against the offline optimum. */
@Command(name = "abr",
        mixinStandardHelpOptions = true,
        description = {"Runs adaptation policies over network traces and scores them by QoE (docs/QOE.md)",
                "against the offline optimum; prints a table per policy and optionally writes JSON."})
public final class BenchAbrCommand implements Callable<Integer> {

    /** How sessions are run. */
    enum Mode { sim, real }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--traces", paramLabel = "DIR",
            description = "Folder of trace files (both formats); default: the traces bundled in the app.")
    Path traces;

    @Option(names = "--policies", paramLabel = "LIST", defaultValue = "all",
            description = "Comma-separated policy names, or 'all' (default). Known: ${COMPLETION-CANDIDATES}",
            completionCandidates = PolicyNames.class)
    String policies;

    @Option(names = "--mode", defaultValue = "sim", description = "sim (default) or real.")
    Mode mode;

    @Option(names = "--limit-traces", paramLabel = "N", description = "Use only the first N traces (by file name).")
    Integer limitTraces;

    @Option(names = "--seconds", paramLabel = "S",
            description = "Stream S seconds of each trace (default: one whole period in sim mode, 60 s in real mode).")
    Double seconds;

    @Option(names = "--rtt-ms", defaultValue = "40", description = "Base round-trip time in ms (default ${DEFAULT-VALUE}).")
    double rttMillis;

    @Option(names = "--target-delay-ms", defaultValue = "150",
            description = "Client playout delay in ms (default ${DEFAULT-VALUE}).")
    double targetDelayMillis;

    @Option(names = "--foresight", paramLabel = "SECONDS", split = ",",
            description = "Also score a clairvoyant that sees the trace this many seconds ahead and replans every GOP, "
                    + "choosing rungs only and with GOPs dropped on purpose: what perfect prediction over that view "
                    + "is worth (docs/QOE.md). Comma-separated, e.g. 1,2,4.")
    List<Double> foresight = List.of();

    @Option(names = "--threads", defaultValue = "2",
            description = "Traces scored in parallel; in real mode, sessions streaming at once (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Real mode: stream each policy on each trace N times and average; the JSON and a table per "
                    + "trace also give each run's figures (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write every number as JSON here.")
    Path report;

    @Option(names = "--decisions", paramLabel = "DIR",
            description = "Real mode: write each session's decisions (with the reason and what the policy saw) and "
                    + "frozen stretches to a CSV file in DIR, created if missing.")
    Path decisions;

    static final double DEFAULT_REAL_SECONDS = 60;

    static final class PolicyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PolicyRegistry.names().iterator();
        }
    }

    @Override
    public Integer call() throws IOException, MediaException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> names = policyNames();
        if (limitTraces != null && limitTraces < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit-traces must be at least 1, not " + limitTraces);
        }
        if (mode == Mode.real && seconds == null) {
            seconds = DEFAULT_REAL_SECONDS;
        }
        if (seconds != null && !(seconds >= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be at least 1, not " + seconds);
        }
        if (repeat < 1 || (repeat > 1 && mode != Mode.real)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be at least 1, and above 1 only "
                    + "with --mode real (the simulator gives the same result every time), not " + repeat);
        }
        if (foresight.stream().anyMatch(s -> !(s > 0))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--foresight must be positive seconds, not "
                    + foresight);
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        if (decisions != null) {
            if (mode != Mode.real) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--decisions applies to --mode real "
                        + "(a simulated session's decisions follow from the trace and the policy alone)");
            }
            try {
                Files.createDirectories(decisions);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--decisions " + decisions
                        + ": cannot create the folder (" + e.getMessage() + ")");
            }
        }
        SimulationConfig config;
        try {
            config = SimulationConfig.defaults().withBaseRttSeconds(rttMillis / 1000)
                    .withTargetDelaySeconds(targetDelayMillis / 1000)
                    .withDurationSeconds(seconds == null ? Double.NaN : seconds);
            config = config.withMaxLagSeconds(config.maxLagForTargetDelay());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<CapacityTrace> loaded;
        try {
            loaded = loadTraces();
        } catch (TraceFormatException e) {
            err.println("bench abr: " + e.getMessage());
            return 1;
        }
        if (loaded.isEmpty()) {
            err.println("bench abr: no trace files in " + traces);
            return 1;
        }
        Simulator simulator = Simulator.withDefaults(config);
        String source = traces == null ? "built-in" : traces.toString();
        err.printf(Locale.ROOT, "Scoring %d traces from %s × %d policies%s (%s mode)...%n", loaded.size(), source,
                names.size(), repeat > 1 ? " × " + repeat + " runs" : "", mode);
        err.flush();
        BenchmarkReport result;
        if (mode == Mode.sim) {
            result = new AbrBenchmark(simulator, simulator).withForesight(foresight).run(source, loaded, names, threads);
        } else {
            result = runReal(config, simulator, source, loaded, names);
        }
        out.print(AbrBenchmark.markdown(result));
        if (!result.unscoredTraces().isEmpty()) {
            out.printf(Locale.ROOT, "%n%d trace(s) left out of normalized QoE, their ceiling QoE is not positive "
                    + "(the link cannot carry the lowest rung): %s%n", result.unscoredTraces().size(),
                    String.join(", ", result.unscoredTraces()));
        }
        if (result.hostCpuStolen() != null) {
            double stolen = result.hostCpuStolen();
            out.printf(Locale.ROOT, "%nThe host took %.1f %% of this machine's CPU time during the run%s%n", 100 * stolen,
                    stolen > StolenCpu.UNRELIABLE_ABOVE ? String.format(Locale.ROOT,
                            ": over %.0f %%, real-time results say more about the host than about the policies",
                            100 * StolenCpu.UNRELIABLE_ABOVE) : ".");
        }
        out.flush();
        if (report != null) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            json.writeValue(report.toFile(), result);
            err.println("Wrote " + report);
        }
        return 0;
    }

    /** Real server, real clients through the network lab: a server in this process, on loopback. */
    private BenchmarkReport runReal(SimulationConfig config, Simulator simulator, String source,
            List<CapacityTrace> loaded, List<String> names) throws IOException, MediaException {
        Workspace workspace = Workspace.current();
        MediaLibrary library = MediaLibrary.of(workspace);
        library.ensureSample(ProgressListener.none(), new CancelToken());
        LibraryCatalog catalog = new LibraryCatalog(library).reload();
        VideoInfo video = catalog.videos().stream().filter(v -> v.id().equals(MediaLibrary.SAMPLE_ID)).findFirst()
                .orElseThrow(() -> new IOException("the sample video is not in the library"));
        ServerConfig serverConfig = ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress())
                .withMaxClients(Math.max(ServerConfig.DEFAULT_MAX_CLIENTS, threads * 2))
                .withMaxLag(Duration.ofMillis(Math.round(config.maxLagSeconds() * 1000)));
        try (StreamingServer server = new StreamingServer(serverConfig, ServerIdentity.loadOrCreate(workspace.certsDir()),
                catalog, ServerListener.NONE).start()) {
            RealSessionRunner runner = new RealSessionRunner(server.address(), server.fingerprint(), video, seconds,
                    config.gopSeconds(), Duration.ofMillis(Math.round(rttMillis / 2)),
                    Duration.ofMillis(Math.round(targetDelayMillis)), decisions);
            StolenCpu stolen = StolenCpu.startingNow();
            BenchmarkReport result = new AbrBenchmark(simulator, runner).withForesight(foresight)
                    .run(source, loaded, names, threads, repeat);
            OptionalDouble share = stolen.share();
            return share.isPresent() ? result.withHostCpuStolen(share.getAsDouble()) : result;
        }
    }

    private List<String> policyNames() {
        if (policies.isBlank() || policies.trim().equalsIgnoreCase("all")) {
            return PolicyRegistry.names();
        }
        List<String> names = Arrays.stream(policies.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String n : names) {
            if (!PolicyRegistry.contains(n)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown policy '" + n + "'; known: "
                        + String.join(", ", PolicyRegistry.names()));
            }
        }
        return names;
    }

    private List<CapacityTrace> loadTraces() throws IOException, TraceFormatException {
        List<CapacityTrace> out = new ArrayList<>();
        if (traces == null) {
            out.addAll(BuiltInTraces.loadAll());
        } else {
            if (!Files.isDirectory(traces)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--traces " + traces + " is not a folder");
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(traces)) {
                files = list.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                        .sorted().toList();
            }
            for (Path f : files) {
                if (limitTraces != null && out.size() >= limitTraces) {
                    break;
                }
                out.add(TraceReader.read(f));
            }
        }
        return limitTraces != null && out.size() > limitTraces ? out.subList(0, limitTraces) : out;
    }
}
