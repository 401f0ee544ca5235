package org.adaptivestream.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A link's capacity over time: piecewise constant, in bits per second, repeating after its
 * period as network emulators replay traces. Immutable and thread-safe.
 *
 * <p>Both the real-time link emulator and the simulator ask the same two questions of it: how
 * many bits can cross between two instants, and when a given number of bits, starting now,
 * will have crossed. Times are seconds from the start of the trace.
 */
public final class CapacityTrace {

    private final String name;
    private final double[] startsSeconds;
    private final double[] bitsPerSecond;
    private final double periodSeconds;
    /** bitsBefore[i]: bits deliverable in one period before startsSeconds[i]; one extra entry for the whole period. */
    private final double[] bitsBefore;

    private CapacityTrace(String name, double[] startsSeconds, double[] bitsPerSecond, double periodSeconds) {
        this.name = Objects.requireNonNull(name, "name");
        this.startsSeconds = startsSeconds;
        this.bitsPerSecond = bitsPerSecond;
        this.periodSeconds = periodSeconds;
        this.bitsBefore = new double[startsSeconds.length + 1];
        for (int i = 0; i < startsSeconds.length; i++) {
            double end = i + 1 < startsSeconds.length ? startsSeconds[i + 1] : periodSeconds;
            bitsBefore[i + 1] = bitsBefore[i] + bitsPerSecond[i] * (end - startsSeconds[i]);
        }
    }

    /**
     * A trace from segments; the first must start at 0, starts must increase, rates be finite
     * and non-negative, and the period end after the last start. At least one rate must be
     * positive, or nothing could ever cross.
     */
    public static CapacityTrace of(String name, List<Segment> segments, double periodSeconds) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("trace " + name + " has no segments");
        }
        double[] starts = new double[segments.size()];
        double[] rates = new double[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            starts[i] = s.startSeconds();
            rates[i] = s.bitsPerSecond();
            if (i == 0 && starts[i] != 0) {
                throw new IllegalArgumentException("trace " + name + " must start at 0 s, not " + starts[i]);
            }
            if (i > 0 && starts[i] <= starts[i - 1]) {
                throw new IllegalArgumentException("trace " + name + ": segment " + i + " starts at "
                        + starts[i] + " s, not after " + starts[i - 1] + " s");
            }
        }
        if (!(periodSeconds > starts[starts.length - 1]) || !Double.isFinite(periodSeconds)) {
            throw new IllegalArgumentException("trace " + name + ": period " + periodSeconds
                    + " s must end after the last segment start " + starts[starts.length - 1] + " s");
        }
        if (Arrays.stream(rates).allMatch(r -> r == 0)) {
            throw new IllegalArgumentException("trace " + name + " never has any capacity");
        }
        return new CapacityTrace(name, starts, rates, periodSeconds);
    }

    /** A constant rate, forever. */
    public static CapacityTrace constant(String name, double bitsPerSecond) {
        return of(name, List.of(new Segment(0, bitsPerSecond)), 1);
    }

    public String name() {
        return name;
    }

    /** The trace's length; it repeats after this. */
    public double periodSeconds() {
        return periodSeconds;
    }

    /** The segments of one period, in order. */
    public List<Segment> segments() {
        Segment[] out = new Segment[startsSeconds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Segment(startsSeconds[i], bitsPerSecond[i]);
        }
        return List.of(out);
    }

    /** Mean capacity over one period. */
    public double meanBitsPerSecond() {
        return bitsBefore[startsSeconds.length] / periodSeconds;
    }

    /** Lowest capacity of any segment. */
    public double minBitsPerSecond() {
        return Arrays.stream(bitsPerSecond).min().orElseThrow();
    }

    /** The capacity at an instant (the trace repeats, so any non-negative time is valid). */
    public double bitsPerSecondAt(double seconds) {
        return bitsPerSecond[segmentIndex(positionInPeriod(seconds))];
    }

    /** Bits that can cross between two instants, {@code from <= to}. */
    public double bitsBetween(double fromSeconds, double toSeconds) {
        if (toSeconds < fromSeconds) {
            throw new IllegalArgumentException("interval ends before it starts: " + fromSeconds + " > " + toSeconds);
        }
        return cumulativeBits(toSeconds) - cumulativeBits(fromSeconds);
    }

    /** The instant at which {@code bits} that start crossing at {@code startSeconds} have crossed. */
    public double finishTime(double startSeconds, double bits) {
        if (bits <= 0) {
            return startSeconds;
        }
        double target = cumulativeBits(startSeconds) + bits;
        double perPeriod = bitsBefore[startsSeconds.length];
        double periods = Math.floor(target / perPeriod);
        double remainder = target - periods * perPeriod;
        if (remainder == 0 && periods > 0) {
            // Exactly at a period boundary: finish at the last moment capacity was available.
            periods -= 1;
            remainder = perPeriod;
        }
        // The segment across which the cumulative count reaches the remainder; it has a
        // positive rate because the count grows across it.
        int segment = firstIndexAtLeast(bitsBefore, remainder) - 1;
        double within = (remainder - bitsBefore[segment]) / bitsPerSecond[segment];
        return periods * periodSeconds + startsSeconds[segment] + within;
    }

    /** Bits deliverable from time 0 to {@code seconds}. */
    private double cumulativeBits(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative time " + seconds);
        }
        double periods = Math.floor(seconds / periodSeconds);
        double t = seconds - periods * periodSeconds;
        int i = segmentIndex(t);
        return periods * bitsBefore[startsSeconds.length] + bitsBefore[i] + bitsPerSecond[i] * (t - startsSeconds[i]);
    }

    private static int firstIndexAtLeast(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] >= value) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private double positionInPeriod(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative time " + seconds);
        }
        return seconds % periodSeconds;
    }

    private int segmentIndex(double positionSeconds) {
        int i = Arrays.binarySearch(startsSeconds, positionSeconds);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public String toString() {
        return String.format("%s (%.0f s, mean %.2f Mbit/s)", name, periodSeconds, meanBitsPerSecond() / 1e6);
    }

    /** Capacity {@code bitsPerSecond} from {@code startSeconds} until the next segment starts. */
    public record Segment(double startSeconds, double bitsPerSecond) {
        public Segment {
            if (!Double.isFinite(startSeconds) || startSeconds < 0) {
                throw new IllegalArgumentException("segment start must be a non-negative time, not " + startSeconds);
            }
            if (!Double.isFinite(bitsPerSecond) || bitsPerSecond < 0) {
                throw new IllegalArgumentException("capacity must be a non-negative rate, not " + bitsPerSecond);
            }
        }
    }
}
