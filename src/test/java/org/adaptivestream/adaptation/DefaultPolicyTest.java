package org.adaptivestream.adaptation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.adaptivestream.media.Rung;
import org.junit.jupiter.api.Test;

/** The default's single decisions: what its plans weigh, and its hysteresis. */
class DefaultPolicyTest {

    private static final Ladder LADDER = Ladder.nominal();
    private static final double TARGET = 0.15;
    private final DefaultPolicy policy = new DefaultPolicy();

    @Test
    void withoutACapacityEstimate_holds() {
        Decision d = policy.decide(input(LinkEstimates.NONE, Rung.R480P, TARGET, 100, false));
        assertThat(d.rung()).isEqualTo(Rung.R480P);
        assertThat(d.reason()).contains("no capacity estimate");
    }

    @Test
    void aOneSampleDipOnAFastLink_doesNotPayForTwoSwitches() {
        // Now 4 Mbit/s for 1080p's 5, but the window says 12: a short stall costs less than 720p.
        Decision d = policy.decide(input(estimates(4e6, 12e6, 5e6), Rung.R1080P, TARGET, 100, false));
        assertThat(d.rung()).isEqualTo(Rung.R1080P);
    }

    @Test
    void aDeclineTheWindowLags_stepsDownBeforeTheWindowFollows() {
        // The last half second at 3.5 Mbit/s and the last two at 4.5: the 4 s window's 7.2 is the past.
        LinkEstimates declining = estimates(3.5e6, 7.2e6, 4.5e6, 5e6);
        Decision d = policy.decide(input(declining, Rung.R1080P, TARGET, 100, false));
        assertThat(d.rung()).isEqualTo(Rung.R720P);
        // A dip of the last half second alone, the last two seconds still fast: a short stall costs less than 720p.
        LinkEstimates dip = estimates(3.5e6, 7.2e6, 7.0e6, 5e6);
        assertThat(policy.decide(input(dip, Rung.R1080P, TARGET, 100, false)).rung()).isEqualTo(Rung.R1080P);
    }

    @Test
    void aDropTheWindowConfirms_stepsDownToWhatFits() {
        Decision d = policy.decide(input(estimates(1.5e6, 1.6e6, 5e6), Rung.R1080P, TARGET, 100, false));
        assertThat(d.rung()).isEqualTo(Rung.R480P);
        assertThat(d.reason()).contains("down").contains("1.50 Mbit/s now");
    }

    @Test
    void up_onlyToARungTheLinkCarriesWithHeadroom() {
        double rung720 = LADDER.bitsPerSecond(Rung.R720P);
        double justFits = rung720 * (1 + (DefaultPolicy.UP_HEADROOM - 1) / 2);
        assertThat(policy.decide(input(estimates(justFits, justFits, 1e6), Rung.R480P, TARGET, 100, false)).rung())
                .isEqualTo(Rung.R480P);
        double withHeadroom = rung720 * DefaultPolicy.UP_HEADROOM * 1.01;
        assertThat(policy.decide(input(estimates(withHeadroom, withHeadroom, 1e6), Rung.R480P, TARGET, 100, false)).rung())
                .isEqualTo(Rung.R720P);
        // Staying needs no headroom: the headroom is for the way up.
        assertThat(policy.decide(input(estimates(justFits, justFits, 3e6), Rung.R720P, TARGET, 100, false)).rung())
                .isEqualTo(Rung.R720P);
    }

    @Test
    void aRungThatKeepsFreezing_isLeftThoughTheEstimatesSayItFits() {
        LinkEstimates uneven = estimates(1.3e6, 1.3e6, 1e6);
        assertThat(policy.decide(frozenLately(uneven, Rung.R480P, 0)).rung()).isEqualTo(Rung.R480P);

        Decision d = policy.decide(frozenLately(uneven, Rung.R480P, 0.2));
        assertThat(d.rung()).isEqualTo(Rung.R240P);
        assertThat(d.reason()).contains("frozen 20 % lately: 480p and up planned on capacity / 1.40");
    }

    @Test
    void theTopRungFrozenAsOften_keepsIt_forAFreezeCostsItLessOfWhatItEarns() {
        LinkEstimates fits = estimates(6e6, 6e6, 5e6);
        Decision d = policy.decide(frozenLately(fits, Rung.R1080P, 0.2));
        assertThat(d.rung()).isEqualTo(Rung.R1080P);
        assertThat(d.reason()).contains("1080p and up planned on capacity / 1.08");
    }

    @Test
    void up_waitsForTheHoldTimesAfterASwitchAndAfterAStall() {
        LinkEstimates plenty = estimates(20e6, 20e6, 1e6);
        double soon = DefaultPolicy.MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP - 0.5;
        assertThat(policy.decide(input(plenty, Rung.R480P, TARGET, soon, false)).rung()).isEqualTo(Rung.R480P);
        assertThat(policy.decide(input(plenty, Rung.R480P, TARGET, 100, false)).rung()).isEqualTo(Rung.R1080P);
        PolicyInput afterStall = new PolicyInput(100, plenty, TARGET, TARGET, false, OptionalDouble.of(99.5),
                Rung.R480P, Rung.R480P, LADDER, OptionalDouble.of(0));
        Decision held = policy.decide(afterStall);
        assertThat(held.rung()).isEqualTo(Rung.R480P);
        assertThat(held.reason()).contains("last stall");
    }

    @Test
    void up_waitsLessWhenADeepBufferWouldHideAWrongWayUp() {
        LinkEstimates plenty = estimates(20e6, 20e6, 1e6);
        double between = (DefaultPolicy.MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP_FROM_DEEP_BUFFER
                + DefaultPolicy.MIN_SECONDS_BETWEEN_SWITCHES_FOR_UP) / 2;
        assertThat(policy.decide(input(plenty, Rung.R480P, 2.8, 3.0, between, false)).rung()).isEqualTo(Rung.R1080P);
        // The same moment on the default playout delay, or with a deep delay whose buffer has drained: held.
        assertThat(policy.decide(input(plenty, Rung.R480P, TARGET, TARGET, between, false)).rung()).isEqualTo(Rung.R480P);
        Decision drained = policy.decide(input(plenty, Rung.R480P, DefaultPolicy.DEEP_BUFFER_SECONDS / 2, 3.0, between, false));
        assertThat(drained.rung()).isEqualTo(Rung.R480P);
        assertThat(drained.reason()).contains("last switch");
    }

    @Test
    void planScore_looksPastWhatADeepBufferHides() {
        // 1080p on 3.5 Mbit/s falls 0.21 s behind per step: a full 3 s buffer lasts 7 s, past the base horizon.
        double full = DefaultPolicy.planScore(LADDER, Rung.R1080P, Rung.R1080P, 3.5e6, 3.5e6, 3.0, 3.0, 0);
        double lower = DefaultPolicy.planScore(LADDER, Rung.R1080P, Rung.R1080P, 3.5e6, 3.5e6, 2.5, 3.0, 0);
        double unfrozen = 5.0 * DefaultPolicy.steps(3.0) * DefaultPolicy.STEP_SECONDS;
        assertThat(full).isLessThan(unfrozen);
        assertThat(lower).isLessThan(full);
        assertThat(DefaultPolicy.steps(TARGET) * DefaultPolicy.STEP_SECONDS).isEqualTo(DefaultPolicy.HORIZON_SECONDS);
    }

    @Test
    void aSwitchOnItsWay_countsAsMade_andIsCalledOffOnlyForALowerRung() {
        LinkEstimates plenty = estimates(20e6, 20e6, 1e6);
        // Down to 720p asked, 1080p still arriving, and the link is fine again: the server has
        // most likely switched already, so going back would be one more switch, an up inside the hold.
        Decision keepsTheDown = policy.decide(new PolicyInput(100, plenty, TARGET, TARGET, false,
                OptionalDouble.empty(), Rung.R1080P, Rung.R720P, LADDER, OptionalDouble.empty()));
        assertThat(keepsTheDown.rung()).isEqualTo(Rung.R720P);
        assertThat(keepsTheDown.reason()).contains("switch to 720p on its way");
        // Up to 1080p asked, 720p still arriving: holding is keeping 1080p, not asking for 720p again.
        Decision keepsTheUp = policy.decide(new PolicyInput(100, plenty, TARGET, TARGET, false,
                OptionalDouble.empty(), Rung.R720P, Rung.R1080P, LADDER, OptionalDouble.of(99.9)));
        assertThat(keepsTheUp.rung()).isEqualTo(Rung.R1080P);
        // Bad news is acted on at once, whatever is on its way.
        LinkEstimates for480 = estimates(1.5e6, 1.6e6, 1e6);
        Decision callsOffTheUp = policy.decide(new PolicyInput(100, for480, TARGET, TARGET, false,
                OptionalDouble.empty(), Rung.R720P, Rung.R1080P, LADDER, OptionalDouble.of(90)));
        assertThat(callsOffTheUp.rung().ordinal()).isLessThan(Rung.R720P.ordinal());
        LinkEstimates for720 = estimates(4e6, 4e6, 1e6);
        Decision backTo720 = policy.decide(new PolicyInput(100, for720, TARGET, TARGET, false,
                OptionalDouble.empty(), Rung.R720P, Rung.R1080P, LADDER, OptionalDouble.of(90)));
        assertThat(backTo720.rung()).isEqualTo(Rung.R720P);
        assertThat(backTo720.reason()).endsWith("calling off 1080p");
    }

    /**
     * The client's loop, with the server carrying out every request and its video taking half a
     * second to show it: the arriving rung is the one asked for two decisions earlier. Starting
     * with a down-switch on its way that the link no longer calls for, the rung must settle
     * rather than swap at every decision, as it did when the hold kept the arriving rung.
     */
    @Test
    void aDownOnItsWay_whenTheLinkRecovers_settlesInsteadOfSwappingBackAndForth() {
        LinkEstimates plenty = estimates(20e6, 20e6, 1e6);
        Rung arriving = Rung.R1080P;
        Rung requested = Rung.R720P;
        Rung requestedBefore = Rung.R1080P;
        double lastSwitch = 0;
        int arrivingChanges = 0;
        for (int i = 1; i <= 20; i++) {
            double now = 100 + 0.25 * i;
            Rung nowArriving = requestedBefore;
            if (nowArriving != arriving) {
                arriving = nowArriving;
                lastSwitch = now;
                arrivingChanges++;
            }
            requestedBefore = requested;
            requested = policy.decide(new PolicyInput(now, plenty, TARGET, TARGET, false, OptionalDouble.empty(),
                    arriving, requested, LADDER, OptionalDouble.of(lastSwitch))).rung();
        }
        assertThat(arriving).isEqualTo(Rung.R1080P);
        assertThat(arrivingChanges).isLessThanOrEqualTo(2);
    }

    @Test
    void planScore_chargesStallsAndTheSwitch() {
        // Carried with room to spare: full utility over the horizon, no switch.
        double steady = DefaultPolicy.planScore(LADDER, Rung.R720P, Rung.R720P, 10e6, 10e6, TARGET, TARGET, 0);
        assertThat(steady).isCloseTo(2.5 * DefaultPolicy.HORIZON_SECONDS, org.assertj.core.data.Offset.offset(1e-9));
        // The same rung after a switch from 480p pays |2.5 - 1.0|.
        double switched = DefaultPolicy.planScore(LADDER, Rung.R480P, Rung.R720P, 10e6, 10e6, TARGET, TARGET, 0);
        assertThat(steady - switched).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        // Half the capacity needed: the buffer runs out and the plan is mostly frozen, scoring below zero.
        double starved = DefaultPolicy.planScore(LADDER, Rung.R1080P, Rung.R1080P, 2.5e6, 2.5e6, TARGET, TARGET, 0);
        assertThat(starved).isNegative();
    }

    @Test
    void planScore_countsLatenessTheClientAbsorbsAsAFreezeAsLongAsIt() {
        // 1080p on 4 Mbit/s: each step 0.125 s behind, 2 s over the 16 steps of a plan at a 3 s bound.
        double stays = DefaultPolicy.planScore(LADDER, Rung.R1080P, Rung.R1080P, 4e6, 4e6, 0, TARGET, 0);
        double partly = DefaultPolicy.planScore(LADDER, Rung.R1080P, Rung.R1080P, 4e6, 4e6, 0, TARGET, 1.0);
        double absorbed = DefaultPolicy.planScore(LADDER, Rung.R1080P, Rung.R1080P, 4e6, 4e6, 0, TARGET, 2.85);
        // Every frame shown, less a freeze of the 2 s they were late in all.
        int steps = DefaultPolicy.steps(TARGET + 2.85);
        assertThat(absorbed).isCloseTo(5.0 * DefaultPolicy.STEP_SECONDS * steps - 5.0 * 0.125 * steps,
                org.assertj.core.data.Offset.offset(1e-9));
        // Once the bound is reached, lateness stays and freezes every step that follows.
        assertThat(partly).isBetween(stays, absorbed);
        assertThat(partly).isLessThan(absorbed - 1);
    }

    @Test
    void aDipTheClientCanAbsorb_isRiddenOut_butNotWithoutRoomToAbsorbIt() {
        // Half a second at 2 Mbit/s, the window at 6: on a fixed delay with no buffer 1080p freezes
        // until the link catches up; a client with room to move its playout pays the freeze once.
        LinkEstimates dip = estimates(2e6, 6e6, 5e6, 5e6);
        assertThat(policy.decide(input(dip, Rung.R1080P, 0.05, TARGET, 0, 100, false)).rung()).isLessThan(Rung.R1080P);
        Decision riddenOut = policy.decide(input(dip, Rung.R1080P, 0.05, TARGET, 2.85, 100, false));
        assertThat(riddenOut.rung()).isEqualTo(Rung.R1080P);
        assertThat(riddenOut.reason()).contains("(+2850 ms absorbable)");
    }

    @Test
    void onALinkStarvedForTwoSeconds_dropsTheNextGop_whenWhatIsInFlightMakesItLate() {
        // 0.3 Mbit/s for 240p's 0.4: 0.3 s in flight is 0.12 Mbit, 0.4 s to cross, 0.25 s past the 150 ms delay.
        LinkEstimates starved = estimates(0.3e6, 0.3e6, 0.3e6);
        Decision d = policy.decide(input(starved, Rung.R240P, 0, TARGET, 0, 0.3, 2.0, 100, true));
        assertThat(d.rung()).isEqualTo(Rung.R240P);
        assertThat(d.dropNextGop()).isTrue();
        assertThat(d.reason()).contains("starved 2.0 s, the next GOP 250 ms late behind 300 ms in flight: dropping it");

        // Starved a moment: a link that pauses, then delivers what queued at once.
        assertThat(dropsAt240p(starved, 0, 0.3, 1.9)).isFalse();
        // Little in flight: the next GOP would still be in time.
        assertThat(dropsAt240p(starved, 0, 0.1, 2.0)).isFalse();
        // Room to absorb the lateness: a freeze that short beats a GOP dropped.
        assertThat(dropsAt240p(starved, 0.3, 0.3, 2.0)).isFalse();
    }

    @Test
    void aboveTheLowestRung_neverDrops() {
        LinkEstimates starved = estimates(0.3e6, 0.3e6, 0.3e6);
        for (Rung rung : new Rung[] {Rung.R480P, Rung.R720P, Rung.R1080P}) {
            assertThat(policy.decide(input(starved, rung, 0, TARGET, 0, 0.5, 3.0, 100, true)).dropNextGop())
                    .as("at %s", rung).isFalse();
        }
    }

    private boolean dropsAt240p(LinkEstimates e, double absorbable, double inFlight, double starved) {
        return policy.decide(input(e, Rung.R240P, 0, TARGET, absorbable, inFlight, starved, 100, true)).dropNextGop();
    }

    private static LinkEstimates estimates(double latest, double mean, double received) {
        return estimates(latest, mean, mean, received);
    }

    private static LinkEstimates estimates(double latest, double mean, double recent, double received) {
        OptionalDouble none = OptionalDouble.empty();
        return new LinkEstimates(OptionalDouble.of(received), OptionalDouble.of(mean), OptionalDouble.of(recent),
                OptionalDouble.of(latest), none, none, none, none, none);
    }

    private static PolicyInput input(LinkEstimates e, Rung current, double buffer, double secondsSinceSwitch, boolean stalled) {
        return input(e, current, buffer, TARGET, secondsSinceSwitch, stalled);
    }

    private static PolicyInput input(LinkEstimates e, Rung current, double buffer, double target, double secondsSinceSwitch,
            boolean stalled) {
        return input(e, current, buffer, target, 0, secondsSinceSwitch, stalled);
    }

    private static PolicyInput input(LinkEstimates e, Rung current, double buffer, double target, double absorbable,
            double secondsSinceSwitch, boolean stalled) {
        return input(e, current, buffer, target, absorbable, 0, 0, secondsSinceSwitch, stalled);
    }

    private static PolicyInput input(LinkEstimates e, Rung current, double buffer, double target, double absorbable,
            double inFlight, double starved, double secondsSinceSwitch, boolean stalled) {
        return input(e, current, buffer, target, absorbable, inFlight, starved, 0, secondsSinceSwitch, stalled);
    }

    private static PolicyInput input(LinkEstimates e, Rung current, double buffer, double target, double absorbable,
            double inFlight, double starved, double freezeShare, double secondsSinceSwitch, boolean stalled) {
        double now = 100;
        return new PolicyInput(now, e, buffer, target, absorbable, inFlight, starved, freezeShare, stalled,
                OptionalDouble.empty(), current, current, LADDER, OptionalDouble.of(now - secondsSinceSwitch));
    }

    private static PolicyInput frozenLately(LinkEstimates e, Rung current, double freezeShare) {
        return input(e, current, TARGET, TARGET, 0, 0, 0, freezeShare, 100, false);
    }
}
