package org.adaptivestream.netlab;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.adaptivestream.trace.CapacityTrace;

/**
 * One direction of an emulated link as its connections share it: the bottleneck they queue at,
 * the meter they count into, and the propagation each connection gets its own line for.
 */
final class LinkDirection {

    private final Bottleneck bottleneck;
    private final TrafficMeter meter = new TrafficMeter();
    private final Duration delay;
    private final Duration jitter;
    private final long lineBudgetBytes;
    /** The lines of the connections open now, for {@link LinkCounters.Direction#pendingBytes}. */
    private final Set<DelayLine> lines = ConcurrentHashMap.newKeySet();

    LinkDirection(Optional<CapacityTrace> capacity, int queueBytes, Duration delay, Duration jitter, TraceClock clock) {
        this.bottleneck = new Bottleneck(capacity, queueBytes, clock);
        this.delay = delay;
        this.jitter = jitter;
        double peak = capacity.map(LinkDirection::peakBitsPerSecond).orElse(DelayLine.UNLIMITED_BITS_PER_SECOND);
        this.lineBudgetBytes = DelayLine.budgetFor(queueBytes, peak, delay, jitter);
    }

    Bottleneck bottleneck() {
        return bottleneck;
    }

    TrafficMeter meter() {
        return meter;
    }

    /** A delay line for one connection; the seed makes its jitter reproducible. */
    DelayLine newDelayLine(long seed) {
        return new DelayLine(delay, jitter, lineBudgetBytes, seed, meter);
    }

    /** Counts {@code line} in the counters until {@link #forget}. */
    void track(DelayLine line) {
        lines.add(line);
    }

    void forget(DelayLine line) {
        lines.remove(line);
    }

    LinkCounters.Direction counters() {
        long pending = 0;
        for (DelayLine line : lines) {
            pending += line.pendingBytes();
        }
        return new LinkCounters.Direction(meter.deliveredBytes(), bottleneck.queuedBytes(),
                bottleneck.peakQueuedBytes(), meter.heldBytes(), pending);
    }

    private static double peakBitsPerSecond(CapacityTrace trace) {
        return trace.segments().stream().mapToDouble(CapacityTrace.Segment::bitsPerSecond).max().orElseThrow();
    }
}
