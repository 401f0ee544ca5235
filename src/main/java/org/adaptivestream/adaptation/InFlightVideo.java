package org.adaptivestream.adaptation;

/**
 * The client's estimate of the video the server has sent that has not arrived yet, in seconds
 * of the stream ({@link PolicyInput#inFlightSeconds}). The server sends in real time, so
 * everything sent after the newest frame that arrived, up to now less the one-way delay, is on
 * its way, except a GOP the client asked the server to drop. Shared by the real client and the
 * simulated one, so both ask for drops on the same estimate. Times in seconds on the client's
 * clock; one per session; not thread-safe.
 */
public final class InFlightVideo {

    private double newestSentSeconds = Double.NaN;
    private double droppedUntilSeconds = Double.NEGATIVE_INFINITY;

    /** A frame sent at {@code sentSeconds} (the server's send time on the client's clock) arrived. */
    public void arrived(double sentSeconds) {
        newestSentSeconds = Double.isNaN(newestSentSeconds) ? sentSeconds : Math.max(newestSentSeconds, sentSeconds);
    }

    /**
     * The client asked at {@code nowSeconds} to drop the next GOP: the request reaches the server
     * a one-way delay later, and the server drops the next GOP to start, which ends at most two
     * GOPs after that. Until then nothing it sends counts as in flight.
     */
    public void dropAsked(double nowSeconds, double oneWaySeconds, double gopSeconds) {
        droppedUntilSeconds = nowSeconds + oneWaySeconds + 2 * gopSeconds;
    }

    /** Seconds of the stream in flight at {@code nowSeconds}; 0 before anything arrived. */
    public double seconds(double nowSeconds, double oneWaySeconds) {
        if (Double.isNaN(newestSentSeconds)) {
            return 0;
        }
        return Math.max(0, nowSeconds - oneWaySeconds - Math.max(newestSentSeconds, droppedUntilSeconds));
    }

    /** A new play, seek or connection: nothing known in flight. */
    public void reset() {
        newestSentSeconds = Double.NaN;
        droppedUntilSeconds = Double.NEGATIVE_INFINITY;
    }
}
