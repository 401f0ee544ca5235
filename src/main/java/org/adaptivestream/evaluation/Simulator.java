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
 *   <li>last frame arrival: a delay sample and the GOP's remaining bits;</li>
 *   <li>two pongs per GOP (every 250 ms at the default GOP), each delayed by the queue it
 *       waited behind.</li>
 * </ul>
 * A request reaches the server half a base RTT after the decision and applies from the next
 * GOP released after that. The client starts at the lowest rung. Same inputs, same result.
 */
public final class Simulator implements SessionRunner {

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

    private enum Kind { KEYFRAME, LAST_FRAME, PONG }

    private record Event(double timeSeconds, long sequence, Kind kind, GopOutcome gop, double value)
            implements Comparable<Event> {
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
        private long sequence;
        private Rung requested = Rung.lowest();
        private Rung arriving = Rung.lowest();
        private boolean anyArrived;
        private double newestSendSeconds;
        private GopOutcome inFlight;
        private OptionalDouble lastStallEnd = OptionalDouble.empty();
        private OptionalDouble lastSwitch = OptionalDouble.empty();

        Session(AdaptationPolicy policy, StreamingModel model) {
            this.policy = policy;
            this.model = model;
        }

        SessionResult run() {
            double owd = config.oneWayDelaySeconds();
            decide(0);
            List<GopOutcome> gops = new ArrayList<>(model.gopCount());
            StreamState state = StreamState.START;
            for (int k = 0; k < model.gopCount(); k++) {
                double release = model.releaseSeconds(k);
                while (!events.isEmpty() && events.peek().timeSeconds() <= release - owd) {
                    handle(events.poll());
                }
                GopOutcome g = model.mustSkip(state, k) ? model.skip(state, k) : model.step(state, k, requested);
                gops.add(g);
                state = g.next();
                if (!g.skipped()) {
                    schedule(g);
                }
            }
            return new SessionResult(policy.name(), model.trace().name(), gops, requests,
                    SessionMetrics.of(gops, ladder, config.gopSeconds()));
        }

        private void schedule(GopOutcome g) {
            double owd = config.oneWayDelaySeconds();
            add(g.keyframeEndSeconds() + owd, Kind.KEYFRAME, g, 0);
            add(g.lastEndSeconds() + owd, Kind.LAST_FRAME, g, 0);
            // Pongs queue behind the video sent before them; one mid-GOP, one at its end.
            double mid = g.releaseSeconds() + config.gopSeconds() / 2;
            int framesByMid = (int) Math.floor(config.gopSeconds() / 2 * config.framesPerSecond());
            double predictedBits = (g.size().totalBits() - g.size().keyframeBits()) / (config.framesPerGop() - 1);
            double midBusy = Math.max(mid, model.trace().finishTime(g.keyframeStartSeconds(),
                    g.size().keyframeBits() + framesByMid * predictedBits));
            add(midBusy + owd, Kind.PONG, g, config.baseRttSeconds() + (midBusy - mid));
            double end = g.releaseSeconds() + config.gopSeconds();
            double endBusy = Math.max(end, g.lastEndSeconds());
            add(endBusy + owd, Kind.PONG, g, config.baseRttSeconds() + (endBusy - end));
        }

        private void add(double time, Kind kind, GopOutcome g, double value) {
            events.add(new Event(time, sequence++, kind, g, value));
        }

        private void handle(Event e) {
            GopOutcome g = e.gop();
            double t = e.timeSeconds();
            switch (e.kind()) {
                case KEYFRAME -> {
                    estimators.onBurst(t, g.size().keyframeBits(), g.keyframeEndSeconds() - g.keyframeStartSeconds());
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
                case PONG -> estimators.onPong(t, e.value());
            }
            decide(t);
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
            }
        }
    }
}
