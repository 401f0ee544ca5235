package org.adaptivestream.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.adaptation.Decision;
import org.adaptivestream.adaptation.FreezeShare;
import org.adaptivestream.adaptation.InFlightVideo;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.adaptation.PolicyInput;
import org.adaptivestream.adaptation.StarvationClock;
import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.adaptivestream.adaptation.estimate.LinkEstimators;
import org.adaptivestream.media.Rung;
import org.adaptivestream.trace.CapacityTrace;

/**
 * The streaming loop, simulated deterministically at GOP granularity. The physics are
 * {@link StreamingModel}'s; on top the simulator replays what the client would measure, in
 * time order, through the real {@link LinkEstimators}, fed as the real client feeds them:
 *
 * <ul>
 *   <li>every frame's arrival, as it crossed the model's FIFO link ({@link
 *       LinkEstimators#onWholeFrame}: delay, jitter, throughput, and the busy-time trains and
 *       dead-spell filter behind the capacity estimate);</li>
 *   <li>two pongs per GOP (every 250 ms at the default GOP), each delayed by the queue it
 *       waited behind.</li>
 * </ul>
 * Fed a keyframe's crossing alone, the simulated estimate missed what the client's trains
 * show: a stream that fills the link at 1080p reads it as its trains do, one far below it as
 * its small frames do, and a slow train after a fast link is held back by the dead-spell filter
 * until the next one tells a stop from a slowdown (docs/ADAPTATION-LOG.md, "The simulator measures
 * as the client does").
 *
 * <p>The policy decides every {@link #DECISION_PERIOD_SECONDS}, as the client's control loop
 * does, half a period off the GOP boundaries (the client's timer starts when it connects, not
 * with the stream). A request reaches the server half a base RTT after the decision. Mid-GOP the server
 * switches at once when it would ({@link StreamingModel#switchesAtOnce}), once per GOP;
 * otherwise the request applies from the next GOP released after it. A policy's request to drop
 * a GOP ({@link Decision#dropNextGop}) reaches the server the same way, and the first GOP
 * released after it is not sent; the simulated client decides on the same in-flight estimate
 * and starvation clock as the real one. The client starts at the lowest rung. Same inputs, same
 * result.
 */
public final class Simulator implements SessionRunner {

    /** {@code StreamingClient.CONTROL_PERIOD_MILLIS}: how often the client asks its policy. */
    public static final double DECISION_PERIOD_SECONDS = 0.25;

    private final SimulationConfig config;
    private final Ladder ladder;
    private final GopSizes sizes;

    public Simulator(SimulationConfig config, Ladder ladder, GopSizes sizes) {
        this.config = config;
        this.ladder = ladder;
        this.sizes = sizes;
    }

    /** The default model: nominal ladder and GOP sizes. */
    public static Simulator withDefaults(SimulationConfig config) {
        Ladder ladder = Ladder.nominal();
        return new Simulator(config, ladder, NominalGopSizes.of(ladder, config));
    }

    @Override
    public String mode() {
        return "sim";
    }

    public StreamingModel model(CapacityTrace trace) {
        return new StreamingModel(trace, config, sizes, ladder);
    }

    public SimulationConfig config() {
        return config;
    }

    public Ladder ladder() {
        return ladder;
    }

    @Override
    public SessionResult run(AdaptationPolicy policy, CapacityTrace trace) {
        return run(policy, model(trace));
    }

    public SessionResult run(AdaptationPolicy policy, StreamingModel model) {
        return new Session(policy, model).run();
    }

    /** Streams a fixed rung per GOP (the optimum's plan; {@code null} skips a GOP), scored by the same model. */
    public static SessionResult replay(String name, List<Rung> plan, StreamingModel model) {
        List<GopOutcome> gops = new ArrayList<>(plan.size());
        StreamState state = StreamState.START;
        for (int k = 0; k < plan.size(); k++) {
            Rung rung = plan.get(k);
            GopOutcome g = rung == null ? model.skip(state, k) : model.step(state, k, rung);
            gops.add(g);
            state = g.next();
        }
        return new SessionResult(name, model.trace().name(), gops, List.of(),
                SessionMetrics.of(gops, model.qoe().ladder(), model.config().gopSeconds()));
    }

    /**
     * What happens at the client: a GOP's keyframe, a frame after it (its last one apart), a
     * switch's catch-up keyframe and the frames sent with it, the GOP's last frame, a pong, or
     * its control loop's tick.
     */
    private enum Kind { KEYFRAME, FRAME, CATCH_UP_KEYFRAME, CATCH_UP_FRAMES, LAST_FRAME, PONG, TICK }

    /**
     * @param sendSeconds when what arrives was sent
     * @param bits        how much arrives, where the GOP's outcome does not tell
     * @param value       the pong's round trip
     */
    private record Event(double timeSeconds, long sequence, Kind kind, GopOutcome gop, double sendSeconds, double bits,
            double value) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Double.compare(timeSeconds, o.timeSeconds);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    /** One run's mutable state: the client's view, built only from events it has seen. */
    private final class Session {
        private final AdaptationPolicy policy;
        private final StreamingModel model;
        private final LinkEstimators estimators = new LinkEstimators();
        private final PriorityQueue<Event> events = new PriorityQueue<>();
        private final List<SwitchRequest> requests = new ArrayList<>();
        private final List<GopOutcome> gops = new ArrayList<>();
        private StreamState beforeCurrent = StreamState.START;
        private long sequence;
        private Rung requested = Rung.lowest();
        private Rung arriving = Rung.lowest();
        private boolean anyArrived;
        /** The send time of the newest frame that has arrived: what the playout can show next. */
        private double newestSendSeconds;
        private OptionalDouble lastStallEnd = OptionalDouble.empty();
        private OptionalDouble lastSwitch = OptionalDouble.empty();
        private final StarvationClock starvation = new StarvationClock();
        private final FreezeShare freezes = new FreezeShare();
        private final InFlightVideo inFlight = new InFlightVideo();
        /** When the client's request to drop a GOP reaches the server; infinite when none is on its way. */
        private double dropReachesServerSeconds = Double.POSITIVE_INFINITY;

        Session(AdaptationPolicy policy, StreamingModel model) {
            this.policy = policy;
            this.model = model;
        }

        SessionResult run() {
            double owd = config.oneWayDelaySeconds();
            decide(0);
            double end = model.gopCount() * config.gopSeconds();
            for (double tick = DECISION_PERIOD_SECONDS / 2; tick < end; tick += DECISION_PERIOD_SECONDS) {
                add(tick, Kind.TICK, null, tick, 0, 0);
            }
            StreamState state = StreamState.START;
            for (int k = 0; k < model.gopCount(); k++) {
                double release = model.releaseSeconds(k);
                while (!events.isEmpty() && events.peek().timeSeconds() <= release - owd) {
                    handle(events.poll());
                }
                if (!gops.isEmpty()) {
                    state = gops.get(gops.size() - 1).next();
                }
                boolean dropped = dropReachesServerSeconds <= release;
                if (dropped) {
                    dropReachesServerSeconds = Double.POSITIVE_INFINITY;
                }
                GopOutcome g = model.mustSkip(state, k) || dropped ? model.skip(state, k) : model.step(state, k, requested);
                gops.add(g);
                beforeCurrent = state;
                if (!g.skipped()) {
                    schedule(g);
                }
            }
            return new SessionResult(policy.name(), model.trace().name(), gops, requests,
                    SessionMetrics.of(gops, ladder, config.gopSeconds()));
        }

        private void schedule(GopOutcome g) {
            double owd = config.oneWayDelaySeconds();
            add(g.keyframeEndSeconds() + owd, Kind.KEYFRAME, g, g.releaseSeconds(), 0, 0);
            addPredictedFrames(g);
            add(g.lastEndSeconds() + owd, Kind.LAST_FRAME, g, g.lastReleaseSeconds(), 0, 0);
            // Pongs queue behind the video sent before them; one mid-GOP, one at its end.
            double mid = g.releaseSeconds() + config.gopSeconds() / 2;
            int framesByMid = (int) Math.floor(config.gopSeconds() / 2 * config.framesPerSecond());
            double predictedBits = g.size().frameBits(config.framesPerGop());
            double midBusy = Math.max(mid, model.trace().finishTime(g.keyframeStartSeconds(),
                    g.size().keyframeBits() + framesByMid * predictedBits));
            addPong(g, mid, midBusy);
            double end = g.releaseSeconds() + config.gopSeconds();
            addPong(g, end, Math.max(end, g.lastEndSeconds()));
        }

        /**
         * The GOP's predicted frames but its last, each crossing the FIFO link once released and
         * once the one before it has crossed.
         */
        private void addPredictedFrames(GopOutcome g) {
            double frameSeconds = 1 / config.framesPerSecond();
            double bits = g.size().frameBits(config.framesPerGop());
            double crossed = g.keyframeEndSeconds();
            for (int j = 1; j < config.framesPerGop() - 1; j++) {
                double release = g.releaseSeconds() + j * frameSeconds;
                crossed = model.trace().finishTime(Math.max(release, crossed), bits);
                add(crossed + config.oneWayDelaySeconds(), Kind.FRAME, g, release, bits, 0);
            }
        }

        /** A pong sent at {@code sent} waits until the link has carried what was sent before it. */
        private void addPong(GopOutcome g, double sent, double busyUntil) {
            double queued = Math.max(sent, busyUntil);
            add(queued + config.oneWayDelaySeconds(), Kind.PONG, g, sent, 0, config.baseRttSeconds() + (queued - sent));
        }

        /**
         * The server switches the GOP it is streaming: what it had sent still arrives, the rest of
         * the GOP's events give way to the switched GOP's.
         */
        private void switchCurrentGop(double atSeconds) {
            GopOutcome planned = gops.get(gops.size() - 1);
            MidGopSwitch sw = model.switchAtOnce(beforeCurrent, planned, atSeconds, requested);
            GopOutcome g = sw.gop();
            gops.set(gops.size() - 1, g);
            events.removeIf(e -> e.gop() == planned && (e.kind() == Kind.LAST_FRAME
                    || (e.kind() == Kind.FRAME || e.kind() == Kind.PONG) && e.sendSeconds() > atSeconds));
            double owd = config.oneWayDelaySeconds();
            add(sw.catchUpKeyEndSeconds() + owd, Kind.CATCH_UP_KEYFRAME, g, atSeconds, g.size().keyframeBits(), 0);
            // Then the new rung's frames up to the switch in one burst, and those after it in time.
            double[] releases = sw.itemReleases();
            double[] crossed = sw.itemDepartures();
            double frameBits = g.size().frameBits(config.framesPerGop());
            int burst = sw.framesBefore() + 1;
            if (sw.framesBefore() > 1) {
                add(crossed[burst] + owd, Kind.CATCH_UP_FRAMES, g, releases[burst], (sw.framesBefore() - 1) * frameBits, 0);
            }
            for (int i = burst + 1; i < releases.length - 1; i++) {
                add(crossed[i] + owd, Kind.FRAME, g, releases[i], frameBits, 0);
            }
            add(g.lastEndSeconds() + owd, Kind.LAST_FRAME, g, g.lastReleaseSeconds(), 0, 0);
            double mid = g.releaseSeconds() + config.gopSeconds() / 2;
            if (mid > atSeconds) {
                addPong(g, mid, sw.drainedOfSentBy(mid));
            }
            double end = g.releaseSeconds() + config.gopSeconds();
            addPong(g, end, sw.drainedOfSentBy(end));
        }

        private void add(double time, Kind kind, GopOutcome g, double sendSeconds, double bits, double value) {
            events.add(new Event(time, sequence++, kind, g, sendSeconds, bits, value));
        }

        /** Feeds the estimators what arrived; the policy is asked only on the control loop's tick. */
        private void handle(Event e) {
            GopOutcome g = e.gop();
            double t = e.timeSeconds();
            switch (e.kind()) {
                case KEYFRAME -> {
                    estimators.onWholeFrame(g.releaseSeconds(), t, g.size().keyframeBits());
                    arrived(g.releaseSeconds(), g.keyframeDelaySeconds(), t);
                    if (g.rung() != arriving) {
                        arriving = g.rung();
                        lastSwitch = OptionalDouble.of(t);
                    }
                }
                case FRAME -> {
                    estimators.onWholeFrame(e.sendSeconds(), t, e.bits());
                    arrived(e.sendSeconds(), t - e.sendSeconds(), t);
                }
                case CATCH_UP_KEYFRAME -> {
                    // Not shown (its instant was shown in the old rung), so it moves no playout.
                    estimators.onWholeFrame(e.sendSeconds(), t, e.bits());
                    inFlight.arrived(e.sendSeconds());
                    arriving = g.rung();
                    lastSwitch = OptionalDouble.of(t);
                }
                // The frames up to the switch, shown in the old rung too.
                case CATCH_UP_FRAMES -> estimators.onWholeFrame(e.sendSeconds(), t, e.bits());
                case LAST_FRAME -> {
                    estimators.onWholeFrame(g.lastReleaseSeconds(), t, g.size().frameBits(config.framesPerGop()));
                    arrived(g.lastReleaseSeconds(), g.lastDelaySeconds(), t);
                }
                case PONG -> estimators.onPong(t, e.value());
                case TICK -> decide(t);
            }
        }

        private void arrived(double sendSeconds, double delaySeconds, double t) {
            anyArrived = true;
            newestSendSeconds = Math.max(newestSendSeconds, sendSeconds);
            inFlight.arrived(sendSeconds);
            if (delaySeconds > config.playoutLatencySeconds()) {
                lastStallEnd = OptionalDouble.of(t);
            }
        }

        private void decide(double t) {
            double dueSeconds = newestSendSeconds + config.playoutLatencySeconds();
            double buffer = anyArrived ? Math.max(0, dueSeconds - t) : 0;
            boolean stalled = anyArrived && dueSeconds < t;
            LinkEstimates estimates = estimators.snapshot(t);
            double oneWay = estimates.rttMinSeconds().orElse(0) / 2;
            double inFlightSeconds = inFlight.seconds(t, oneWay);
            // This client keeps its fixed delay through a stall, so it has no lateness to absorb.
            PolicyInput input = new PolicyInput(t, estimates, buffer, config.targetDelaySeconds(), 0, inFlightSeconds,
                    starvation.update(t, estimates, ladder), freezes.update(t, stalled, inFlightSeconds, lastSwitch),
                    stalled, lastStallEnd, arriving, requested, ladder, lastSwitch);
            Decision d = policy.decide(input);
            if (d.dropNextGop()) {
                // A second request before the drop is made still drops one GOP, as on the real server.
                dropReachesServerSeconds = Math.min(dropReachesServerSeconds, t + config.oneWayDelaySeconds());
                inFlight.dropAsked(t, oneWay, config.gopSeconds());
            }
            if (d.rung() != requested) {
                requested = d.rung();
                requests.add(new SwitchRequest(t, d.rung(), d.reason()));
                double atServer = t + config.oneWayDelaySeconds();
                if (!gops.isEmpty() && model.switchesAtOnce(gops.get(gops.size() - 1), atServer, requested)) {
                    switchCurrentGop(atServer);
                }
            }
        }
    }
}
