package org.adaptivestream.adaptation.estimate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.OptionalDouble;

/**
 * Bottleneck capacity from the time the link was busy carrying the stream (see {@link
 * BusyTimeTrain}, which the simulator goes through too). The server writes each frame to the socket
 * at once, so a frame crosses the bottleneck back to back, at link rate, even though the
 * stream's average send rate is only the current bitrate. The client therefore learns what the
 * link could carry, not just what it was asked to carry.
 *
 * <p>Keeps the samples of the last {@code windowSeconds} and publishes nothing until it holds
 * {@code minSamples}. Not thread-safe: one client thread feeds and reads it.
 */
public final class CapacityEstimator {

    public static final double DEFAULT_WINDOW_SECONDS = 4.0;
    /**
     * One train: it already spans 20 ms of busy link or a stretch of stream (the first a tenth
     * of a second, see {@link BusyTimeTrain}), and until the first estimate a fast link plays
     * the start rung (480p where 1080p fits: 4 points of QoE lost per second).
     */
    public static final int DEFAULT_MIN_SAMPLES = 1;
    /** Bursts smaller than this span too few packets for their timing to mean anything. */
    public static final long MIN_BURST_BITS = 4 * 1024 * 8;
    /** A busy time shorter than this is clock granularity, not link rate. */
    public static final double MIN_BUSY_SECONDS = 0.000_5;

    /**
     * "Now" is the link over this much recent time rather than one train, which on a cellular
     * link may be 0 or 30 Mbit/s. A quarter second still caught single readings of 3 Mbit/s
     * between readings of 7 on an LTE link, each worth two switches.
     */
    public static final double LATEST_SECONDS = 0.5;
    /**
     * Long enough that a dip of a moment barely moves it, short enough to follow a link in
     * decline: the window lags one by seconds (ATT-LTE-driving-2016 going from 14 to 1.5 Mbit/s
     * over 5 s read 7.2 Mbit/s over the window with half a second of 3.5 behind it).
     */
    public static final double RECENT_SECONDS = 2.0;

    /**
     * The most one dead spell weighs in the window's scaling. The scaling is for the stops of a
     * tenth of a second to a second that an LTE link makes every few seconds: they recur, so
     * their share of the last seconds is a fair guess at their share of the next. An outage of
     * several seconds is an event rather than a rate; it says nothing of how long the link will
     * stay up once it is back. Counted whole, ATT-LTE-driving's outages of 3 and 10 s scaled
     * the window by 4/7 and 1/2 just after them, with the link back at its full rate.
     */
    public static final double MAX_DEAD_SPELL_SECONDS = 1.0;

    private record Sample(double timeSeconds, double bits, double busySeconds) {
    }

    /** {@code seconds} of dead link ending at {@code timeSeconds}. */
    private record DeadSpell(double timeSeconds, double seconds) {
    }

    private final double windowSeconds;
    private final int minSamples;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final Deque<DeadSpell> deadSpells = new ArrayDeque<>();
    /** The newest sample's or dead spell's time: where the window ends. */
    private double latestSeconds = Double.NEGATIVE_INFINITY;

    public CapacityEstimator() {
        this(DEFAULT_WINDOW_SECONDS, DEFAULT_MIN_SAMPLES);
    }

    public CapacityEstimator(double windowSeconds, int minSamples) {
        if (!(windowSeconds > 0) || minSamples < 1) {
            throw new IllegalArgumentException("window " + windowSeconds + " s and min samples " + minSamples + " must be positive");
        }
        this.windowSeconds = windowSeconds;
        this.minSamples = minSamples;
    }

    /**
     * {@code bits} that crossed the bottleneck in {@code busySeconds} of it being busy with them.
     * Returns whether the burst was usable.
     */
    public boolean onBurst(double nowSeconds, double bits, double busySeconds) {
        if (bits < MIN_BURST_BITS || !(busySeconds >= MIN_BUSY_SECONDS)) {
            return false;
        }
        samples.addLast(new Sample(nowSeconds, bits, busySeconds));
        expire(nowSeconds);
        return true;
    }

    /**
     * The link carried nothing for {@code seconds}, ending about {@code nowSeconds}: not a slow
     * link but a stopped one (see {@link DeadSpellFilter}).
     */
    public void onDeadSpell(double nowSeconds, double seconds) {
        if (seconds > 0) {
            deadSpells.addLast(new DeadSpell(nowSeconds, seconds));
            expire(nowSeconds);
        }
    }

    private void expire(double nowSeconds) {
        latestSeconds = Math.max(latestSeconds, nowSeconds);
        while (!deadSpells.isEmpty() && deadSpells.peekFirst().timeSeconds() < nowSeconds - windowSeconds) {
            deadSpells.removeFirst();
        }
        while (samples.size() > minSamples && samples.peekFirst().timeSeconds() < nowSeconds - windowSeconds) {
            samples.removeFirst();
        }
    }

    private boolean ready() {
        return samples.size() >= minSamples;
    }

    /**
     * The link as it is now: what crossed in the busy time of the samples of the last {@link
     * #LATEST_SECONDS}, or the latest sample alone if it is older.
     */
    public OptionalDouble latestBitsPerSecond() {
        return over(LATEST_SECONDS);
    }

    /** The same over the last {@link #RECENT_SECONDS}: the link lately, dead spells left out. */
    public OptionalDouble recentBitsPerSecond() {
        return over(RECENT_SECONDS);
    }

    private OptionalDouble over(double seconds) {
        return ready() ? OptionalDouble.of(rateSince(samples.peekLast().timeSeconds() - seconds)) : OptionalDouble.empty();
    }

    /**
     * Over the window: bits over busy time, which weights each sample by its bits (like a
     * harmonic mean, slow stretches pull it down more than fast bursts pull it up), scaled by
     * the window over the window plus the dead time in it. A dead spell so costs its share of
     * wall time, which is what it takes from the stream; counted as busy time it would weigh
     * more, the more so the less of the link the stream uses. Only the part of a spell inside
     * the window counts, and at most {@link #MAX_DEAD_SPELL_SECONDS} of it: counted whole, a
     * spell weighed as much at the window's end as just after it, and one longer than the
     * window more than the window itself (simulated on ATT-LTE-driving, 3.6 s after a 3 s
     * outage the window read 3.87 Mbit/s with 7.19 read now, and the default went to 720p
     * rather than 1080p).
     */
    public OptionalDouble smoothedBitsPerSecond() {
        if (!ready()) {
            return OptionalDouble.empty();
        }
        double windowStart = latestSeconds - windowSeconds;
        double dead = 0;
        for (DeadSpell spell : deadSpells) {
            double inWindow = Math.max(0, Math.min(spell.seconds(), spell.timeSeconds() - windowStart));
            dead += Math.min(MAX_DEAD_SPELL_SECONDS, inWindow);
        }
        return OptionalDouble.of(rateSince(Double.NEGATIVE_INFINITY) * windowSeconds / (windowSeconds + dead));
    }

    private double rateSince(double sinceSeconds) {
        double bits = 0;
        double busy = 0;
        for (Iterator<Sample> it = samples.descendingIterator(); it.hasNext(); ) {
            Sample s = it.next();
            if (busy > 0 && s.timeSeconds() < sinceSeconds) {
                break;
            }
            bits += s.bits();
            busy += s.busySeconds();
        }
        return bits / busy;
    }

    public void reset() {
        samples.clear();
        deadSpells.clear();
        latestSeconds = Double.NEGATIVE_INFINITY;
    }
}
