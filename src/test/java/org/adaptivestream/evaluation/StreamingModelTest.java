package org.adaptivestream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.adaptivestream.media.Rung;
import org.junit.jupiter.api.Test;

class StreamingModelTest {

    private final StreamingModel model = ScriptedTraces.simulator(60).model(ScriptedTraces.steady(2e6, 60));

    @Test
    void lateFraction_isThePartOfTheGopThatArrivesAfterItIsDue() {
        assertThat(org.adaptivestream.adaptation.Lateness.share(-0.1, -0.01)).isZero();
        assertThat(org.adaptivestream.adaptation.Lateness.share(0.1, 0.3)).isEqualTo(1.0);
        assertThat(org.adaptivestream.adaptation.Lateness.share(0.1, -0.3)).isCloseTo(0.25, within(1e-12));
        assertThat(org.adaptivestream.adaptation.Lateness.share(-0.3, 0.1)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void aRungTheLinkCarries_arrivesInTime_andOneItCannot_freezes() {
        GopOutcome fits = model.step(StreamState.START, 0, Rung.R480P);
        GopOutcome tooBig = model.step(StreamState.START, 0, Rung.R1080P);

        assertThat(fits.stallSeconds()).isZero();
        assertThat(fits.qoe()).isCloseTo(1.0 * 0.5, within(1e-9));
        assertThat(tooBig.stallSeconds()).isPositive();
        assertThat(tooBig.next().busyUntilSeconds()).isGreaterThan(1.0);
    }

    @Test
    void aLaterStartNeverArrivesSooner() {
        double previous = 0;
        for (double busy = 0; busy < 3; busy += 0.05) {
            GopOutcome g = model.step(new StreamState(busy, Rung.R480P), 0, Rung.R720P);
            assertThat(g.stallSeconds()).isGreaterThanOrEqualTo(previous);
            previous = g.stallSeconds();
        }
    }

    @Test
    void beyondTheLagLimit_theServerSkipsTheGop() {
        StreamState farBehind = new StreamState(2.6, Rung.R720P);

        assertThat(model.mustSkip(farBehind, 1)).isTrue();
        GopOutcome skipped = model.skip(farBehind, 1);
        assertThat(skipped.stallSeconds()).isEqualTo(0.5);
        assertThat(skipped.qoe()).isCloseTo(-5.0 * 0.5, within(1e-9));
        assertThat(skipped.next()).isEqualTo(farBehind);
    }

    @Test
    void aSwitchMidGop_goesAtOnce_unlessTheNextKeyframeIsNearAndItsCatchUpBigger() {
        GopOutcome at720 = model.step(new StreamState(0, Rung.R720P), 2, Rung.R720P);
        double release = at720.releaseSeconds();

        assertThat(model.switchesAtOnce(at720, release + 0.10, Rung.R240P)).as("down, early").isTrue();
        assertThat(model.switchesAtOnce(at720, release + 0.10, Rung.R1080P)).as("up, keyframe far").isTrue();
        assertThat(model.switchesAtOnce(at720, release + 0.30, Rung.R240P)).as("down, keyframe near").isTrue();
        assertThat(model.switchesAtOnce(at720, release + 0.30, Rung.R1080P)).as("up, keyframe near").isFalse();
        assertThat(model.switchesAtOnce(at720, release + 0.49, Rung.R240P)).as("every frame sent").isFalse();
        assertThat(model.switchesAtOnce(at720, release - 0.01, Rung.R240P)).as("nothing sent yet").isFalse();
        assertThat(model.switchesAtOnce(at720, release + 0.10, Rung.R720P)).as("same rung").isFalse();
    }

    @Test
    void aSwitchMidGop_showsTheOldRungUntilThenAndTheNewOneAfter_andCostsOneSwitch() {
        StreamingModel fast = ScriptedTraces.simulator(60).model(ScriptedTraces.steady(50e6, 60));
        StreamState before = new StreamState(0, Rung.R720P);
        GopOutcome planned = fast.step(before, 2, Rung.R720P);

        MidGopSwitch sw = fast.switchAtOnce(before, planned, planned.releaseSeconds() + 0.2, Rung.R480P);
        GopOutcome g = sw.gop();

        assertThat(sw.framesBefore()).isEqualTo(7); // frames released at 0, 1/30 ... 6/30 s
        assertThat(g.firstRung()).isEqualTo(Rung.R720P);
        assertThat(g.rung()).isEqualTo(Rung.R480P);
        assertThat(g.firstRungSeconds()).isCloseTo(0.5 * 7 / 15, within(1e-12));
        assertThat(g.stallSeconds()).isZero();
        // 2.5 Mbit/s for 7/15 of the GOP, 1.0 for the rest, less one switch of 1.5.
        assertThat(g.qoe()).isCloseTo(2.5 * 0.5 * 7 / 15 + 1.0 * 0.5 * 8 / 15 - 1.5, within(1e-9));
        assertThat(sw.catchUpKeyEndSeconds()).isGreaterThan(planned.releaseSeconds() + 0.2);
        assertThat(g.next()).isEqualTo(new StreamState(g.lastEndSeconds(), Rung.R480P));
    }

    @Test
    void aDownSwitchAtOnce_onASlowLink_stallsLessThanKeepingTheGop() {
        StreamState before = new StreamState(0, Rung.R1080P);
        GopOutcome planned = model.step(before, 2, Rung.R1080P);

        GopOutcome switched = model.switchAtOnce(before, planned, planned.releaseSeconds() + 0.05, Rung.R240P).gop();

        assertThat(planned.stallSeconds()).isPositive();
        assertThat(switched.stallSeconds()).isLessThan(planned.stallSeconds());
        assertThat(switched.next().busyUntilSeconds()).isLessThan(planned.next().busyUntilSeconds());
    }
}
