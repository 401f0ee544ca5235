package org.adaptivestream.adaptation;

import java.util.Objects;
import java.util.OptionalDouble;
import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.adaptivestream.media.Rung;

/**
 * Everything a policy may look at, at one instant. Immutable.
 *
 * @param timeSeconds        now, on the client's clock (the simulator's clock in simulation)
 * @param estimates          the estimators' view of the link; any value may still be empty
 * @param bufferSeconds      media received and not yet shown
 * @param targetBufferSeconds the playout delay the client aims for (the buffer when all is well)
 * @param absorbableSeconds  how much more lateness the client can absorb by moving its playout
 *                           later: a late frame then costs a freeze as long as its lateness, and
 *                           later frames keep their time, where past this they stay late until
 *                           the link catches up. 0 for a client that plays at a fixed delay
 * @param inFlightSeconds    video the server has sent that has not arrived, in seconds of the
 *                           stream: from the send time of the newest frame that arrived, or of
 *                           the end of the last GOP the client asked to drop if later, to now
 *                           less the one-way delay (half the smallest round trip)
 * @param starvedSeconds     how long the link's sustained capacity (the lower of the 4 s and 2 s
 *                           windows') has stayed under the lowest rung's bitrate
 *                           ({@link StarvationClock}); 0 if it is not
 * @param freezeShare        the share of recent time playback froze with the stream only just
 *                           behind ({@link FreezeShare}): how badly a rung that almost fits fits
 * @param stalled            playback is waiting for a late frame right now
 * @param lastStallEndSeconds when the last stall ended, empty if there has been none
 * @param currentRung        the rung of the video arriving now
 * @param requestedRung      the rung last asked of the server; it differs from {@code currentRung}
 *                           while a switch is on its way, since the video already sent still arrives
 * @param ladder             the bitrate of every rung
 * @param lastSwitchSeconds  when the arriving rung last changed, empty if it never has
 */
public record PolicyInput(
        double timeSeconds,
        LinkEstimates estimates,
        double bufferSeconds,
        double targetBufferSeconds,
        double absorbableSeconds,
        double inFlightSeconds,
        double starvedSeconds,
        double freezeShare,
        boolean stalled,
        OptionalDouble lastStallEndSeconds,
        Rung currentRung,
        Rung requestedRung,
        Ladder ladder,
        OptionalDouble lastSwitchSeconds) {

    public PolicyInput {
        if (!(absorbableSeconds >= 0)) {
            throw new IllegalArgumentException("absorbable lateness must be >= 0 s, not " + absorbableSeconds);
        }
        if (!(inFlightSeconds >= 0) || !(starvedSeconds >= 0)) {
            throw new IllegalArgumentException("in flight and starved must be >= 0 s, not " + inFlightSeconds + " and "
                    + starvedSeconds);
        }
        if (!(freezeShare >= 0 && freezeShare <= 1)) {
            throw new IllegalArgumentException("freeze share must be within [0, 1], not " + freezeShare);
        }
        Objects.requireNonNull(estimates, "estimates");
        Objects.requireNonNull(lastStallEndSeconds, "lastStallEndSeconds");
        Objects.requireNonNull(currentRung, "currentRung");
        Objects.requireNonNull(requestedRung, "requestedRung");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(lastSwitchSeconds, "lastSwitchSeconds");
    }

    /** An input from a client that plays at a fixed delay (nothing absorbable), on a link not starved, with no recent freeze. */
    public PolicyInput(double timeSeconds, LinkEstimates estimates, double bufferSeconds, double targetBufferSeconds,
            boolean stalled, OptionalDouble lastStallEndSeconds, Rung currentRung, Rung requestedRung, Ladder ladder,
            OptionalDouble lastSwitchSeconds) {
        this(timeSeconds, estimates, bufferSeconds, targetBufferSeconds, 0, 0, 0, 0, stalled, lastStallEndSeconds,
                currentRung, requestedRung, ladder, lastSwitchSeconds);
    }

    /** Seconds since the arriving rung last changed; infinite if it never has. */
    public double secondsSinceSwitch() {
        return lastSwitchSeconds.isPresent() ? timeSeconds - lastSwitchSeconds.getAsDouble() : Double.POSITIVE_INFINITY;
    }

    /** Seconds since the last stall ended; 0 while stalled, infinite if there has been none. */
    public double secondsSinceStall() {
        if (stalled) {
            return 0;
        }
        return lastStallEndSeconds.isPresent() ? timeSeconds - lastStallEndSeconds.getAsDouble() : Double.POSITIVE_INFINITY;
    }

    public double currentBitsPerSecond() {
        return ladder.bitsPerSecond(currentRung);
    }

    public PolicyInput withEstimates(LinkEstimates newEstimates) {
        return new PolicyInput(timeSeconds, newEstimates, bufferSeconds, targetBufferSeconds, absorbableSeconds,
                inFlightSeconds, starvedSeconds, freezeShare, stalled, lastStallEndSeconds, currentRung, requestedRung,
                ladder, lastSwitchSeconds);
    }
}
