package org.adaptivestream.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.evaluation.QoeFormula;
import org.adaptivestream.evaluation.SessionMetrics;
import org.adaptivestream.evaluation.SessionResult;
import org.adaptivestream.evaluation.SessionRunner;
import org.adaptivestream.media.Rung;
import org.adaptivestream.netlab.TraceClock;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.CertificateFingerprint;
import org.adaptivestream.trace.CapacityTrace;

/**
 * Sessions for real: the real client, decoding, through the network lab replaying the trace,
 * against a running server, in real time for a fixed number of seconds. What the viewer saw is
 * scored GOP window by GOP window with the same {@link QoeFormula} as the simulator; latency is
 * the measured send-to-shown time. Sessions are independent, so several may run at once.
 */
public final class RealSessionRunner implements SessionRunner {

    /** The bottleneck queue of the emulated link: about 200 ms at 4 Mbit/s, like a cellular buffer. */
    public static final int QUEUE_BYTES = 100_000;

    private final InetSocketAddress server;
    private final CertificateFingerprint pin;
    private final VideoInfo video;
    private final double seconds;
    private final double gopSeconds;
    private final Duration oneWayDelay;
    private final Duration targetDelay;

    /** @param targetDelay the client's most playout delay, as the simulator's target delay */
    public RealSessionRunner(InetSocketAddress server, CertificateFingerprint pin, VideoInfo video, double seconds,
            double gopSeconds, Duration oneWayDelay, Duration targetDelay) {
        this.server = server;
        this.pin = pin;
        this.video = video;
        this.seconds = seconds;
        this.gopSeconds = gopSeconds;
        this.oneWayDelay = oneWayDelay;
        this.targetDelay = targetDelay;
    }

    @Override
    public String mode() {
        return "real";
    }

    @Override
    public SessionResult run(AdaptationPolicy policy, CapacityTrace trace) {
        RealSession.Outcome outcome;
        try {
            outcome = RealSession.run(server, pin, video, policy, RealSession.profileFor(trace, oneWayDelay, QUEUE_BYTES),
                    targetDelay, TraceClock.startingNow(), seconds, gopSeconds);
        } catch (IOException e) {
            throw new IllegalStateException("real session " + policy.name() + " on " + trace.name() + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new SessionResult(policy.name(), trace.name(), List.of(), List.of(), score(outcome, Ladder.nominal(), gopSeconds));
    }

    static SessionMetrics score(RealSession.Outcome outcome, Ladder ladder, double gopSeconds) {
        QoeFormula qoe = new QoeFormula(ladder);
        double total = 0;
        double stall = 0;
        double bitrate = 0;
        Rung previous = null;
        for (RealSession.Window w : outcome.windows()) {
            double frozen = Math.min(gopSeconds, w.stallSeconds());
            total += qoe.gop(previous, w.rung(), gopSeconds, frozen);
            stall += frozen;
            bitrate += ladder.megabitsPerSecond(w.rung());
            previous = w.rung();
        }
        int n = outcome.windows().size();
        double media = Math.max(n * gopSeconds, gopSeconds);
        return new SessionMetrics(total, media, stall, n == 0 ? 0 : bitrate / n, stall / media, outcome.switches(),
                outcome.switches() / (media / 60), outcome.meanSendToShownMillis() / 1000,
                outcome.p95SendToShownMillis() / 1000, outcome.longestStallSeconds());
    }
}
