package org.adaptivestream.adaptation;

import java.util.Locale;
import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.adaptivestream.media.Rung;

/**
 * Our default: looks a few seconds ahead and picks the rung whose plan scores best by the
 * same QoE the benchmarks use (docs/QOE.md), so it trades bitrate against stalls and switches
 * in the units a viewer feels, rather than through thresholds tuned to one kind of link.
 *
 * <p>For every rung it plays forward the plan "this rung for the playout delay and the next
 * {@link #HORIZON_SECONDS}", in steps of {@link #STEP_SECONDS}: each step's video crosses the
 * link at the predicted capacity; what takes longer than the step eats into the playout
 * buffer, and whatever the buffer cannot cover is a stall, which earns no utility and costs the
 * stall penalty; a faster link refills the buffer up to its target. The plan also pays the
 * switch penalty once. A client that can move its playout later (the real one, up to its
 * latency bound) turns lateness into a freeze as long as it, after which frames are on time
 * again; the plan counts that freeze and lets only what is left past the bound stay late.
 *
 * <ul>
 *   <li><b>Prediction.</b> For the current and lower rungs, the link runs at the latest
 *       capacity for the first {@link #NOW_LASTS_SECONDS} (a drop matters now) and after it at
 *       the lower of the window's and the last two seconds' (a dip usually passes, but a link
 *       in decline is slower than the window says for the seconds the window lags it). A
 *       higher rung is planned at the lower of the two throughout, less {@link #UP_HEADROOM}:
 *       a fast moment is no recovery, and a way up that turns out wrong costs two switches.
 *       No cap by the receive rate: capacity is measured over the time the link was busy, so
 *       on a saturated link it already is the receive rate, and in a dead spell the receive
 *       rate says nothing of the link a moment later (capping by it sent 1080p to 240p on
 *       short gaps of an LTE link).</li>
 *   <li><b>A rung that keeps freezing.</b> The estimates say what the link carries on average,
 *       not how unevenly. A rung that froze lately while the link kept delivering ({@link
 *       FreezeShare}) is planned, with every rung above it, on the capacity divided by a margin
 *       that grows with that share and with how little the rung earns against the cost of a
 *       frozen second ({@link #FREEZE_MARGIN}).</li>
 *   <li><b>Hysteresis.</b> Down whenever a lower rung's plan scores better. Up only
 *       {@link #MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP} after the last switch and
 *       {@link #MIN_SECONDS_AFTER_STALL_FOR_UP} after the last stall: one good sample after a
 *       drop is not yet a recovery, and each wrong way up costs two switch penalties. With
 *       {@link #DEEP_BUFFER_SECONDS} or more of buffer the first wait is
 *       {@link #MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP_FROM_DEEP_BUFFER}: the buffer then hides a
 *       wrong way up for as long as it takes to see it and step back, so it costs the two
 *       switches but no freeze, and the long wait cost more than that on links whose dips
 *       pass.</li>
 *   <li><b>Dropping a GOP.</b> At the lowest rung on a starved link (its sustained capacity
 *       under that rung for {@link #STARVED_SECONDS_BEFORE_DROPPING}), when the video in flight
 *       ({@link PolicyInput#inFlightSeconds}, crossing at the latest capacity) will make the
 *       next GOP later than the playout delay and the room to absorb allow, it asks the server
 *       to leave that GOP unsent: the link drains, and the GOP after it arrives in time, where
 *       sending every GOP late freezes the picture through all of them. This is what the offline optimum does
 *       through outages, and the simulated gain on links under the lowest rung is large
 *       (docs/ADAPTATION-LOG.md).</li>
 *   <li><b>A switch asked for counts as made.</b> The server makes most switches at once, from
 *       the current GOP's keyframe, while the video it sent before still arrives in the old
 *       rung. So while a switch is on its way only a lower rung replaces it: asking for anything
 *       higher, the arriving rung included, would be one more switch, an up inside the hold.
 *       Deciding from the arriving rung alone, a called-off down-switch and the hold after it
 *       asked for the two rungs in turn, each request a switch (a 3 s freeze on
 *       TMobile-LTE-short).</li>
 * </ul>
 * Stateless. Its planning allocates nothing; the reason string is a decision's one allocation.
 */
public final class DefaultPolicy implements AdaptationPolicy {

    /** One step of the plan: the GOP length, the unit in which the server can change rung. */
    public static final double STEP_SECONDS = 0.5;
    /**
     * How far a plan looks past the playout delay: long enough that a switch must pay for
     * itself, short enough to trust the prediction. The delay is added because a buffer of that
     * many seconds hides a rung that is too high for about as long; a plan that ended sooner
     * would see 1080p drain a 3 s buffer and never the freeze at the end of it.
     */
    public static final double HORIZON_SECONDS = 5.0;
    public static final double MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP = 3.0;
    /** Buffer from which a wrong way up shows before it freezes (a decision every 250 ms, a switch within a GOP). */
    public static final double DEEP_BUFFER_SECONDS = 1.0;
    public static final double MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP_FROM_DEEP_BUFFER = 1.0;
    public static final double MIN_SECONDS_AFTER_STALL_FOR_UP = 2.0;
    /** How long a plan trusts the latest capacity before the window's: a dip usually passes within a second. */
    public static final double NOW_LASTS_SECONDS = 1.0;
    /**
     * A higher rung is planned on the sustained capacity divided by this. The plan sends each
     * step's bits evenly, but a way up starts with a catch-up burst (the new rung's keyframe
     * and its frames so far, at once) and every GOP with a keyframe four times a frame; a rung
     * that only just fits the estimate froze on the way up on 3G links. Under 1.1, so that a
     * steady link at 1.1 times a rung still plays it.
     */
    public static final double UP_HEADROOM = 1.08;
    /**
     * The current rung and those above it are planned on the capacity divided by 1 + this × the
     * share of recent time the stream froze while the link kept delivering ({@link FreezeShare})
     * × the top rung's bitrate over the current rung's. The estimates say what the link carries
     * on average; a rung that still freezes at 150 ms of playout delay fits the average but not
     * the link's unevenness, and without this the plan kept choosing it (480p on an EVDO uplink
     * read at 1.0–1.7 Mbit/s for 18 s, frozen 4 s of every 20). The bitrate ratio is the
     * score's: a second frozen costs the top rung's Mbit/s, a large share of what a low rung
     * earns and a small one of what the top rung does, so 1080p frozen a tenth of the time still
     * beats 720p and is planned on capacity / 1.04, where 480p frozen as often is planned on
     * capacity / 1.2. Swept from 0.25 to 0.8 in simulation; from 0.6 the Mahimahi traces lose
     * (docs/ADAPTATION-LOG.md, "A rung that keeps freezing").
     */
    public static final double FREEZE_MARGIN = 0.4;
    /**
     * How long the link must have been starved ({@link StarvationClock}) before the policy asks
     * the server to leave a GOP unsent. An LTE link's stops of up to a second read as starved
     * for a moment and then deliver everything queued at once, so a GOP dropped in them is a
     * freeze for nothing; from 1 s it cost on the Mahimahi traces, at 2 s it no longer did
     * (docs/ADAPTATION-LOG.md, "GOPs a client asks to drop").
     */
    public static final double STARVED_SECONDS_BEFORE_DROPPING = 2.0;

    @Override
    public String name() {
        return PolicyRegistry.DEFAULT;
    }

    @Override
    public Decision decide(PolicyInput in) {
        LinkEstimates e = in.estimates();
        Ladder ladder = in.ladder();
        Rung current = in.currentRung();
        if (e.capacityLatestBitsPerSecond().isEmpty()) {
            return new Decision(current, "default: no capacity estimate yet, holding " + current.label());
        }
        double now = e.capacityLatestBitsPerSecond().getAsDouble();
        double later = Math.min(e.capacityBitsPerSecond().orElse(now), e.capacityRecentBitsPerSecond().orElse(now));
        double buffer = in.stalled() ? 0 : in.bufferSeconds();
        double absorbable = in.absorbableSeconds();
        // A higher rung must fit both the latest capacity and the window's, with headroom: one fast moment is no recovery.
        double sustained = Math.min(now, later) / UP_HEADROOM;

        // The current rung froze lately while the link kept delivering: it and the rungs above need more than estimated.
        double freezeMargin = 1 + FREEZE_MARGIN * in.freezeShare()
                * ladder.megabitsPerSecond(Rung.highest()) / ladder.megabitsPerSecond(current);
        Rung best = current;
        double bestScore = Double.NEGATIVE_INFINITY;
        double currentScore = Double.NaN;
        for (Rung rung : Rung.values()) {
            boolean higher = rung.ordinal() > current.ordinal();
            double margin = rung.ordinal() >= current.ordinal() ? freezeMargin : 1;
            double score = planScore(ladder, current, rung, (higher ? sustained : now) / margin,
                    (higher ? sustained : later) / margin, buffer, in.targetBufferSeconds(), absorbable);
            if (rung == current) {
                currentScore = score;
            }
            if (score > bestScore) {
                bestScore = score;
                best = rung;
            }
        }
        String why = String.format(Locale.ROOT,
                "default: capacity %s now, %s later, buffer %s%s%s: %s scores %.1f over %.0f s, %s %.1f",
                Ladder.mbps(now), Ladder.mbps(later), Ladder.millis(buffer),
                absorbable > 0 ? " (+" + Ladder.millis(absorbable) + " absorbable)" : "",
                in.freezeShare() > 0 ? String.format(Locale.ROOT,
                        ", frozen %.0f %% lately: %s and up planned on capacity / %.2f",
                        100 * in.freezeShare(), current.label(), freezeMargin) : "",
                best.label(), bestScore, steps(in.targetBufferSeconds() + absorbable) * STEP_SECONDS,
                current.label(), currentScore);
        Rung requested = in.requestedRung();
        if (best == Rung.lowest() && current == best && requested == best) {
            double late = in.inFlightSeconds() * ladder.bitsPerSecond(best) / Math.max(now, 1)
                    - in.targetBufferSeconds() - absorbable;
            if (in.starvedSeconds() >= STARVED_SECONDS_BEFORE_DROPPING && late > 0) {
                return new Decision(best, String.format(Locale.ROOT, "%s; starved %.1f s, the next GOP %s late behind "
                        + "%s in flight: dropping it", why, in.starvedSeconds(), Ladder.millis(late),
                        Ladder.millis(in.inFlightSeconds())), true);
            }
        }
        if (best.ordinal() > requested.ordinal()) {
            if (requested != current) {
                return new Decision(requested, String.format(Locale.ROOT, "%s; switch to %s on its way, holding it",
                        why, requested.label()));
            }
            double hold = buffer >= DEEP_BUFFER_SECONDS
                    ? MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP_FROM_DEEP_BUFFER : MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP;
            if (in.secondsSinceSwitch() < hold) {
                return new Decision(current, String.format(Locale.ROOT, "%s; last switch %.1f s ago < %.0f s, holding",
                        why, in.secondsSinceSwitch(), hold));
            }
            if (in.secondsSinceStall() < MIN_SECONDS_AFTER_STALL_FOR_UP) {
                return new Decision(current, String.format(Locale.ROOT, "%s; last stall %.1f s ago < %.0f s, holding",
                        why, in.secondsSinceStall(), MIN_SECONDS_AFTER_STALL_FOR_UP));
            }
            return new Decision(best, why + ", up");
        }
        if (best == requested) {
            return new Decision(best, why);
        }
        return new Decision(best, why + (best == current ? ", calling off " + requested.label() : ", down"));
    }

    /**
     * QoE of streaming {@code rung} for the horizon from a buffer of {@code buffer} seconds:
     * utility of what is shown, minus the stall penalty (the top rung's Mbit/s per second) and
     * the switch penalty, as in {@code evaluation.QoeFormula}. Up to {@code absorbable} seconds of
     * lateness move the playout later instead of staying (see the class comment).
     */
    static double planScore(Ladder ladder, Rung current, Rung rung, double capacityNow, double capacityLater,
            double buffer, double targetBuffer, double absorbable) {
        double mbps = ladder.megabitsPerSecond(rung);
        double stallPenalty = ladder.megabitsPerSecond(Rung.highest());
        double score = -Math.abs(mbps - ladder.megabitsPerSecond(current));
        double margin = buffer;
        double moved = 0;
        for (int i = 0, n = steps(targetBuffer + absorbable); i < n; i++) {
            double behind = sendSeconds(ladder.bitsPerSecond(rung) * STEP_SECONDS, i == 0 ? capacityNow : capacityLater,
                    capacityLater) - STEP_SECONDS;
            // The playout waits for the step's last frame as far as it still may: a freeze that
            // long, but every frame is shown. Frames later than that are not: lost utility too.
            double shift = Math.max(0, Math.min(absorbable - moved, behind - margin));
            moved += shift;
            double late = STEP_SECONDS * Lateness.share(-margin - shift, behind - margin - shift);
            score += mbps * (STEP_SECONDS - late) - stallPenalty * (late + shift);
            // Lateness past what the server would still send no longer grows. A later playout holds more buffer.
            margin = Math.max(-MAX_LATENESS_SECONDS, Math.min(targetBuffer + moved, margin - behind + shift));
        }
        return score;
    }

    /** Steps in a plan: {@link #HORIZON_SECONDS} past the playout delay, ten at the default 150 ms. */
    static int steps(double targetBuffer) {
        return (int) Math.round((HORIZON_SECONDS + targetBuffer) / STEP_SECONDS);
    }

    /**
     * Seconds to send {@code bits} when the link runs at {@code now} for {@link
     * #NOW_LASTS_SECONDS} and at {@code later} after that. "Now" lasts a while of wall time, not
     * as long as the bits take: otherwise a dip of a moment makes a high rung look seconds
     * behind, and on an LTE link every short gap sent 1080p down to 240p and straight back.
     */
    private static double sendSeconds(double bits, double now, double later) {
        double nowBits = Math.max(now, 1) * NOW_LASTS_SECONDS;
        return bits <= nowBits ? bits / Math.max(now, 1) : NOW_LASTS_SECONDS + (bits - nowBits) / Math.max(later, 1);
    }

    /**
     * A plan is never later than this. It was the server's lag limit when that was 2 s; the
     * limit is now 0.5 s ({@code ServerConfig.DEFAULT_MAX_LAG}), but in simulation no decision
     * on the three trace sets changes for any cap from 0.35 s (that limit past the playout
     * delay) to 20 s (ADAPTATION-LOG.md, "Tuning the default's constants"), so it was left as it was.
     */
    private static final double MAX_LATENESS_SECONDS = 2.0;
}
