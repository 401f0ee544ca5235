package org.adaptivestream.adaptation.estimate;

import java.util.Collection;

/** Least-squares slope of timed values, in value units per second. */
final class Trend {

    record Point(double timeSeconds, double value) {
    }

    private Trend() {
    }

    /** NaN when the points do not span any time. */
    static double slope(Collection<Point> points) {
        int n = points.size();
        if (n < 2) {
            return Double.NaN;
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
        return variance > 0 ? covariance / variance : Double.NaN;
    }
}
