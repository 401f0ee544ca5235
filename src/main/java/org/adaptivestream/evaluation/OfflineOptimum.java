package org.adaptivestream.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.adaptivestream.media.Rung;

/**
 * The ceiling: the best QoE any sequence of rungs reaches on a trace, knowing all of it in
 * advance. Dynamic programming forward over GOPs, exact.
 *
 * <p>Between GOPs a session's future depends only on when the bottleneck drains and on the
 * last rung ({@link StreamState}). Draining earlier never hurts: every later bit crosses no
 * later, so no frame arrives later. So a state A makes a state B redundant when A drains no
 * later and A's QoE so far, less the switch from A's rung to B's, is still at least B's: A can
 * follow whatever B would do next and score at least as much (a switch from A's rung to any
 * rung costs at most the switch to B's rung plus B's own switch, as |Δ Mbit/s| obeys the
 * triangle inequality). After each GOP only the states no other state makes redundant are
 * kept: a short front ordered by drain time, along which QoE rises. A policy's session is one
 * of the paths searched, except where the server switched mid-GOP ({@link
 * StreamingModel#switchAtOnce}): the search changes rung only at keyframes. Such a switch
 * sends the old rung's frames so far and the new rung's keyframe and catch-up, more than either
 * rung's GOP, and no policy has scored above the optimum on any trace we have (the tests check
 * the built-in and scripted ones); but that is measured, not proven. The optimum is also a
 * real plan, replayed through the same model.
 *
 * <p>That argument needs the optimum to drop a GOP on purpose (A may skip what B was forced
 * to skip), knowing the whole trace, and on links with outages it is worth a lot: it keeps the
 * link empty for the GOP after an outage (ADAPTATION-LOG.md). A client can ask the server to drop
 * a GOP ({@code protocol.DropGop}), but only on what it has seen; so there is a second search,
 * {@link #solveRungOnly}: the same, but skipping only where the lag limit forces it. There the pruning is no longer exact (a state that
 * must send may end behind one that was forced to skip), so it is the best rung-only plan
 * this search finds: a lower bound on the true one, with the full optimum above both.
 *
 * <p>A third search, {@link #solveLeastStall}, scores stall alone instead of QoE: how much
 * freezing the link forces on any plan, however it trades picture for it.
 */
public final class OfflineOptimum {

    private static final Rung[] RUNGS = Rung.values();

    private final StreamingModel model;
    private final boolean dropsOnPurpose;
    private final boolean groupByForcedSkip;
    private final Rung[] choices;
    /** What a GOP adds to a plan's value, which the search maximises. */
    private final ToDoubleFunction<GopOutcome> value;
    /** The switch penalties between rungs; all zero when the search scores stall alone. */
    private final double[][] switchCost = new double[RUNGS.length][RUNGS.length];

    private OfflineOptimum(StreamingModel model, boolean dropsOnPurpose, boolean groupByForcedSkip) {
        this(model, dropsOnPurpose, groupByForcedSkip, RUNGS, GopOutcome::qoe);
        for (Rung a : RUNGS) {
            for (Rung b : RUNGS) {
                switchCost[a.ordinal()][b.ordinal()] = model.qoe().switchPenalty(a, b);
            }
        }
    }

    private OfflineOptimum(StreamingModel model, boolean dropsOnPurpose, boolean groupByForcedSkip, Rung[] choices,
            ToDoubleFunction<GopOutcome> value) {
        this.model = model;
        this.dropsOnPurpose = dropsOnPurpose;
        this.groupByForcedSkip = groupByForcedSkip;
        this.choices = choices;
        this.value = value;
    }

    /** The ceiling: no policy scores more (but see the class comment on switches made mid-GOP). */
    public static OptimumResult solve(StreamingModel model) {
        return new OfflineOptimum(model, true, false).solve();
    }

    /**
     * The best plan found that drops a GOP only where the lag limit forces it (see the class
     * comment): the better of two searches, pruning across all states and only among states
     * alike in whether the lag limit forces them to skip the next GOP. Neither is exact, and
     * neither finds the better plan on every trace (docs/QOE.md).
     */
    public static OptimumResult solveRungOnly(StreamingModel model) {
        OptimumResult across = new OfflineOptimum(model, false, false).solve();
        OptimumResult grouped = new OfflineOptimum(model, false, true).solve();
        return across.ceilingQoe() >= grouped.ceilingQoe() ? across : grouped;
    }

    /**
     * The plan that freezes least, knowing the whole trace: the lowest rung throughout (fewer
     * bits never arrive later), dropping GOPs where that shortens the freezes, each GOP valued
     * only by its stall (a dropped GOP is frozen for all of it). The search is exact, as
     * {@link #solve}'s: with one rung and no switch penalty, a state that drains no later with
     * no more stall so far is never worse. Its stall ratio is a floor no policy goes under on
     * the trace (see the class comment on switches made mid-GOP); what the link imposes,
     * whatever the policy.
     */
    public static SessionResult solveLeastStall(StreamingModel model) {
        Window least = new OfflineOptimum(model, true, false, new Rung[] {Rung.lowest()}, g -> -g.stallSeconds())
                .search(StreamState.START, 0, model.gopCount());
        return Simulator.replay("least-stall plan", least.plan, model);
    }

    /**
     * The first step of the best plan for GOPs {@code from} to {@code to} (exclusive), starting
     * from {@code state}, knowing the trace up to there and nothing after: the rung, or
     * {@code null} to drop the GOP on purpose. {@link ForesightOptimum} plays such plans one
     * step at a time. Without drops, the better of the two searches {@link #solveRungOnly} makes.
     */
    static Rung bestFirstStep(StreamingModel model, StreamState state, int from, int to, boolean dropsOnPurpose) {
        Window best = new OfflineOptimum(model, dropsOnPurpose, false).search(state, from, to);
        if (!dropsOnPurpose) {
            Window grouped = new OfflineOptimum(model, false, true).search(state, from, to);
            best = grouped.value > best.value ? grouped : best;
        }
        return best.plan.get(0);
    }

    private OptimumResult solve() {
        Window best = search(StreamState.START, 0, model.gopCount());
        return new OptimumResult(best.value, best.plan, Simulator.replay("optimum", best.plan, model), best.peakStates);
    }

    /** The best plan a search found over some GOPs, and the most states it held for one. */
    private record Window(double value, List<Rung> plan, int peakStates) {
    }

    private Window search(StreamState start, int from, int to) {
        int n = to - from;
        List<int[]> parents = new ArrayList<>(n);
        List<byte[]> rungs = new ArrayList<>(n);
        List<boolean[]> skips = new ArrayList<>(n);
        Front front = new Front(1);
        front.add(start.busyUntilSeconds(), (byte) (start.previousRung() == null ? -1 : start.previousRung().ordinal()),
                0, -1, false);
        int peak = 1;
        for (int k = from; k < to; k++) {
            double nextRelease = model.releaseSeconds(k) + model.config().gopSeconds();
            Front candidates = new Front(front.size * (choices.length + 1));
            for (int i = 0; i < front.size; i++) {
                StreamState s = new StreamState(front.busy[i], front.rung[i] < 0 ? null : RUNGS[front.rung[i]]);
                boolean forced = model.mustSkip(s, k);
                if (forced || dropsOnPurpose) {
                    GopOutcome skipped = model.skip(s, k);
                    candidates.add(Math.max(s.busyUntilSeconds(), nextRelease), front.rung[i],
                            front.value[i] + value.applyAsDouble(skipped), i, true);
                }
                if (forced) {
                    continue;
                }
                for (Rung r : choices) {
                    GopOutcome g = model.step(s, k, r);
                    // Draining before the next release is the same as draining at it.
                    candidates.add(Math.max(g.next().busyUntilSeconds(), nextRelease), (byte) r.ordinal(),
                            front.value[i] + value.applyAsDouble(g), i, false);
                }
            }
            front = undominated(candidates, k + 1);
            parents.add(Arrays.copyOf(front.parent, front.size));
            rungs.add(Arrays.copyOf(front.rung, front.size));
            skips.add(Arrays.copyOf(front.skipped, front.size));
            peak = Math.max(peak, front.size);
        }
        int best = front.best();
        List<Rung> plan = new ArrayList<>(n);
        for (int i = n - 1, at = best; i >= 0; i--) {
            plan.add(skips.get(i)[at] ? null : RUNGS[rungs.get(i)[at]]);
            at = parents.get(i)[at];
        }
        Collections.reverse(plan);
        return new Window(front.value[best], plan, peak);
    }

    /**
     * The states no other state makes redundant (see the class comment). Without drops on
     * purpose, a state the lag limit forces to skip GOP {@code next} keeps the link empty where
     * one that drains sooner must send, and may end ahead of it; so, if grouping, states are
     * compared only with others that are forced, or not, alike.
     */
    private Front undominated(Front in, int next) {
        boolean[] forced = new boolean[in.size];
        Integer[] order = new Integer[in.size];
        for (int i = 0; i < in.size; i++) {
            order[i] = i;
            forced[i] = groupByForcedSkip && next < model.gopCount()
                    && model.mustSkip(new StreamState(in.busy[i], null), next);
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> forced[i] ? 1 : 0)
                .thenComparingDouble(i -> in.busy[i]).thenComparingDouble(i -> -in.value[i]));
        // bestAs[r]: the most QoE any kept state (all drain no later) has once switched to rung r.
        double[] bestAs = new double[RUNGS.length];
        Arrays.fill(bestAs, Double.NEGATIVE_INFINITY);
        double bestUnstarted = Double.NEGATIVE_INFINITY;
        Front out = new Front(in.size);
        boolean group = false;
        for (int i : order) {
            if (forced[i] != group) {
                group = forced[i];
                Arrays.fill(bestAs, Double.NEGATIVE_INFINITY);
                bestUnstarted = Double.NEGATIVE_INFINITY;
            }
            byte r = in.rung[i];
            double v = in.value[i];
            if (r < 0) {
                // Nothing shown yet (every GOP so far skipped): its next rung costs no switch,
                // so only another such state can stand in for it.
                if (bestUnstarted >= v) {
                    continue;
                }
                bestUnstarted = v;
                for (int to = 0; to < RUNGS.length; to++) {
                    bestAs[to] = Math.max(bestAs[to], v);
                }
            } else {
                if (bestAs[r] >= v) {
                    continue;
                }
                for (int to = 0; to < RUNGS.length; to++) {
                    bestAs[to] = Math.max(bestAs[to], v - switchCost[r][to]);
                }
            }
            out.add(in.busy[i], in.rung[i], in.value[i], in.parent[i], in.skipped[i]);
        }
        return out;
    }

    /** Search states after one GOP, as parallel arrays. */
    private static final class Front {
        final double[] busy;
        final byte[] rung;
        final double[] value;
        final int[] parent;
        final boolean[] skipped;
        int size;

        Front(int capacity) {
            busy = new double[capacity];
            rung = new byte[capacity];
            value = new double[capacity];
            parent = new int[capacity];
            skipped = new boolean[capacity];
        }

        void add(double b, byte r, double v, int p, boolean skip) {
            skipped[size] = skip;
            busy[size] = b;
            rung[size] = r;
            value[size] = v;
            parent[size] = p;
            size++;
        }

        int best() {
            int best = 0;
            for (int i = 1; i < size; i++) {
                if (value[i] > value[best]) {
                    best = i;
                }
            }
            return best;
        }
    }
}
