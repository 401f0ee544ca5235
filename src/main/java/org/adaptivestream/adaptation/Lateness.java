package org.adaptivestream.adaptation;

/**
 * How much of a stretch of frames arrives after it is due, shared by the simulator's physics
 * and the default policy's plans so both count a late GOP the same way.
 */
public final class Lateness {

    private Lateness() {
    }

    /**
     * The share of a run of frames that is late, given how late its first and last frames are
     * (negative: early). Lateness varies linearly between them while the capacity holds, so
     * this is the part of that line above zero.
     */
    public static double share(double first, double last) {
        if (first <= 0 && last <= 0) {
            return 0;
        }
        if (first > 0 && last > 0) {
            return 1;
        }
        double crossing = first / (first - last);
        return first > 0 ? crossing : 1 - crossing;
    }
}
