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
 * advance. Dynamic programming forward over GOPs; after each GOP, a state is what decides the
 * future score ({@link StreamState}: when the bottleneck drains, the playout latency, the last
 * rung) with the QoE gathered so far.
 *
 * <p>Why it is never below a policy. Every policy's session is some rung sequence scored by
 * the same {@link StreamingModel}, and the search tries every rung for every GOP from every
 * state it keeps. It drops only states that another state with the same rung beats in all
 * three respects (drains no later, no less latency, no less QoE so far), and merges states
 * that fall in the same cell (same rung, drain time and latency within a cell width) into one
 * at least as good as each: the earliest drain, the highest latency, the highest QoE. Less
 * backlog and more latency never lower what the future can score (frames arrive no later and
 * have no less slack; a latency gap can only save as much stall as it is wide), so the best
 * future of a kept or merged state is at least that of any state it replaced, and the result
 * is an upper bound. Cells start at {@link #INITIAL_CELL_SECONDS} and double while a GOP would
 * keep more than {@link #MAX_STATES_PER_GOP} states, which bounds time and memory on hostile
 * traces at the price of a looser bound there. The plan found is replayed exactly and its QoE
 * reported beside the ceiling, so the looseness is visible; tests check the ceiling against
 * every policy.
 */
public final class OfflineOptimum {

    public static final double INITIAL_CELL_SECONDS = 0.002;
    public static final int MAX_STATES_PER_GOP = Integer.getInteger("optimum.max", 1500);
    static final boolean DEBUG = Boolean.getBoolean("optimum.debug");

    private static final Rung[] RUNGS = Rung.values();

    private final StreamingModel model;
    private final double[][] switchCost = new double[RUNGS.length][RUNGS.length];

    private OfflineOptimum(StreamingModel model) {
        this.model = model;
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
        Rung[] rungs = RUNGS;
        List<int[]> parents = new ArrayList<>(n);
        List<byte[]> choices = new ArrayList<>(n);
        Layer layer = new Layer(1);
        layer.add(0, Double.NaN, (byte) -1, 0, -1);
        int peak = 1;
        for (int k = 0; k < n; k++) {
            double nextRelease = k + 1 < n ? model.releaseSeconds(k + 1) : model.releaseSeconds(k) + model.config().gopSeconds();
            Layer candidates = new Layer(layer.size * rungs.length);
            for (int i = 0; i < layer.size; i++) {
                StreamState s = new StreamState(layer.busy[i], layer.latency[i],
                        layer.rung[i] < 0 ? null : rungs[layer.rung[i]]);
                for (Rung r : rungs) {
                    GopOutcome g = model.step(s, k, r);
                    StreamState ns = g.next();
                    // Whatever drained before the next release is the same as drained at it.
                    candidates.add(Math.max(ns.busyUntilSeconds(), nextRelease), ns.latencySeconds(),
                            (byte) r.ordinal(), layer.value[i] + g.qoe(), i);
                }
            }
            Layer next = prune(candidates, nextRelease);
            if (DEBUG) System.err.println(k + " " + candidates.size + " -> " + next.size);
            parents.add(Arrays.copyOf(next.parent, next.size));
            choices.add(Arrays.copyOf(next.rung, next.size));
            layer = next;
            peak = Math.max(peak, layer.size);
        }
        int best = 0;
        for (int i = 1; i < layer.size; i++) {
            if (layer.value[i] > layer.value[best]) {
                best = i;
            }
        }
        List<Rung> plan = new ArrayList<>(n);
        int at = best;
        for (int k = n - 1; k >= 0; k--) {
            plan.add(rungs[choices.get(k)[at]]);
            at = parents.get(k)[at];
        }
        Collections.reverse(plan);
        return new OptimumResult(layer.value[best], plan, Simulator.replay("optimum", plan, model), peak);
    }

    private Layer prune(Layer candidates, double release) {
        Layer kept = paretoFront(candidates);
        double cell = INITIAL_CELL_SECONDS;
        while (kept.size > MAX_STATES_PER_GOP) {
            kept = paretoFront(mergeCells(kept, release, cell));
            cell *= 2;
        }
        return kept;
    }

    /**
     * The states no other state beats: drains no later, has no less latency, and has gathered
     * at least as much QoE after paying for a switch to the other's rung. (It can then follow
     * the other's future rung by rung; its next switch costs at most that much more, by the
     * triangle inequality.)
     */
    private Layer paretoFront(Layer in) {
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
        // One staircase per rung, of the states seen so far (all drain no later), valued as if
        // switched to that rung: value falls as latency rises.
        List<TreeMap<Double, Double>> stairs = new ArrayList<>();
        for (int r = 0; r < RUNGS.length; r++) {
            stairs.add(new TreeMap<>());
        }
        for (int idx : order) {
            double l = in.latency[idx];
            double v = in.value[idx];
            Map.Entry<Double, Double> atLeast = stairs.get(in.rung[idx]).ceilingEntry(l);
            if (atLeast != null && atLeast.getValue() >= v) {
                continue;
            }
            for (int r = 0; r < RUNGS.length; r++) {
                double adjusted = v - switchCost[in.rung[idx]][r];
                TreeMap<Double, Double> t = stairs.get(r);
                Map.Entry<Double, Double> same = t.ceilingEntry(l);
                if (same != null && same.getValue() >= adjusted) {
                    continue;
                }
                Map.Entry<Double, Double> below = t.floorEntry(l);
                while (below != null && below.getValue() <= adjusted) {
                    t.remove(below.getKey());
                    below = t.lowerEntry(below.getKey());
                }
                t.put(l, adjusted);
            }
            out.add(in.busy[idx], l, in.rung[idx], v, in.parent[idx]);
        }
        return out;
    }

    /** One state per cell, at least as good as every state it stands for. */
    private static Layer mergeCells(Layer in, double release, double cellSeconds) {
        Map<Long, Integer> cells = new HashMap<>(in.size * 2);
        Layer out = new Layer(in.size);
        for (int i = 0; i < in.size; i++) {
            long backlogCell = (long) Math.floor((in.busy[i] - release) / cellSeconds);
            long latencyCell = (long) Math.floor(in.latency[i] / cellSeconds);
            long key = (backlogCell * 1_000_003L + latencyCell) * 8 + in.rung[i];
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
    }
}
