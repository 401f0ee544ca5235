package org.adaptivestream.app.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adaptivestream.server.SessionInfo;

/**
 * The server's aggregate send rate, from successive session snapshots: the bytes each session
 * sent since the previous poll, over the time between polls. A session that is new counts from
 * zero; one that left simply stops counting. Keeps a sliding history for the chart.
 */
public final class ThroughputMeter {

    public record Sample(double timeSeconds, double megabitsPerSecond) {
    }

    private final double windowSeconds;
    private final Map<Long, Long> lastBytes = new HashMap<>();
    private final Deque<Sample> history = new ArrayDeque<>();
    private double lastTimeSeconds = Double.NaN;

    public ThroughputMeter(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    /** Records a poll; returns the rate since the previous one in Mbit/s (0 for the first). */
    public double record(double nowSeconds, List<SessionInfo> sessions) {
        long sent = 0;
        Map<Long, Long> seen = new HashMap<>();
        for (SessionInfo session : sessions) {
            long before = lastBytes.getOrDefault(session.sessionId(), 0L);
            sent += Math.max(0, session.bytesSent() - before);
            seen.put(session.sessionId(), session.bytesSent());
        }
        lastBytes.clear();
        lastBytes.putAll(seen);
        double rate = 0;
        if (!Double.isNaN(lastTimeSeconds) && nowSeconds > lastTimeSeconds) {
            rate = sent * 8 / (nowSeconds - lastTimeSeconds) / 1e6;
        }
        lastTimeSeconds = nowSeconds;
        history.addLast(new Sample(nowSeconds, rate));
        while (!history.isEmpty() && history.peekFirst().timeSeconds() < nowSeconds - windowSeconds) {
            history.removeFirst();
        }
        return rate;
    }

    public List<Sample> history() {
        return List.copyOf(history);
    }

    public void reset() {
        lastBytes.clear();
        history.clear();
        lastTimeSeconds = Double.NaN;
    }
}
