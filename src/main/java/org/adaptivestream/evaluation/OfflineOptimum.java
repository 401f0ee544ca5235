package org.adaptivestream.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptivestream.media.Rung;

/**
 * The ceiling: the best QoE any sequence of rungs could reach on a trace, knowing all of it in
 * advance. Dynamic programming forward over GOPs; after each GOP a state is what decides the
 * future score ({@link StreamState}: when the bottleneck drains, the playout latency, the last
 * rung) with the QoE gathered so far.
 *
 * <p><b>Why it is never below a policy.</b> Every policy's session is some rung sequence scored
 * by the same {@link StreamingModel}, and the search tries every rung for every GOP from every
 * state it keeps, so it would be exact if it kept every state. It keeps fewer in two ways, both
 * of which can only raise the result:
 * <ol>
 *   <li><em>Dominance.</em> For the same future rungs, a state that drains no later than
 *       another stalls in total at most as much as the other plus the other's latency surplus
 *       (frames arrive no later; a latency surplus saves at most its own width of stall, since
 *       stalls and catch-up move both latencies monotonically and without expanding the gap).
 *       So state B is dropped when some A drains no later and A's QoE so far, less the switch
 *       from A's rung to B's and less μ per second of B's latency surplus, is still at least
 *       B's.</li>
 *   <li><em>Merging.</em> States in one cell are replaced by one that is at least as good as
 *       each: the earliest drain, the highest latency and the highest QoE among them. Cells
 *       are {@link #BASE_CELL_SECONDS} wide for states close to the best QoE so far and widen
 *       with their deficit, so the hopeless states (long stalls behind long queues) collapse
 *       while the contenders stay sharp; if a GOP would still keep more than
 *       {@link #MAX_STATES_PER_GOP} states, all cells double.</li>
 * </ol>
 * The plan that reached the ceiling is replayed through the exact model; its QoE is
 * achievable, and its gap to the ceiling shows how loose the bound is.
 */
public final class OfflineOptimum {

    public static final double BASE_CELL_SECONDS = Double.parseDouble(System.getProperty("optimum.cell", "0.002"));
    /** QoE deficit (Mbit/s·s) at which a state's cells start to widen; they double per doubling of it. */
    public static final double DEFICIT_UNIT_QOE = 2.0;
    public static final int MAX_STATES_PER_GOP = Integer.getInteger("optimum.max", 2000);

    private static final Rung[] RUNGS = Rung.values();

    private final StreamingModel model;
    private final double stallPenaltyPerSecond;
    private final double[][] switchCost = new double[RUNGS.length][RUNGS.length];

    private OfflineOptimum(StreamingModel model) {
        this.model = model;
        this.stallPenaltyPerSecond = model.qoe().stallPenaltyPerSecond();
        for (Rung a : RUNGS) {
            for (Rung b : RUNGS) {
                switchCost[a.ordinal()][b.ordinal()] = model.qoe().switchPenalty(a, b);
            }
        }
    }

    public static OptimumResult solve(StreamingModel model) {
        return new OfflineOptimum(model).solve();
    }

    private OptimumResult solve() {
        int n = model.gopCount();
        List<int[]> parents = new ArrayList<>(n);
        List<byte[]> choices = new ArrayList<>(n);
        Layer layer = new Layer(1);
        layer.add(0, Double.NaN, (byte) -1, 0, -1);
        int peak = 1;
        for (int k = 0; k < n; k++) {
            double nextRelease = model.releaseSeconds(k) + model.config().gopSeconds();
            Layer candidates = new Layer(layer.size * RUNGS.length);
            for (int i = 0; i < layer.size; i++) {
                StreamState s = new StreamState(layer.busy[i], layer.latency[i],
                        layer.rung[i] < 0 ? null : RUNGS[layer.rung[i]]);
                for (Rung r : RUNGS) {
                    GopOutcome g = model.step(s, k, r);
                    StreamState ns = g.next();
                    // Whatever drained before the next release is the same as drained at it.
                    candidates.add(Math.max(ns.busyUntilSeconds(), nextRelease), ns.latencySeconds(),
                            (byte) r.ordinal(), layer.value[i] + g.qoe(), i);
                }
            }
            Layer next = prune(candidates, nextRelease);
            parents.add(Arrays.copyOf(next.parent, next.size));
            choices.add(Arrays.copyOf(next.rung, next.size));
            layer = next;
            peak = Math.max(peak, layer.size);
        }
        int best = layer.best();
        List<Rung> plan = new ArrayList<>(n);
        int at = best;
        for (int k = n - 1; k >= 0; k--) {
            plan.add(RUNGS[choices.get(k)[at]]);
            at = parents.get(k)[at];
        }
        Collections.reverse(plan);
        return new OptimumResult(layer.value[best], plan, Simulator.replay("optimum", plan, model), peak);
    }

    private Layer prune(Layer candidates, double release) {
        Layer kept = undominated(candidates);
        double scale = 1;
        while (true) {
            Layer merged = undominated(mergeCells(kept, release, scale));
            if (merged.size <= MAX_STATES_PER_GOP) {
                return merged;
            }
            scale *= 2;
        }
    }

    /** Drops every state some other state provably does at least as well as (see the class comment). */
    private Layer undominated(Layer in) {
        Integer[] order = new Integer[in.size];
        for (int i = 0; i < in.size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(in.busy[a], in.busy[b]);
            if (c == 0) {
                c = Double.compare(in.latency[b], in.latency[a]);
            }
            if (c == 0) {
                c = Double.compare(in.value[b], in.value[a]);
            }
            return c;
        });
        Layer out = new Layer(in.size);
        // Per target rung, over the states seen so far (all drain no later), valued as if
        // switched to that rung: "atLeast" holds the best value among latencies >= a key (value
        // falls as latency rises); "below" the best value + μ·latency among lower latencies
        // (both rise with latency).
        List<TreeMap<Double, Double>> atLeast = new ArrayList<>();
        List<TreeMap<Double, Double>> below = new ArrayList<>();
        for (int r = 0; r < RUNGS.length; r++) {
            atLeast.add(new TreeMap<>());
            below.add(new TreeMap<>());
        }
        double mu = stallPenaltyPerSecond;
        for (int idx : order) {
            double l = in.latency[idx];
            double v = in.value[idx];
            int own = in.rung[idx];
            Map.Entry<Double, Double> higher = atLeast.get(own).ceilingEntry(l);
            if (higher != null && higher.getValue() >= v) {
                continue;
            }
            Map.Entry<Double, Double> lower = below.get(own).lowerEntry(l);
            if (lower != null && lower.getValue() - mu * l >= v) {
                continue;
            }
            for (int r = 0; r < RUNGS.length; r++) {
                double adjusted = v - switchCost[own][r];
                insertFalling(atLeast.get(r), l, adjusted);
                insertRising(below.get(r), l, adjusted + mu * l);
            }
            out.add(in.busy[idx], l, in.rung[idx], v, in.parent[idx]);
        }
        return out;
    }

    /** Keeps a map whose values fall as keys rise: the entry at or above a key is the best there. */
    private static void insertFalling(TreeMap<Double, Double> t, double key, double value) {
        Map.Entry<Double, Double> same = t.ceilingEntry(key);
        if (same != null && same.getValue() >= value) {
            return;
        }
        Map.Entry<Double, Double> e = t.floorEntry(key);
        while (e != null && e.getValue() <= value) {
            t.remove(e.getKey());
            e = t.lowerEntry(e.getKey());
        }
        t.put(key, value);
    }

    /** Keeps a map whose values rise with keys: the entry just below a key is the best below it. */
    private static void insertRising(TreeMap<Double, Double> t, double key, double value) {
        Map.Entry<Double, Double> same = t.floorEntry(key);
        if (same != null && same.getValue() >= value) {
            return;
        }
        Map.Entry<Double, Double> e = t.ceilingEntry(key);
        while (e != null && e.getValue() <= value) {
            t.remove(e.getKey());
            e = t.higherEntry(e.getKey());
        }
        t.put(key, value);
    }

    /** One state per cell, at least as good as every state it stands for. */
    private static Layer mergeCells(Layer in, double release, double scale) {
        double best = in.value[in.best()];
        Map<Long, Integer> cells = new HashMap<>(in.size * 2);
        Layer out = new Layer(in.size);
        for (int i = 0; i < in.size; i++) {
            int tier = (int) Math.floor(Math.log1p((best - in.value[i]) / DEFICIT_UNIT_QOE) / Math.log(2));
            double width = BASE_CELL_SECONDS * scale * Math.pow(2, tier);
            long backlogCell = (long) Math.floor((in.busy[i] - release) / width);
            long latencyCell = (long) Math.floor(in.latency[i] / width);
            long key = ((backlogCell * 1_000_003L + latencyCell) * 64 + tier) * 8 + in.rung[i];
            Integer at = cells.get(key);
            if (at == null) {
                cells.put(key, out.size);
                out.add(in.busy[i], in.latency[i], in.rung[i], in.value[i], in.parent[i]);
            } else {
                out.busy[at] = Math.min(out.busy[at], in.busy[i]);
                out.latency[at] = Math.max(out.latency[at], in.latency[i]);
                if (in.value[i] > out.value[at]) {
                    out.value[at] = in.value[i];
                    out.parent[at] = in.parent[i];
                }
            }
        }
        return out;
    }

    /** The states after one GOP, as parallel arrays. */
    private static final class Layer {
        final double[] busy;
        final double[] latency;
        final byte[] rung;
        final double[] value;
        final int[] parent;
        int size;

        Layer(int capacity) {
            busy = new double[capacity];
            latency = new double[capacity];
            rung = new byte[capacity];
            value = new double[capacity];
            parent = new int[capacity];
        }

        void add(double b, double l, byte r, double v, int p) {
            busy[size] = b;
            latency[size] = l;
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
