package org.adaptivestream.app.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.adaptivestream.server.SessionInfo;

/**
 * The server's send rates, from successive session snapshots: the aggregate (the bytes each
 * session sent since the previous poll, over the time between polls) with a sliding history for
 * the chart, and each session's own rate over the last {@value #SESSION_WINDOW_SECONDS} s for
 * the client table. A session that is new counts from zero; one that left simply stops
 * counting.
 */
public final class ThroughputMeter {

    /** Long enough to average over a few GOPs, so keyframes do not make the figure jump. */
    public static final double SESSION_WINDOW_SECONDS = 2.0;

    public record Sample(double timeSeconds, double megabitsPerSecond) {
    }

    private record Point(double timeSeconds, long bytes) {
    }

    private final double windowSeconds;
    private final Map<Long, Long> lastBytes = new HashMap<>();
    private final Map<Long, Deque<Point>> perSession = new HashMap<>();
    private final Deque<Sample> history = new ArrayDeque<>();
    private double lastTimeSeconds = Double.NaN;

    public ThroughputMeter(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    /** Records a poll; returns the aggregate rate since the previous one in Mbit/s (0 for the first). */
    public double record(double nowSeconds, List<SessionInfo> sessions) {
        long sent = 0;
        Map<Long, Long> seen = new HashMap<>();
        Map<Long, Deque<Point>> stillThere = new HashMap<>();
        for (SessionInfo session : sessions) {
            long before = lastBytes.getOrDefault(session.sessionId(), 0L);
            sent += Math.max(0, session.bytesSent() - before);
            seen.put(session.sessionId(), session.bytesSent());
            Deque<Point> points = perSession.getOrDefault(session.sessionId(), new ArrayDeque<>());
            points.addLast(new Point(nowSeconds, session.bytesSent()));
            // Keep one point at or before the window's start, so the rate always spans the window.
            while (points.size() > 2 && secondTime(points) <= nowSeconds - SESSION_WINDOW_SECONDS) {
                points.removeFirst();
            }
            stillThere.put(session.sessionId(), points);
        }
        lastBytes.clear();
        lastBytes.putAll(seen);
        perSession.clear();
        perSession.putAll(stillThere);
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

    private static double secondTime(Deque<Point> points) {
        Iterator<Point> it = points.iterator();
        it.next();
        return it.next().timeSeconds();
    }

    /** One session's send rate in bit/s over about the last two seconds; NaN until it was seen twice. */
    public double sessionBitsPerSecond(long sessionId) {
        Deque<Point> points = perSession.get(sessionId);
        if (points == null || points.size() < 2) {
            return Double.NaN;
        }
        Point first = points.peekFirst();
        Point last = points.peekLast();
        double seconds = last.timeSeconds() - first.timeSeconds();
        return seconds > 0 ? Math.max(0, last.bytes() - first.bytes()) * 8 / seconds : Double.NaN;
    }

    public List<Sample> history() {
        return List.copyOf(history);
    }

    public void reset() {
        lastBytes.clear();
        perSession.clear();
        history.clear();
        lastTimeSeconds = Double.NaN;
    }
}
