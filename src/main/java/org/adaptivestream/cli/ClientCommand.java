package org.adaptivestream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.adaptivestream.Workspace;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.ClientState;
import org.adaptivestream.client.FrameSink;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.MetricsExport;
import org.adaptivestream.metrics.SessionMetrics;
import org.adaptivestream.metrics.SwitchEvent;
import org.adaptivestream.netlab.EmulatedLink;
import org.adaptivestream.netlab.NetworkLab;
import org.adaptivestream.netlab.NetworkProfiles;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.CertificateFingerprint;
import org.adaptivestream.security.FirstContactPrompt;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.UntrustedServerException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adaptivestream client}: plays a video headless, one status line a second, a JSON report at the end. */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Connects to a server over verified TLS, plays a video without a window, and prints one "
                + "line a second: rung, RTT, delivery delay, jitter, fps, throughput, buffer.")
final class ClientCommand implements Callable<Integer> {

    static final int EXIT_UNTRUSTED = 3;

    private final Supplier<Workspace> workspace;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9443", description = "Server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--video", description = "Video id (default: the first in the server's catalog).")
    String video;

    @Option(names = "--rung", description = "Hold this rung (240p, 480p, 720p, 1080p) instead of adapting.")
    String rung;

    @Option(names = "--policy", defaultValue = PolicyRegistry.DEFAULT,
            description = "Adaptation policy (default: ${DEFAULT-VALUE}); one of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = PolicyNames.class)
    String policy;

    @Option(names = "--network", description = "Play through the network lab with this profile, e.g. 3g, step-down, trace:FILE.")
    String network;

    @ArgGroup(exclusive = true)
    Trust trust = new Trust();

    static final class Trust {
        @Option(names = "--fingerprint", description = "The server certificate's SHA-256 fingerprint.")
        String fingerprint;

        @Option(names = "--trust-new", description = "Trust a server seen for the first time and remember it.")
        boolean trustNew;
    }

    @Option(names = "--duration", paramLabel = "S", defaultValue = "20", description = "Seconds to play (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--loop", negatable = true, defaultValue = "true", description = "Start over at the end (default: ${DEFAULT-VALUE}).")
    boolean loop;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the session's metrics as JSON.")
    Path report;

    /** For measuring: connect this long after start, as the desktop app's user does (the warm-up has run by then). */
    @Option(names = "--connect-after", paramLabel = "MS", hidden = true, defaultValue = "0")
    long connectAfterMillis;

    private double jvmUptimeAtConnectMillis = Double.NaN;

    ClientCommand(Supplier<Workspace> workspace) {
        this.workspace = workspace;
    }

    static final class PolicyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PolicyRegistry.names().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Rung> fixed = Optional.empty();
        if (rung != null) {
            fixed = Rung.parse(rung);
            if (fixed.isEmpty()) {
                err.println("client: no rung '" + rung + "'; use 240p, 480p, 720p or 1080p");
                return 2;
            }
        }
        if (!PolicyRegistry.contains(policy)) {
            err.println("client: no policy '" + policy + "'; known: " + PolicyRegistry.names());
            return 2;
        }
        ServerVerifier verifier = trust.fingerprint != null
                ? ServerVerifier.pinned(CertificateFingerprint.parse(trust.fingerprint))
                : ServerVerifier.trustOnFirstUse(workspace.get().configDir(),
                        trust.trustNew ? FirstContactPrompt.acceptAlways() : FirstContactPrompt.refuse());
        ClientConfig config = ClientConfig.of(host, port, verifier);
        EmulatedLink link = null;
        try {
            if (network != null) {
                link = NetworkLab.start(new InetSocketAddress(host, port), NetworkProfiles.byName(network));
                config = config.via(link.localAddress());
                out.println("Through the network lab: " + link.profile());
            }
            return play(config, fixed, out, err);
        } catch (UntrustedServerException e) {
            err.println("client: " + e.getMessage());
            if (!trust.trustNew && trust.fingerprint == null) {
                err.println("client: to trust this server, check its fingerprint and pass --fingerprint, or --trust-new");
            }
            return EXIT_UNTRUSTED;
        } catch (IllegalArgumentException e) {
            err.println("client: " + e.getMessage());
            return 2;
        } finally {
            if (link != null) {
                link.close();
            }
        }
    }

    private int play(ClientConfig config, Optional<Rung> fixed, PrintWriter out, PrintWriter err) throws Exception {
        ClientListener listener = new ClientListener() {
            @Override
            public void stateChanged(ClientState state, String detail) {
                if (state == ClientState.RECONNECTING || state == ClientState.CLOSED && !"closed".equals(detail)) {
                    err.println("client: " + state.name().toLowerCase(Locale.ROOT) + ": " + detail);
                    err.flush();
                }
            }

            @Override
            public void switched(SwitchEvent event) {
                out.printf(Locale.ROOT, "switch %s -> %s: %s%n", event.from(), event.to(), event.reason());
                out.flush();
            }

            @Override
            public void error(String message) {
                err.println("client: " + message);
                err.flush();
            }
        };
        if (connectAfterMillis > 0) {
            Thread.sleep(connectAfterMillis);
        }
        long connectStart = System.nanoTime();
        try (StreamingClient client = StreamingClient.connect(config, listener)) {
            double connectedMillis = (System.nanoTime() - connectStart) / 1e6;
            List<VideoInfo> catalog = client.catalog();
            double catalogMillis = (System.nanoTime() - connectStart) / 1e6;
            Optional<VideoInfo> chosen = video == null ? catalog.stream().findFirst()
                    : catalog.stream().filter(v -> v.id().equals(video)).findFirst();
            if (chosen.isEmpty()) {
                err.println("client: the server has no video " + (video == null ? "at all" : "'" + video + "'")
                        + "; it offers " + catalog.stream().map(VideoInfo::id).toList());
                return 1;
            }
            client.adaptation().usePolicy(PolicyRegistry.create(policy));
            fixed.ifPresent(client.adaptation()::lock);
            client.play(chosen.get(), fixed.orElse(Rung.R480P), loop, FrameSink.DISCARD);
            out.printf(Locale.ROOT, "Playing %s from %s (%s); connected in %.0f ms, catalog at %.0f ms%n", chosen.get().id(),
                    client.serverName(), config.verifier().describe(), connectedMillis, catalogMillis);
            long end = System.nanoTime() + durationSeconds * 1_000_000_000L;
            while (System.nanoTime() < end && client.state() != ClientState.CLOSED && client.state() != ClientState.ENDED) {
                Thread.sleep(1000);
                out.println(statusLine(client));
                out.flush();
            }
            if (report != null) {
                jvmUptimeAtConnectMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                        - (System.nanoTime() - connectStart) / 1e6;
                writeReport(client, chosen.get());
                out.println("Report written to " + report);
            }
            return client.state() == ClientState.CLOSED ? 1 : 0;
        }
    }

    static String statusLine(StreamingClient client) {
        SessionMetrics m = client.metrics();
        double now = client.sessionSeconds();
        return String.format(Locale.ROOT,
                "%6.1fs %-5s rtt %6.1f ms  delay %6.1f ms  jitter %5.2f ms  %4.1f fps  %6.2f Mbit/s  buffer %4.0f ms  stalls %d  dropped %d",
                now, client.shownRung().map(Rung::label).orElse("-"),
                last(m, Metric.RTT, now), last(m, Metric.DELIVERY_DELAY, now), last(m, Metric.JITTER, now),
                m.series(Metric.FPS).since(now - 1).mean(), m.series(Metric.THROUGHPUT).since(now - 1).mean(),
                last(m, Metric.BUFFER, now), m.stallCount(), m.framesDropped());
    }

    private static double last(SessionMetrics metrics, Metric metric, double now) {
        var points = metrics.series(metric).since(now - 1.5);
        return points.size() == 0 ? Double.NaN : points.value(points.size() - 1);
    }

    private void writeReport(StreamingClient client, VideoInfo played) throws java.io.IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("host", host);
        root.put("port", port);
        root.put("video", played.id());
        root.put("policy", client.adaptation().policy().name());
        root.put("network", network == null ? "none" : network);
        root.put("connect_to_first_frame_ms", client.connectToFirstFrameMillis().orElse(Double.NaN));
        root.put("jvm_uptime_at_connect_ms", jvmUptimeAtConnectMillis);
        var shown = client.metrics().series(Metric.SEND_TO_SHOWN).all();
        root.put("send_to_shown_ms", Map.of("p50", shown.percentile(50), "p95", shown.percentile(95),
                "p99", shown.percentile(99), "frames", shown.size()));
        root.putAll(MetricsExport.toJsonTree(client.metrics()));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), root);
    }
}
