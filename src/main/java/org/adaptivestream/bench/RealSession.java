package org.adaptivestream.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.MetricsSummary;
import org.adaptivestream.metrics.SessionMetrics;
import org.adaptivestream.netlab.EmulatedLink;
import org.adaptivestream.netlab.NetworkLab;
import org.adaptivestream.netlab.NetworkProfile;
import org.adaptivestream.netlab.TraceClock;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.CertificateFingerprint;
import org.adaptivestream.security.ServerVerifier;

/**
 * One real session for benchmarks: the real client, decoding, through the network lab on a
 * profile, against a running server, for a fixed time. What the viewer saw is cut into GOP-long
 * windows (rung shown, stall time) so it can be scored like a simulated session.
 */
public final class RealSession {

    /** What the viewer got in one GOP-long window of playback. */
    public record Window(Rung rung, double stallSeconds) {
    }

    /** A finished session. */
    public record Outcome(String policy, String profile, List<Window> windows, int switches, double longestStallSeconds,
                          double p95RttMillis, double meanSendToShownMillis, double p95SendToShownMillis,
                          MetricsSummary summary) {
    }

    private RealSession() {
    }

    public static Outcome run(InetSocketAddress server, CertificateFingerprint pin, VideoInfo video,
                              AdaptationPolicy policy, NetworkProfile profile, Duration targetDelay, TraceClock clock, double seconds,
                              double windowSeconds) throws IOException, InterruptedException {
        List<double[]> frames = new CopyOnWriteArrayList<>();
        try (EmulatedLink link = NetworkLab.start(server, profile, clock)) {
            ClientConfig config = ClientConfig.of(server.getHostString(), server.getPort(), ServerVerifier.pinned(pin))
                    .via(link.localAddress()).withReconnect(false).withClientName("bench " + policy.name())
                    .withTargetDelay(targetDelay);
            try (StreamingClient client = StreamingClient.connect(config, ClientListener.NONE)) {
                client.adaptation().usePolicy(policy);
                client.play(video, Rung.R480P, true,
                        frame -> frames.add(new double[] {client.sessionSeconds(), frame.height()}));
                Thread.sleep(Math.round(seconds * 1000));
                return outcome(policy.name(), profile.name(), client.metrics(), frames, seconds, windowSeconds);
            }
        }
    }

    static Outcome outcome(String policy, String profile, SessionMetrics metrics, List<double[]> frames,
                           double seconds, double windowSeconds) {
        List<Window> windows = new ArrayList<>();
        if (!frames.isEmpty()) {
            double start = frames.get(0)[0];
            int count = (int) Math.floor((frames.get(frames.size() - 1)[0] - start) / windowSeconds);
            int f = 0;
            Rung last = rungOfHeight(frames.get(0)[1]);
            for (int w = 0; w < count; w++) {
                double from = start + w * windowSeconds;
                double to = from + windowSeconds;
                int[] shown = new int[Rung.values().length];
                while (f < frames.size() && frames.get(f)[0] < to) {
                    shown[rungOfHeight(frames.get(f)[1]).ordinal()]++;
                    f++;
                }
                Rung rung = last;
                int most = 0;
                for (Rung r : Rung.values()) {
                    if (shown[r.ordinal()] > most) {
                        most = shown[r.ordinal()];
                        rung = r;
                    }
                }
                last = rung;
                double stalled = 0;
                for (SessionMetrics.Stall stall : metrics.stallLog()) {
                    double stallStart = stall.endSeconds() - stall.seconds();
                    stalled += Math.max(0, Math.min(to, stall.endSeconds()) - Math.max(from, stallStart));
                }
                windows.add(new Window(rung, stalled));
            }
        }
        int switches = 0;
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).rung() != windows.get(i - 1).rung()) {
                switches++;
            }
        }
        MetricsSummary summary = metrics.summary();
        return new Outcome(policy, profile, windows, switches, summary.longestStallSeconds(),
                metrics.series(Metric.RTT).all().percentile(95), metrics.series(Metric.SEND_TO_SHOWN).all().mean(),
                metrics.series(Metric.SEND_TO_SHOWN).all().percentile(95), summary);
    }

    private static Rung rungOfHeight(double height) {
        Rung best = Rung.lowest();
        for (Rung rung : Rung.values()) {
            if (Math.abs(rung.height() - height) < Math.abs(best.height() - height)) {
                best = rung;
            }
        }
        return best;
    }

    /** A profile that replays {@code trace} with the given delay and a bottleneck queue. */
    public static NetworkProfile profileFor(org.adaptivestream.trace.CapacityTrace trace, Duration oneWayDelay, int queueBytes) {
        return new NetworkProfile(trace.name(), trace, oneWayDelay, queueBytes, Duration.ZERO);
    }
}
