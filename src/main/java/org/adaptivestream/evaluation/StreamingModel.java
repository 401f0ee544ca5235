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
                Double.NaN, Double.NaN, gop, qoe.gop(shown, shown, gop, gop), state);
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
                stall, score, new StreamState(lastEnd, rung));
    }

    /** When the GOP's last bit leaves if every predicted frame waits only for the ones after it. */
    private double selfPacedEnd(int k, Rung rung, GopSize size) {
        double cached = selfPacedEnd[rung.ordinal()][k];
        if (!Double.isNaN(cached)) {
            return cached;
        }
        int frames = config.framesPerGop();
        double frameSeconds = 1 / config.framesPerSecond();
        double predictedBits = (size.totalBits() - size.keyframeBits()) / (frames - 1);
        double release = releaseSeconds(k);
        double end = 0;
        for (int j = 1; j < frames; j++) {
            end = Math.max(end, trace.finishTime(release + j * frameSeconds, (frames - j) * predictedBits));
        }
        selfPacedEnd[rung.ordinal()][k] = end;
        return end;
    }
}
