package org.adaptivestream.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.FrameSink;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.TimeSeries;
import org.adaptivestream.netlab.EmulatedLink;
import org.adaptivestream.netlab.NetworkLab;
import org.adaptivestream.netlab.NetworkProfile;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.ServerListener;
import org.adaptivestream.server.StreamingServer;
import org.adaptivestream.server.VideoCatalog;
import org.adaptivestream.trace.CapacityTrace;

/**
 * The latencies a viewer feels, with the real server and the real decoding client in one
 * process: connect to first frame shown (the first connection in a fresh process, then warm
 * ones), a rung switch (up, 480p to the top rung, and back down) from the decision to the first
 * frame of the new rung shown, and send to
 * shown (server send time to frame on screen, on the client's clock), on loopback and through
 * the network lab with a fixed one-way delay.
 */
public final class LatencyBenchmark {

    /** The emulated link: fixed delay each way, capacity far above one stream's. */
    public static final long EMULATED_ONE_WAY_DELAY_MILLIS = 20;
    private static final double EMULATED_BITS_PER_SECOND = 1e9;
    private static final int EMULATED_QUEUE_BYTES = 4 * 1024 * 1024;
    static final long FIRST_FRAME_TIMEOUT_MILLIS = 10_000;

    private final VideoCatalog catalog;
    private final ServerIdentity identity;
    private final String video;

    /** Percentiles in milliseconds. */
    public record Percentiles(int samples, double p50, double p95, double p99, double max) {
        public static Percentiles of(List<Double> values) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Percentiles(sorted.length, at(sorted, 50), at(sorted, 95), at(sorted, 99), sorted[sorted.length - 1]);
        }

        private static double at(double[] sorted, double percentile) {
            int index = (int) Math.ceil(sorted.length * percentile / 100.0) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    /** One path's figures. */
    public record PathResult(String path, double coldConnectToFirstFrameMillis, List<Double> warmConnectToFirstFrameMillis,
                             List<Double> switchMillis, List<Double> switchDownMillis, Percentiles sendToShown,
                             double stallSeconds, long framesDropped) {
    }

    public LatencyBenchmark(VideoCatalog catalog, ServerIdentity identity, String video) {
        this.catalog = catalog;
        this.identity = identity;
        this.video = video;
    }

    /**
     * Runs both paths against one server.
     *
     * @param connects warm connections per path after the first
     * @param seconds  playing time per path for the send-to-shown figures
     * @param switches switches per path, each on a fresh session: 480p to the top rung, then back to 480p
     */
    public List<PathResult> run(int connects, double seconds, int switches, Consumer<String> progress)
            throws IOException, InterruptedException {
        ServerConfig config = ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress());
        List<PathResult> results = new ArrayList<>();
        try (StreamingServer server = new StreamingServer(config, identity, catalog, ServerListener.NONE)) {
            server.start();
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            ClientConfig direct = ClientConfig.of("127.0.0.1", server.port(), ServerVerifier.pinned(server.fingerprint()))
                    .withReconnect(false).withClientName("bench latency");
            results.add(path("loopback", direct, connects, seconds, switches, progress));
            NetworkProfile profile = new NetworkProfile("delay " + EMULATED_ONE_WAY_DELAY_MILLIS + " ms",
                    CapacityTrace.constant("1 Gbit/s", EMULATED_BITS_PER_SECOND),
                    Duration.ofMillis(EMULATED_ONE_WAY_DELAY_MILLIS), EMULATED_QUEUE_BYTES, Duration.ZERO);
            try (EmulatedLink link = NetworkLab.start(address, profile)) {
                results.add(path("network lab, " + EMULATED_ONE_WAY_DELAY_MILLIS + " ms each way",
                        direct.via(link.localAddress()), connects, seconds, switches, progress));
            }
        }
        return results;
    }

    private PathResult path(String name, ClientConfig config, int connects, double seconds, int switches,
                            Consumer<String> progress) throws IOException, InterruptedException {
        double cold = connectToFirstFrame(config);
        progress.accept(name + ": first connection to first frame " + Math.round(cold) + " ms");
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < connects; i++) {
            warm.add(connectToFirstFrame(config));
        }
        progress.accept(name + ": warm connections to first frame " + warm.stream().map(Math::round).toList() + " ms");
        List<Double> switchMillis = new ArrayList<>();
        List<Double> switchDownMillis = new ArrayList<>();
        for (int i = 0; i < switches; i++) {
            double[] upAndDown = switchToFirstFrame(config, i);
            switchMillis.add(upAndDown[0]);
            switchDownMillis.add(upAndDown[1]);
        }
        progress.accept(name + ": switches up " + switchMillis.stream().map(Math::round).toList() + " ms");
        progress.accept(name + ": switches down " + switchDownMillis.stream().map(Math::round).toList() + " ms");
        try (StreamingClient client = StreamingClient.connect(config, ClientListener.NONE)) {
            VideoInfo info = find(client);
            Rung top = info.renditions().get(info.renditions().size() - 1).rung();
            client.adaptation().lock(top);
            client.play(info, top, true, FrameSink.DISCARD);
            Thread.sleep(1_000);
            long playStart = System.nanoTime();
            Thread.sleep(Math.round(seconds * 1000));
            double playedFrom = client.sessionSeconds() - (System.nanoTime() - playStart) / 1e9;
            List<Double> sendToShown = new ArrayList<>();
            TimeSeries.Points points = client.metrics().series(Metric.SEND_TO_SHOWN).since(playedFrom);
            for (int i = 0; i < points.size(); i++) {
                sendToShown.add(points.value(i));
            }
            PathResult result = new PathResult(name, cold, warm, switchMillis, switchDownMillis,
                    Percentiles.of(sendToShown), client.metrics().summary().stalledSeconds(),
                    client.metrics().framesDropped());
            progress.accept(name + ": done");
            return result;
        }
    }

    /**
     * One switch from 480p to the top rung on a fresh session, then one back down to 480p; returns
     * both latencies. The control loop decides on a fixed period from connect and the server's
     * GOPs run on their own fixed period from PLAY, so within one session every decision meets
     * the GOP at the same phase (or two, 250 ms apart). A new session, whose PLAY comes a varied
     * time after connect, samples the phase within the GOP fairly.
     */
    private double[] switchToFirstFrame(ClientConfig config, int attempt) throws IOException, InterruptedException {
        try (StreamingClient client = StreamingClient.connect(config, ClientListener.NONE)) {
            VideoInfo info = find(client);
            Rung top = info.renditions().get(info.renditions().size() - 1).rung();
            long gopMillis = Math.round(info.gopFrames() * 1000 / info.framesPerSecond());
            client.adaptation().lock(Rung.R480P);
            // The server's GOPs start at PLAY and the control loop's ticks at connect: vary the
            // gap between them so each attempt meets the GOP at another phase.
            Thread.sleep((attempt * 173L) % gopMillis);
            client.play(info, Rung.R480P, true, FrameSink.DISCARD);
            // Lock at a varied point of the GOP too: locking a whole number of GOPs after PLAY
            // would put every decision (the next tick, within 250 ms) in a GOP's first half.
            Thread.sleep(1_000 + (attempt * 137L) % gopMillis);
            client.adaptation().lock(top);
            double up = awaitSwitch(client, 1);
            Thread.sleep(700 + (attempt * 89L) % gopMillis);
            client.adaptation().lock(Rung.R480P);
            double down = awaitSwitch(client, 2);
            return new double[] {up, down};
        }
    }

    private static double awaitSwitch(StreamingClient client, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FIRST_FRAME_TIMEOUT_MILLIS * 1_000_000;
        while (client.switchLatenciesMillis().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no frame of the new rung within " + FIRST_FRAME_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(1);
        }
        return client.switchLatenciesMillis().get(count - 1);
    }

    private double connectToFirstFrame(ClientConfig config) throws IOException, InterruptedException {
        try (StreamingClient client = StreamingClient.connect(config, ClientListener.NONE)) {
            VideoInfo info = find(client);
            client.play(info, Rung.R1080P, false, FrameSink.DISCARD);
            long deadline = System.nanoTime() + FIRST_FRAME_TIMEOUT_MILLIS * 1_000_000;
            while (client.connectToFirstFrameMillis().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("no frame within " + FIRST_FRAME_TIMEOUT_MILLIS + " ms");
                }
                Thread.sleep(1);
            }
            return client.connectToFirstFrameMillis().getAsDouble();
        }
    }

    private VideoInfo find(StreamingClient client) throws IOException {
        return client.catalog().stream().filter(v -> v.id().equals(video)).findFirst()
                .orElseThrow(() -> new IOException("no video '" + video + "' on the server"));
    }

    static String describe(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }
}
