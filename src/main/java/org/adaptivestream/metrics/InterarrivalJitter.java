package org.adaptivestream.metrics;

/**
 * Interarrival jitter as RFC 3550 section 6.4.1 defines it: for consecutive packets i and j,
 * D = (Rj − Ri) − (Sj − Si) and J += (|D| − J) / 16, a running estimate of the mean deviation
 * of transit time. Send times come from the server's clock and arrival times from ours; the
 * clocks' offset cancels in D, so no synchronisation is needed. Not thread-safe.
 */
public final class InterarrivalJitter {

    private static final double GAIN = 1.0 / 16;

    private boolean hasPrevious;
    private long previousSendMicros;
    private long previousArrivalMicros;
    private double jitterMicros;

    /** Adds one packet and returns the updated jitter in microseconds. */
    public double add(long sendMicros, long arrivalMicros) {
        if (hasPrevious) {
            long d = (arrivalMicros - previousArrivalMicros) - (sendMicros - previousSendMicros);
            jitterMicros += (Math.abs(d) - jitterMicros) * GAIN;
        }
        hasPrevious = true;
        previousSendMicros = sendMicros;
        previousArrivalMicros = arrivalMicros;
        return jitterMicros;
    }

    public double jitterMicros() {
        return jitterMicros;
    }

    /** Forgets the previous packet, e.g. after a seek or reconnect, when transit times restart. */
    public void restart() {
        hasPrevious = false;
    }
}
