package org.adaptivestream.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.adaptation.Decision;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.adaptation.PolicyInput;
import org.adaptivestream.adaptation.estimate.LinkEstimators;
import org.adaptivestream.media.Rung;
import org.adaptivestream.trace.CapacityTrace;

/**
 * The streaming loop, simulated deterministically at GOP granularity. The physics are
 * {@link StreamingModel}'s; on top the simulator replays what the client would measure, in
 * time order, through the real {@link LinkEstimators}, and asks the policy after each
 * measurement:
 *
 * <ul>
 *   <li>keyframe arrival: a capacity sample from its crossing time, a delay sample;</li>
 *   <li>the link's stops (see {@link #STOPPED_SHARE_OF_LOWEST_RUNG}), as the client's dead-spell
 *       filter tells them: left out of the capacity samples' busy time and reported as dead
 *       spells as the events after them arrive;</li>
 *   <li>last frame arrival: a delay sample and the GOP's remaining bits;</li>
 *   <li>two pongs per GOP (every 250 ms at the default GOP), each delayed by the queue it
 *       waited behind.</li>
 * </ul>
 * A request reaches the server half a base RTT after the decision. Mid-GOP the server
 * switches at once when it would ({@link StreamingModel#switchesAtOnce}), once per GOP;
 * otherwise the request applies from the next GOP released after it. The client starts at the
 * lowest rung. Same inputs, same result.
 */
public final class Simulator implements SessionRunner {

    /**
     * A link carrying less than this share of the lowest rung's bitrate is stopped. The real
     * client tells a stop from a slow link by the trains either side of the wait being four
     * times faster ({@code DeadSpellFilter}); here the trace says it outright. Counted as busy
     * time, the stops of a cellular trace (whole 100 ms bins without a packet) made the
     * simulated client read an LTE link as slow for seconds after it was back, where the real
     * client did not (docs/BENCHMARKS.md, "The simulator's link stops").
     */
    static final double STOPPED_SHARE_OF_LOWEST_RUNG = 0.5;

    private final SimulationConfig config;
    private final Ladder ladder;
    private final GopSizes sizes;
    private final double stoppedBelowBitsPerSecond;

    public Simulator(SimulationConfig config, Ladder ladder, GopSizes sizes) {
        this.config = config;
        this.ladder = ladder;
        this.sizes = sizes;
        this.stoppedBelowBitsPerSecond = ladder.bitsPerSecond(Rung.lowest()) * STOPPED_SHARE_OF_LOWEST_RUNG;
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
     * What the client sees arrive: a GOP's keyframe, the frames after it (all of them, or in a
     * GOP switched mid-way those before the switch), a switch's catch-up keyframe, or a pong.
     */
    private enum Kind { KEYFRAME, FRAMES_BEFORE_SWITCH, LAST_FRAME, CATCH_UP_KEYFRAME, PONG }

    /**
     * @param sendSeconds when what arrives was sent
     * @param bits        how much arrives, where the GOP's outcome does not tell
     * @param value       the frames' delivery delay, when the catch-up keyframe started crossing, or
     *                    the pong's round trip
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
        private double newestSendSeconds;
        private GopOutcome inFlight;
        private OptionalDouble lastStallEnd = OptionalDouble.empty();
        private OptionalDouble lastSwitch = OptionalDouble.empty();
        /** Link time up to which the link's stops have been reported. */
        private double stopsSeenUntil;

        Session(AdaptationPolicy policy, StreamingModel model) {
            this.policy = policy;
            this.model = model;
        }

        SessionResult run() {
            double owd = config.oneWayDelaySeconds();
            decide(0);
            StreamState state = StreamState.START;
            for (int k = 0; k < model.gopCount(); k++) {
                double release = model.releaseSeconds(k);
                while (!events.isEmpty() && events.peek().timeSeconds() <= release - owd) {
                    handle(events.poll());
                }
                if (!gops.isEmpty()) {
                    state = gops.get(gops.size() - 1).next();
                }
                GopOutcome g = model.mustSkip(state, k) ? model.skip(state, k) : model.step(state, k, requested);
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
                    || e.kind() == Kind.PONG && e.sendSeconds() > atSeconds));
            double owd = config.oneWayDelaySeconds();
            double frameSeconds = 1 / config.framesPerSecond();
            if (sw.framesBefore() > 1) {
                double lastSent = g.releaseSeconds() + (sw.framesBefore() - 1) * frameSeconds;
                double bits = (sw.framesBefore() - 1) * planned.size().frameBits(config.framesPerGop());
                add(sw.oldFramesEndSeconds() + owd, Kind.FRAMES_BEFORE_SWITCH, g, lastSent, bits,
                        sw.oldFramesEndSeconds() - lastSent + owd);
            }
            add(sw.catchUpKeyEndSeconds() + owd, Kind.CATCH_UP_KEYFRAME, g, atSeconds, g.size().keyframeBits(),
                    sw.catchUpKeyStartSeconds());
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

        private void handle(Event e) {
            GopOutcome g = e.gop();
            double t = e.timeSeconds();
            noticeStops(t);
            switch (e.kind()) {
                case KEYFRAME -> {
                    burst(t, g.size().keyframeBits(), g.keyframeStartSeconds(), g.keyframeEndSeconds());
                    estimators.onFrame(g.releaseSeconds(), t, g.size().keyframeBits());
                    arrived(g.releaseSeconds(), g.keyframeDelaySeconds(), t);
                    inFlight = g;
                    if (g.rung() != arriving) {
                        arriving = g.rung();
                        lastSwitch = OptionalDouble.of(t);
                    }
                }
                case LAST_FRAME -> {
                    estimators.onFrame(g.lastReleaseSeconds(), t, g.size().totalBits() - g.size().keyframeBits());
                    arrived(g.lastReleaseSeconds(), g.lastDelaySeconds(), t);
                    inFlight = null;
                }
                case FRAMES_BEFORE_SWITCH -> {
                    estimators.onFrame(e.sendSeconds(), t, e.bits());
                    arrived(e.sendSeconds(), e.value(), t);
                }
                case CATCH_UP_KEYFRAME -> {
                    // Not shown (its instant was shown in the old rung), so it moves no playout.
                    burst(t, e.bits(), e.value(), Math.max(e.value(), t - config.oneWayDelaySeconds()));
                    estimators.onFrame(e.sendSeconds(), t, e.bits());
                    inFlight = g;
                    arriving = g.rung();
                    lastSwitch = OptionalDouble.of(t);
                }
                case PONG -> estimators.onPong(t, e.value());
            }
            decide(t);
        }

        /** Bits that crossed the link from {@code start} to {@code end}: busy for that time less its stops. */
        private void burst(double t, double bits, double start, double end) {
            estimators.onBurst(t, bits, end - start - model.trace().secondsBelow(start, end, stoppedBelowBitsPerSecond));
        }

        /**
         * Reports how long the link was stopped since the last event. Whatever arrives now crossed
         * after the stop, so the client, which sees the wait in the frames held up by it, knows.
         */
        private void noticeStops(double t) {
            double linkNow = t - config.oneWayDelaySeconds();
            if (linkNow > stopsSeenUntil) {
                double stopped = model.trace().secondsBelow(stopsSeenUntil, linkNow, stoppedBelowBitsPerSecond);
                if (stopped > 0) {
                    estimators.onDeadSpell(t, stopped);
                }
                stopsSeenUntil = linkNow;
            }
        }

        private void arrived(double sendSeconds, double delaySeconds, double t) {
            anyArrived = true;
            newestSendSeconds = Math.max(newestSendSeconds, sendSeconds);
            if (delaySeconds > config.playoutLatencySeconds()) {
                lastStallEnd = OptionalDouble.of(t);
            }
        }

        /**
         * The send time of the newest frame arrived by {@code t}. Events mark only a GOP's first
         * and last frame; the frames between arrive evenly between them, as the model has it.
         */
        private double newestSendSeconds(double t) {
            GopOutcome g = inFlight;
            if (g == null) {
                return newestSendSeconds;
            }
            int frames = config.framesPerGop();
            double owd = config.oneWayDelaySeconds();
            double firstArrival = g.keyframeEndSeconds() + owd;
            double spacing = (g.lastEndSeconds() + owd - firstArrival) / (frames - 1);
            int arrived = spacing > 0 ? (int) Math.min(frames - 1, Math.floor((t - firstArrival) / spacing)) : frames - 1;
            return Math.max(newestSendSeconds, g.releaseSeconds() + Math.max(0, arrived) / config.framesPerSecond());
        }

        private void decide(double t) {
            double dueSeconds = newestSendSeconds(t) + config.playoutLatencySeconds();
            double buffer = anyArrived ? Math.max(0, dueSeconds - t) : 0;
            boolean stalled = anyArrived && dueSeconds < t;
            PolicyInput input = new PolicyInput(t, estimators.snapshot(t), buffer, config.targetDelaySeconds(), stalled,
                    lastStallEnd, arriving, requested, ladder, lastSwitch);
            Decision d = policy.decide(input);
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
