package org.adaptivestream.evaluation;

import java.util.Arrays;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.adaptation.Lateness;
import org.adaptivestream.media.Rung;
import org.adaptivestream.trace.CapacityTrace;

/**
 * The physics of one session at GOP granularity, shared by the simulator and the offline
 * optimum so both score a given rung sequence identically.
 *
 * <p>The bottleneck is a fluid FIFO with the trace's capacity. GOP {@code k} is released at
 * {@code k × gop}: its keyframe at once, its other frames one per frame interval (the server
 * paces in real time). The last bit of the GOP leaves at the latest of: the whole GOP sent
 * back to back from when the keyframe could start, and every suffix of its predicted frames
 * sent back to back from that frame's release (the exact FIFO departure formula, which
 * depends on the queue only through the first term, so the rest is computed once per GOP and
 * rung).
 *
 * <p>Playout latency is fixed: every frame is due on screen {@link
 * SimulationConfig#playoutLatencySeconds()} after its send. A frame that arrives later is
 * dropped and the picture freezes on the last frame shown; the freeze is the stall. A fixed
 * latency is what a live, low-latency viewer wants, and it keeps the model honest: a player
 * that stalls gains no buffer from it, so stalling never pays off later (in a model whose
 * latency grows with each stall, the offline optimum stalls on purpose to build a buffer).
 */
public final class StreamingModel {

    /** {@code PlaybackCursor.MAX_KEYFRAME_WAIT_MICROS}: a keyframe due within this is near enough to wait for. */
    public static final double MAX_KEYFRAME_WAIT_SECONDS = 0.350;

    private final CapacityTrace trace;
    private final SimulationConfig config;
    private final GopSizes sizes;
    private final QoeFormula qoe;
    private final int gopCount;
    private final double[][] selfPacedEnd;

    public StreamingModel(CapacityTrace trace, SimulationConfig config, GopSizes sizes, Ladder ladder) {
        this.trace = trace;
        this.config = config;
        this.sizes = sizes;
        this.qoe = new QoeFormula(ladder);
        this.gopCount = config.gopCount(trace.periodSeconds());
        this.selfPacedEnd = new double[Rung.values().length][gopCount];
        for (double[] row : selfPacedEnd) {
            Arrays.fill(row, Double.NaN);
        }
    }

    public int gopCount() {
        return gopCount;
    }

    public SimulationConfig config() {
        return config;
    }

    public CapacityTrace trace() {
        return trace;
    }

    public QoeFormula qoe() {
        return qoe;
    }

    public double releaseSeconds(int gopIndex) {
        return gopIndex * config.gopSeconds();
    }

    /** Whether the server, too far behind, skips GOP {@code k} (see {@link SimulationConfig#maxLagSeconds()}). */
    public boolean mustSkip(StreamState state, int k) {
        return state.busyUntilSeconds() - releaseSeconds(k) > config.maxLagSeconds();
    }

    /** GOP {@code k} not sent: nothing crosses the link, the picture stays frozen for all of it. */
    public GopOutcome skip(StreamState state, int k) {
        Rung shown = state.previousRung() != null ? state.previousRung() : Rung.lowest();
        double release = releaseSeconds(k);
        double gop = config.gopSeconds();
        double lastRelease = release + (config.framesPerGop() - 1) / config.framesPerSecond();
        return new GopOutcome(k, shown, true, sizes.size(k, shown), release, release, release, lastRelease, release,
                Double.NaN, Double.NaN, gop, qoe.gop(shown, shown, gop, gop), state, shown, 0);
    }

    /** Streams GOP {@code k} at {@code rung} from {@code state}. */
    public GopOutcome step(StreamState state, int k, Rung rung) {
        GopSize size = sizes.size(k, rung);
        int frames = config.framesPerGop();
        double frameSeconds = 1 / config.framesPerSecond();
        double release = releaseSeconds(k);
        double lastRelease = release + (frames - 1) * frameSeconds;
        double keyStart = Math.max(release, state.busyUntilSeconds());
        double keyEnd = trace.finishTime(keyStart, size.keyframeBits());
        double lastEnd = Math.max(trace.finishTime(keyStart, size.totalBits()), selfPacedEnd(k, rung, size));
        double owd = config.oneWayDelaySeconds();
        double keyDelay = keyEnd - release + owd;
        double lastDelay = lastEnd - lastRelease + owd;

        double playout = config.playoutLatencySeconds();
        double stall = config.gopSeconds() * Lateness.share(keyDelay - playout, lastDelay - playout);
        double score = qoe.gop(state.previousRung(), rung, config.gopSeconds(), stall);
        return new GopOutcome(k, rung, false, size, release, keyStart, keyEnd, lastRelease, lastEnd, keyDelay, lastDelay,
                stall, score, new StreamState(lastEnd, rung), rung, 0);
    }

    /**
     * Whether the server, asked at {@code atSeconds} for {@code to} while streaming {@code
     * planned}, switches at once (as {@code PlaybackCursor.requestRung} does): only mid-GOP,
     * with frames of the GOP still to send, and then when the next keyframe is too far to wait
     * for or the new rung's catch-up is no bigger than what the old rung still has to send.
     * Otherwise the switch waits for the next GOP.
     */
    public boolean switchesAtOnce(GopOutcome planned, double atSeconds, Rung to) {
        if (planned.skipped() || planned.switchedMidway() || to == planned.rung()) {
            return false;
        }
        int frames = config.framesPerGop();
        int sent = framesSentBy(planned, atSeconds);
        if (sent < 1 || sent >= frames) {
            return false;
        }
        double nextKeyframe = planned.releaseSeconds() + config.gopSeconds();
        if (nextKeyframe - atSeconds > MAX_KEYFRAME_WAIT_SECONDS) {
            return true;
        }
        GopSize size = sizes.size(planned.index(), to);
        double catchUp = size.keyframeBits() + (sent - 1) * size.frameBits(frames);
        return catchUp <= (frames - sent) * planned.size().frameBits(frames);
    }

    /**
     * GOP {@code planned} when the server switches to {@code to} at {@code atSeconds} (see
     * {@link #switchesAtOnce}): the old rung's frames released by then stay sent; the new
     * rung's keyframe and its frames up to then go out at once, as a catch-up the client
     * decodes but does not show; its later frames follow in real time. The frames before the
     * switch are shown in the old rung, those after it in the new one, and the switch costs
     * its penalty in this GOP. Computed frame by frame through the FIFO, since the catch-up
     * burst breaks the GOP's pacing that {@link #step} relies on.
     */
    public MidGopSwitch switchAtOnce(StreamState before, GopOutcome planned, double atSeconds, Rung to) {
        int frames = config.framesPerGop();
        double frameSeconds = 1 / config.framesPerSecond();
        double owd = config.oneWayDelaySeconds();
        double playout = config.playoutLatencySeconds();
        double release = planned.releaseSeconds();
        int sent = framesSentBy(planned, atSeconds);
        if (sent < 1 || sent >= frames) {
            throw new IllegalArgumentException("a switch at " + atSeconds + " s is not within GOP " + planned.index()
                    + " with frames still to send");
        }
        GopSize oldSize = planned.size();
        GopSize newSize = sizes.size(planned.index(), to);
        Fifo link = new Fifo(before.busyUntilSeconds(), frames + 2);
        for (int j = 0; j < sent; j++) {
            link.send(release + j * frameSeconds, j == 0 ? oldSize.keyframeBits() : oldSize.frameBits(frames));
        }
        double oldEnd = link.busy;
        double keyEnd = link.send(atSeconds, newSize.keyframeBits());
        link.send(atSeconds, (sent - 1) * newSize.frameBits(frames));
        double firstNewShown = link.send(release + sent * frameSeconds, newSize.frameBits(frames));
        for (int j = sent + 1; j < frames; j++) {
            link.send(release + j * frameSeconds, newSize.frameBits(frames));
        }
        double busy = link.busy;
        double lastRelease = release + (frames - 1) * frameSeconds;
        double keyDelay = planned.keyframeDelaySeconds();
        double oldLastDelay = oldEnd - (release + (sent - 1) * frameSeconds) + owd;
        double newFirstDelay = firstNewShown - (release + sent * frameSeconds) + owd;
        double lastDelay = busy - lastRelease + owd;
        double oldSeconds = config.gopSeconds() * sent / frames;
        double newSeconds = config.gopSeconds() - oldSeconds;
        double oldStall = oldSeconds * Lateness.share(keyDelay - playout, oldLastDelay - playout);
        double newStall = newSeconds * Lateness.share(newFirstDelay - playout, lastDelay - playout);
        double score = qoe.gop(before.previousRung(), planned.rung(), oldSeconds, oldStall)
                + qoe.gop(planned.rung(), to, newSeconds, newStall);
        GopOutcome gop = new GopOutcome(planned.index(), to, false, newSize, release, planned.keyframeStartSeconds(),
                planned.keyframeEndSeconds(), lastRelease, busy, keyDelay, lastDelay, oldStall + newStall, score,
                new StreamState(busy, to), planned.rung(), oldSeconds);
        return new MidGopSwitch(gop, sent, keyEnd, link.releases, link.departures);
    }

    /** The bottleneck taking items one after another: each starts once released and the link is free. */
    private final class Fifo {
        final double[] releases;
        final double[] departures;
        int count;
        double busy;

        Fifo(double busy, int capacity) {
            this.busy = busy;
            releases = new double[capacity];
            departures = new double[capacity];
        }

        /** Sends {@code bits} released at {@code release}; returns when its last bit has crossed. */
        double send(double release, double bits) {
            busy = trace.finishTime(Math.max(release, busy), bits);
            releases[count] = release;
            departures[count++] = busy;
            return busy;
        }
    }

    /** The frames of {@code gop} the server has released by {@code seconds}, keyframe included. */
    private int framesSentBy(GopOutcome gop, double seconds) {
        if (seconds < gop.releaseSeconds()) {
            return 0;
        }
        int released = (int) Math.floor((seconds - gop.releaseSeconds()) * config.framesPerSecond() + 1e-9) + 1;
        return Math.min(config.framesPerGop(), released);
    }

    /** When the GOP's last bit leaves if every predicted frame waits only for the ones after it. */
    private double selfPacedEnd(int k, Rung rung, GopSize size) {
        double cached = selfPacedEnd[rung.ordinal()][k];
        if (!Double.isNaN(cached)) {
            return cached;
        }
        int frames = config.framesPerGop();
        double frameSeconds = 1 / config.framesPerSecond();
        double predictedBits = size.frameBits(frames);
        double release = releaseSeconds(k);
        double end = 0;
        for (int j = 1; j < frames; j++) {
            end = Math.max(end, trace.finishTime(release + j * frameSeconds, (frames - j) * predictedBits));
        }
        selfPacedEnd[rung.ordinal()][k] = end;
        return end;
    }
}
