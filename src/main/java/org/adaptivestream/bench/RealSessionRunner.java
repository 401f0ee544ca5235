package org.adaptivestream.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** Where each session's {@link DecisionLog} goes; null for none. */
    private final Path decisionLogs;
    /** Sessions started per policy and trace, to number their logs when a benchmark repeats them. */
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    /**
     * @param targetDelay  the client's most playout delay, as the simulator's target delay
     * @param decisionLogs an existing folder to write each session's decisions and frozen stretches
     *                     to (see {@link DecisionLog}), or null
     */
    public RealSessionRunner(InetSocketAddress server, CertificateFingerprint pin, VideoInfo video, double seconds,
            double gopSeconds, Duration oneWayDelay, Duration targetDelay, Path decisionLogs) {
        this.server = server;
        this.pin = pin;
        this.video = video;
        this.seconds = seconds;
        this.gopSeconds = gopSeconds;
        this.oneWayDelay = oneWayDelay;
        this.targetDelay = targetDelay;
        this.decisionLogs = decisionLogs;
    }

    @Override
    public String mode() {
        return "real";
    }

    @Override
    public SessionResult run(AdaptationPolicy policy, CapacityTrace trace) {
        RealSession.Outcome outcome;
        RecordingPolicy recording = new RecordingPolicy(policy);
        try {
            outcome = RealSession.run(server, pin, video, decisionLogs == null ? policy : recording,
                    RealSession.profileFor(trace, oneWayDelay, QUEUE_BYTES), targetDelay, TraceClock.startingNow(), seconds,
                    gopSeconds);
        } catch (IOException e) {
            throw new IllegalStateException("real session " + policy.name() + " on " + trace.name() + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (decisionLogs != null) {
            writeLog(policy.name(), trace.name(), outcome, recording);
        }
        return new SessionResult(policy.name(), trace.name(), List.of(), List.of(), score(outcome, Ladder.nominal(), gopSeconds));
    }

    /** A log that cannot be written (a full disk, say) is reported, and the session still counts. */
    private void writeLog(String policy, String trace, RealSession.Outcome outcome, RecordingPolicy recording) {
        int run = runs.computeIfAbsent(policy + "\n" + trace, k -> new AtomicInteger()).incrementAndGet();
        Path file = decisionLogs.resolve(DecisionLog.fileName(policy, trace, run));
        try {
            DecisionLog.write(file, outcome.playSeconds(), recording.entries(), outcome.frozen());
        } catch (IOException e) {
            System.err.println("decision log " + file + " not written: " + e.getMessage());
        }
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
