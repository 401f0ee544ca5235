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
}
