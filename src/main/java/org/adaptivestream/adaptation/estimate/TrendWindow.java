package org.adaptivestream.adaptation.estimate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/** The least-squares slope of the values added over the last few seconds, in value units per second. */
final class TrendWindow {

    private record Point(double timeSeconds, double value) {
    }

    private final double windowSeconds;
    private final Deque<Point> points = new ArrayDeque<>();

    TrendWindow(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    void add(double timeSeconds, double value) {
        points.addLast(new Point(timeSeconds, value));
        while (points.peekFirst().timeSeconds() < timeSeconds - windowSeconds) {
            points.removeFirst();
        }
    }

    /** Empty while the window's points span no time. */
    OptionalDouble slope() {
        int n = points.size();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double meanT = 0;
        double meanV = 0;
        for (Point p : points) {
            meanT += p.timeSeconds();
            meanV += p.value();
        }
        meanT /= n;
        meanV /= n;
        double covariance = 0;
        double variance = 0;
        for (Point p : points) {
            double dt = p.timeSeconds() - meanT;
            covariance += dt * (p.value() - meanV);
            variance += dt * dt;
        }
        return variance > 0 ? OptionalDouble.of(covariance / variance) : OptionalDouble.empty();
    }

    void clear() {
        points.clear();
    }
}
