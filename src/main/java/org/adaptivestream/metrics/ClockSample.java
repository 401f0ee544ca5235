package org.adaptivestream.metrics;

/**
 * One ping/pong exchange, NTP style: the client sent at t0, the server received at t1 and
 * replied at t2, the client received at t3 (t0, t3 on the client's clock; t1, t2 on the
 * server's), all in microseconds.
 */
public record ClockSample(long t0, long t1, long t2, long t3) {

    /** Round-trip time on the network, without the server's own holding time. */
    public long roundTripMicros() {
        return (t3 - t0) - (t2 - t1);
    }

    /** Server clock minus client clock, assuming symmetric paths. */
    public long offsetMicros() {
        return ((t1 - t0) + (t2 - t3)) / 2;
    }
}
