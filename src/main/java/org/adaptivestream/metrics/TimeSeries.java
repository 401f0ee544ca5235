package org.adaptivestream.metrics;

import java.util.Arrays;

/**
 * Samples of one metric over time, bounded: past {@link #MAX_POINTS} the oldest are
 * dropped, so a session left running for days cannot exhaust memory. Thread-safe: one
 * thread appends while others take snapshots for charts and exports.
 */
public final class TimeSeries {

    /** About 14 hours at four samples a second. */
    public static final int MAX_POINTS = 200_000;

    private double[] times = new double[256];
    private double[] values = new double[256];
    private int start;
    private int size;

    public synchronized void add(double timeSeconds, double value) {
        if (size == times.length && times.length < MAX_POINTS) {
            int grown = Math.min(MAX_POINTS, times.length * 2);
            times = unwrap(times, grown);
            values = unwrap(values, grown);
            start = 0;
        }
        int index = (start + size) % times.length;
        times[index] = timeSeconds;
        values[index] = value;
        if (size < times.length) {
            size++;
        } else {
            start = (start + 1) % times.length;
        }
    }

    private double[] unwrap(double[] ring, int capacity) {
        double[] out = new double[capacity];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return out;
    }

    /** The points with time at or after {@code fromSeconds}, oldest first. */
    public synchronized Points since(double fromSeconds) {
        int first = 0;
        while (first < size && times[(start + first) % times.length] < fromSeconds) {
            first++;
        }
        double[] t = new double[size - first];
        double[] v = new double[size - first];
        for (int i = first; i < size; i++) {
            t[i - first] = times[(start + i) % times.length];
            v[i - first] = values[(start + i) % times.length];
        }
        return new Points(t, v);
    }

    public Points all() {
        return since(Double.NEGATIVE_INFINITY);
    }

    public synchronized int size() {
        return size;
    }

    /** An immutable copy of some points: parallel arrays of times (s) and values. */
    public record Points(double[] times, double[] values) {
        public Points {
            times = times.clone();
            values = values.clone();
        }

        public int size() {
            return times.length;
        }

        public double time(int i) {
            return times[i];
        }

        public double value(int i) {
            return values[i];
        }

        public double mean() {
            return Arrays.stream(values).average().orElse(Double.NaN);
        }

        /** The p-th percentile (0–100) by nearest rank, NaN when empty. */
        public double percentile(double p) {
            if (values.length == 0) {
                return Double.NaN;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }
}
