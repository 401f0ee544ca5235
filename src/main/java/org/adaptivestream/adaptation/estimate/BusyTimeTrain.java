package org.adaptivestream.adaptation.estimate;

/**
 * Link capacity from whole frames, for a client that cannot time single packets. A frame kept
 * the bottleneck busy from the moment it could first reach it (its send time plus the one-way
 * propagation) or the moment the frame before it had arrived, whichever is later, until its
 * last byte arrived; bits over that busy time is what the link carried while it had something
 * to carry.
 *
 * <p>Why not the spread between a frame's first and last byte: over TLS the first bytes of a
 * frame are handed over only with the rest of their 16 KB record, so the spread misses most of
 * the frame's crossing and overstated a 2 Mbit/s link as 10–20 Mbit/s; and a frame that waited
 * out a dead spell of the link (common on cellular) would not count the wait at all. Busy time
 * counts both.
 *
 * <p>Frames are summed into trains of at least {@link #MIN_TRAIN_SECONDS} of busy time, or as
 * many as were sent within {@link #MAX_TRAIN_SPAN_SECONDS} ({@link #FIRST_TRAIN_SPAN_SECONDS} for
 * the first) on a link so fast that a train would take too long to fill: a late wake-up of the
 * reading thread lengthens one frame's time and shortens the next one's, and a train averages
 * that out. Not thread-safe.
 */
final class BusyTimeTrain {

    /** Enough busy time that a millisecond of scheduling noise moves a sample by 5 % at most. */
    static final double MIN_TRAIN_SECONDS = 0.02;
    /** A GOP: on a link far faster than the stream, a rough sample now beats a precise one later. */
    static final double MAX_TRAIN_SPAN_SECONDS = 0.5;
    /**
     * The first train's span, until which the policy has no estimate at all and the stream stays
     * at its start rung: on a fast link the rest of a half-second span was worth 1.5 points of QoE
     * (simulated, on each Mahimahi LTE trace). Four frames at 30 fps are a keyframe and three
     * more; a link that carries those of 480p, the real client's start rung, in under {@link
     * #MIN_TRAIN_SECONDS} carries at least 9.7 Mbit/s by the nominal GOP sizes (a keyframe four
     * times a frame), nearly twice what 1080p needs, so a rough figure decides the same rung as a
     * precise one.
     */
    static final double FIRST_TRAIN_SPAN_SECONDS = 0.1;

    /** A completed train: {@code bits} carried in {@code busySeconds} of busy link. */
    record Sample(double bits, double busySeconds) {
        double bitsPerSecond() {
            return bits / busySeconds;
        }
    }

    private boolean firstTrain = true;
    private double lastArrivalSeconds = Double.NEGATIVE_INFINITY;
    private double firstSendSeconds = Double.NaN;
    private double bits;
    private double busySeconds;

    /**
     * A frame sent at {@code sendSeconds} (client clock) whose last byte arrived at {@code
     * arrivalSeconds}; returns the train it completes, or null.
     */
    Sample onFrame(double sendSeconds, double arrivalSeconds, double frameBits, double propagationSeconds) {
        double earliest = sendSeconds + propagationSeconds;
        if (arrivalSeconds < earliest) {
            return null; // ahead of its earliest possible arrival: clock noise, its time unknowable
        }
        // Read together with the frame before it: its bits count, its time went to that frame.
        busySeconds += Math.max(0, arrivalSeconds - Math.max(earliest, lastArrivalSeconds));
        lastArrivalSeconds = Math.max(lastArrivalSeconds, arrivalSeconds);
        if (Double.isNaN(firstSendSeconds)) {
            firstSendSeconds = sendSeconds;
        }
        bits += frameBits;
        double span = firstTrain ? FIRST_TRAIN_SPAN_SECONDS : MAX_TRAIN_SPAN_SECONDS;
        if (busySeconds < MIN_TRAIN_SECONDS && sendSeconds - firstSendSeconds < span) {
            return null;
        }
        firstTrain = false;
        Sample sample = new Sample(bits, busySeconds);
        firstSendSeconds = Double.NaN;
        bits = 0;
        busySeconds = 0;
        return sample;
    }

    void reset() {
        firstTrain = true;
        lastArrivalSeconds = Double.NEGATIVE_INFINITY;
        firstSendSeconds = Double.NaN;
        bits = 0;
        busySeconds = 0;
    }
}
