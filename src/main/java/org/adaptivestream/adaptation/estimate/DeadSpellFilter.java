package org.adaptivestream.adaptation.estimate;

/**
 * Tells a dead spell of the link from a slow link. A cellular link often stops for a tenth of
 * a second to a second and then delivers what queued meanwhile at full rate. The train that
 * waited out the stop has a long busy time that says nothing of the link's rate: counted as
 * capacity, one such wait pulled the window's estimate under the stream for as long as it
 * stayed in the window, seconds after the link was back, and the default policy left 1080p on
 * LTE links that carried it (docs/ADAPTATION-LOG.md).
 *
 * <p>A train busy for at least {@link #MIN_SUSPECT_SECONDS} is held until the train after it.
 * If the trains on both sides of it crossed at least {@link #RESUME_RATIO} times faster, or it
 * waited {@link #LONG_WAIT_SECONDS} or more and the train after it crossed that much faster, the
 * link stopped rather than slowed: the wait goes to the capacity estimator as a dead spell, as
 * long as the held train's busy time less what its bits take at the resumed rate. Otherwise, or
 * when no train follows within {@link #HOLD_SECONDS}, the held train is an ordinary sample: on a
 * slow link the frames queued behind a slow one cross just as slowly, and a link that was slow
 * before a short wait was slowing down, not stopped (an LTE link fading out delivers in ever
 * sparser bursts). Not thread-safe.
 */
final class DeadSpellFilter {

    /**
     * Shorter waits are within a frame or two of jitter and are left to the window to average.
     * Not much longer: an LTE link back from a stop often stutters for a moment (TMobile-LTE-driving
     * at 21.6 s: a packet, 188 ms of nothing, 29 packets, 67 ms of nothing, then 9 Mbit/s). A
     * train that waited out such a stutter reads a fraction of the link's rate: there, 2 Mbit/s
     * "now" just as the link came back, and the default left 1080p.
     */
    static final double MIN_SUSPECT_SECONDS = 0.05;
    /** A link back from a dead spell delivers its queue at its own rate, many times the rate of the wait. */
    static final double RESUME_RATIO = 4.0;
    /**
     * A wait this long before a fast train is a stop whatever came before it. A link in an outage
     * of seconds is not silent: it lets a packet through now and then, so the train before the
     * last wait crawled too, and the rule "fast on both sides" took the wait for a slow link.
     * Real mode, ATT-LTE-driving's 10 s outage: trains of 5.3 and 4.7 s at 0.02–0.03 Mbit/s,
     * and once the link was back the window read 0.57–0.85 Mbit/s with 6.4–7.5 read "now".
     * Shorter waits after a slow train still count as a slow link.
     */
    static final double LONG_WAIT_SECONDS = 1.0;
    /** Once the link is back, the frames queued behind the wait arrive within milliseconds. */
    static final double HOLD_SECONDS = 0.1;

    private final CapacityEstimator capacity;
    private BusyTimeTrain.Sample held;
    private double heldSeconds;
    /** The rate of the train before the held one: a link that stops was fast before it stopped. */
    private double beforeBitsPerSecond;

    DeadSpellFilter(CapacityEstimator capacity) {
        this.capacity = capacity;
    }

    /** A completed train whose last frame arrived at {@code nowSeconds}. */
    void onTrain(double nowSeconds, BusyTimeTrain.Sample train) {
        double rate = train.bitsPerSecond();
        if (held != null) {
            double waited = held.bitsPerSecond();
            boolean resumedFast = rate >= RESUME_RATIO * waited;
            boolean fastBefore = beforeBitsPerSecond >= RESUME_RATIO * waited;
            if (resumedFast && (fastBefore || held.busySeconds() >= LONG_WAIT_SECONDS)) {
                capacity.onDeadSpell(heldSeconds, held.busySeconds() - held.bits() / rate);
                held = null;
            } else {
                passHeld();
            }
        }
        if (train.busySeconds() >= MIN_SUSPECT_SECONDS) {
            held = train;
            heldSeconds = nowSeconds;
        } else {
            capacity.onBurst(nowSeconds, train.bits(), train.busySeconds());
            beforeBitsPerSecond = rate;
        }
    }

    /** Lets a held train through as an ordinary sample once nothing faster has followed it in time. */
    void flush(double nowSeconds) {
        if (held != null && nowSeconds - heldSeconds >= HOLD_SECONDS) {
            passHeld();
        }
    }

    /** The held train was the link's rate after all, and the rate before whatever comes next. */
    private void passHeld() {
        capacity.onBurst(heldSeconds, held.bits(), held.busySeconds());
        beforeBitsPerSecond = held.bitsPerSecond();
        held = null;
    }

    void reset() {
        held = null;
        beforeBitsPerSecond = 0;
    }
}
