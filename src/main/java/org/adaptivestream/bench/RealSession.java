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
import org.adaptivestream.metrics.StallDetector;
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

    /** Time to the first frame that is not counted as frozen: connecting and the first keyframe. */
    static final double STARTUP_GRACE_SECONDS = 1.0;

    /** What the viewer got in one GOP-long window of playback. */
    public record Window(Rung rung, double stallSeconds) {
    }

    /** A stretch of session time (client clock) in which the picture was frozen. */
    public record Frozen(double fromSeconds, double toSeconds) {
    }

    /** A finished session; {@code playSeconds} is when play was asked, on the client's session clock. */
    public record Outcome(String policy, String profile, List<Window> windows, int switches, double longestStallSeconds,
                          double p95RttMillis, double meanSendToShownMillis, double p95SendToShownMillis,
                          MetricsSummary summary, double playSeconds, List<Frozen> frozen) {
    }

    private RealSession() {
    }

    public static Outcome run(InetSocketAddress server, CertificateFingerprint pin, VideoInfo video,
                              AdaptationPolicy policy, NetworkProfile profile, Duration targetDelay, TraceClock clock,
                              double seconds, double windowSeconds) throws IOException, InterruptedException {
        List<double[]> frames = new CopyOnWriteArrayList<>();
        try (EmulatedLink link = NetworkLab.start(server, profile, clock)) {
            ClientConfig config = ClientConfig.of(server.getHostString(), server.getPort(), ServerVerifier.pinned(pin))
                    .via(link.localAddress()).withReconnect(false).withClientName("bench " + policy.name())
                    .withTargetDelay(targetDelay);
            try (StreamingClient client = StreamingClient.connect(config, ClientListener.NONE)) {
                client.adaptation().usePolicy(policy);
                double start = client.sessionSeconds();
                client.play(video, Rung.R480P, true,
                        frame -> frames.add(new double[] {client.sessionSeconds(), frame.height()}));
                Thread.sleep(Math.round(seconds * 1000));
                double end = client.sessionSeconds();
                return outcome(policy.name(), profile.name(), client.metrics(), frames, start, end,
                        1e6 / video.framesPerSecond(), windowSeconds);
            }
        }
    }

    /**
     * Cuts the session into GOP-long windows, from the first frame (or {@link #STARTUP_GRACE_SECONDS}
     * after play, if nothing came by then) to the end. The picture is frozen wherever shown frames
     * are further apart than the stall detector allows, before the first and after the last
     * included, so a stream that never starts or stops for good scores its frozen time.
     */
    static Outcome outcome(String policy, String profile, SessionMetrics metrics, List<double[]> frames,
                           double playSeconds, double endSeconds, double frameMicros, double windowSeconds) {
        double frame = frameMicros / 1e6;
        double threshold = new StallDetector(Math.round(frameMicros)).thresholdMicros() / 1e6;
        double from = frames.isEmpty() ? playSeconds + STARTUP_GRACE_SECONDS
                : Math.min(frames.get(0)[0], playSeconds + STARTUP_GRACE_SECONDS);
        List<Frozen> frozen = new ArrayList<>();
        double previous = from - frame;
        for (double[] f : frames) {
            noteFrozen(frozen, previous, f[0], frame, threshold);
            previous = Math.max(previous, f[0]);
        }
        noteFrozen(frozen, previous, endSeconds + frame, frame, threshold);

        List<Window> windows = new ArrayList<>();
        int count = (int) Math.floor((endSeconds - from) / windowSeconds);
        int f = 0;
        Rung last = frames.isEmpty() ? Rung.lowest() : rungOfHeight(frames.get(0)[1]);
        for (int w = 0; w < count; w++) {
            double windowStart = from + w * windowSeconds;
            double windowEnd = windowStart + windowSeconds;
            int[] shown = new int[Rung.values().length];
            while (f < frames.size() && frames.get(f)[0] < windowEnd) {
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
            for (Frozen interval : frozen) {
                stalled += Math.max(0, Math.min(windowEnd, interval.toSeconds()) - Math.max(windowStart, interval.fromSeconds()));
            }
            windows.add(new Window(rung, stalled));
        }
        int switches = 0;
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).rung() != windows.get(i - 1).rung()) {
                switches++;
            }
        }
        double longest = frozen.stream().mapToDouble(i -> i.toSeconds() - i.fromSeconds()).max().orElse(0);
        return new Outcome(policy, profile, windows, switches, longest,
                metrics.series(Metric.RTT).all().percentile(95), metrics.series(Metric.SEND_TO_SHOWN).all().mean(),
                metrics.series(Metric.SEND_TO_SHOWN).all().percentile(95), metrics.summary(), playSeconds,
                List.copyOf(frozen));
    }

    /** A gap between frames shown at {@code before} and {@code after} freezes the picture if it is a stall. */
    private static void noteFrozen(List<Frozen> frozen, double before, double after, double frame, double threshold) {
        if (after - before >= threshold) {
            // The later frame was due one frame after the earlier: the rest is frozen time.
            frozen.add(new Frozen(before + frame, after));
        }
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
