package org.adaptivestream.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything measured about one client session, as time series and counters. Times are
 * seconds since the session started. Thread-safe: the client's network and playout threads
 * write, the GUI and exporters read snapshots.
 */
public final class SessionMetrics {

    private final Map<Metric, TimeSeries> series = new EnumMap<>(Metric.class);
    private final List<SwitchEvent> switches = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong framesDecoded = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private volatile StallTotals stallTotals = new StallTotals(0, 0, 0);
    private volatile double lastTimeSeconds;

    public SessionMetrics() {
        for (Metric metric : Metric.values()) {
            series.put(metric, new TimeSeries());
        }
    }

    public void record(Metric metric, double timeSeconds, double value) {
        if (Double.isFinite(value)) {
            series.get(metric).add(timeSeconds, value);
            lastTimeSeconds = Math.max(lastTimeSeconds, timeSeconds);
        }
    }

    public TimeSeries series(Metric metric) {
        return series.get(metric);
    }

    public void switched(SwitchEvent event) {
        switches.add(event);
    }

    public List<SwitchEvent> switches() {
        synchronized (switches) {
            return List.copyOf(switches);
        }
    }

    public void frameReceived(int bytes) {
        framesReceived.incrementAndGet();
        bytesReceived.addAndGet(bytes);
    }

    public void frameDecoded() {
        framesDecoded.incrementAndGet();
    }

    public void frameDropped() {
        framesDropped.incrementAndGet();
    }

    /** A packet the decoder refused; counted apart from late frames because it means corrupt data. */
    public void decodeError() {
        decodeErrors.incrementAndGet();
        framesDropped.incrementAndGet();
    }

    public long decodeErrors() {
        return decodeErrors.get();
    }

    public long framesReceived() {
        return framesReceived.get();
    }

    public long framesDecoded() {
        return framesDecoded.get();
    }

    public long framesDropped() {
        return framesDropped.get();
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** A stall that ended at {@code endSeconds} after lasting {@code seconds}. */
    public record Stall(double endSeconds, double seconds) {
    }

    private final List<Stall> stallLog = Collections.synchronizedList(new ArrayList<>());

    public void stalled(double endSeconds, double seconds) {
        stallLog.add(new Stall(endSeconds, seconds));
    }

    public List<Stall> stallLog() {
        synchronized (stallLog) {
            return List.copyOf(stallLog);
        }
    }

    /** Publishes the stall detector's totals (the playout thread owns the detector). */
    public void stalls(StallDetector detector) {
        stallTotals = new StallTotals(detector.stalls(), detector.stalledMicros(), detector.longestStallMicros());
    }

    public int stallCount() {
        return stallTotals.count();
    }

    public MetricsSummary summary() {
        StallTotals stalls = stallTotals;
        TimeSeries.Points rtt = series(Metric.RTT).all();
        TimeSeries.Points delay = series(Metric.DELIVERY_DELAY).all();
        return new MetricsSummary(
                lastTimeSeconds,
                rtt.mean(),
                rtt.percentile(95),
                delay.mean(),
                delay.percentile(95),
                series(Metric.JITTER).all().mean(),
                series(Metric.THROUGHPUT).all().mean(),
                series(Metric.RUNG_BITRATE).all().mean(),
                series(Metric.RESOLUTION).all().mean(),
                framesReceived(),
                framesDecoded(),
                framesDropped(),
                stalls.count(),
                stalls.stalledMicros() / 1e6,
                stalls.longestMicros() / 1e6,
                switches().size());
    }

    private record StallTotals(int count, long stalledMicros, long longestMicros) {
    }
}
