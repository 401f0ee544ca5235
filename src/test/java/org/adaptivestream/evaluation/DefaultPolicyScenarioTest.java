package org.adaptivestream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adaptivestream.adaptation.AdaptationController;
import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.adaptation.Decision;
import org.adaptivestream.adaptation.DefaultPolicy;
import org.adaptivestream.adaptation.PolicyInput;
import org.adaptivestream.media.Rung;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The default policy on scripted links, replayed by the simulator's clock. */
class DefaultPolicyScenarioTest {

    private static final double STEP_SECONDS = 30;

    @Test
    void afterAStepDown_asksForALowerRungWithinOneSecond() {
        SessionResult r = ScriptedTraces.simulator(60).run(new DefaultPolicy(),
                ScriptedTraces.step(6e6, STEP_SECONDS, 1.2e6, 60));

        assertThat(rungAt(r, STEP_SECONDS - 1)).isEqualTo(Rung.R1080P);
        SwitchRequest down = r.requests().stream().filter(q -> q.timeSeconds() >= STEP_SECONDS).findFirst().orElseThrow();
        assertThat(down.rung().ordinal()).isLessThan(Rung.R1080P.ordinal());
        assertThat(down.timeSeconds() - STEP_SECONDS).isLessThanOrEqualTo(1.0);
        assertThat(rungAt(r, 59)).isEqualTo(Rung.R480P);
    }

    @ParameterizedTest
    @EnumSource(value = Rung.class, names = {"R480P", "R720P", "R1080P"})
    void onASteadyLinkAtOnePointOneTimesARung_settlesThereAndSwitchesAtMostOncePerMinute(Rung rung) {
        double seconds = 300;
        SessionResult r = ScriptedTraces.simulator(seconds).run(new DefaultPolicy(),
                ScriptedTraces.steady(1.1 * rung.targetBitsPerSecond(), seconds));

        List<GopOutcome> settled = r.gops().subList(r.gops().size() / 10, r.gops().size());
        assertThat(settled).allMatch(g -> g.rung() == rung);
        assertThat(r.metrics().switchesPerMinute()).isLessThanOrEqualTo(1.0);
        // Only the way up from the start rung may stall: its catch-up burst goes out at once
        // (at 1.1 x 480p the first GOP freezes 32 ms); settled, nothing does.
        assertThat(settled).allMatch(g -> g.stallSeconds() == 0);
    }

    /**
     * The frame that waited out the stop crossed in a second: counted as busy time, that would
     * read 0.5 Mbit/s "now" and send the client to 240p; the dead-spell filter sees the fast
     * trains either side of the wait and holds 1080p. Every rung freezes alike while the link is
     * stopped.
     */
    @Test
    void aStopOfAFastLink_isNotReadAsASlowLink() {
        SessionResult r = ScriptedTraces.simulator(40).run(new DefaultPolicy(),
                ScriptedTraces.outage(8e6, 20, 21, 40));

        assertThat(rungAt(r, 19)).isEqualTo(Rung.R1080P);
        assertThat(r.requests()).filteredOn(q -> q.timeSeconds() > 19).isEmpty();
    }

    @Test
    void aManualLockHoldsThroughADrop_andReleaseResumesAdaptation() {
        double release = 45;
        AdaptationController controller = new AdaptationController(new DefaultPolicy());
        controller.lock(Rung.R1080P);
        AdaptationPolicy releasedAt45 = new AdaptationPolicy() {
            @Override
            public String name() {
                return "locked then released";
            }

            @Override
            public Decision decide(PolicyInput input) {
                if (input.timeSeconds() >= release) {
                    controller.release();
                }
                return controller.decide(input);
            }
        };
        SessionResult r = ScriptedTraces.simulator(60).run(releasedAt45, ScriptedTraces.step(6e6, STEP_SECONDS, 1.2e6, 60));

        assertThat(r.gops().stream().filter(g -> g.releaseSeconds() > 2 && g.releaseSeconds() < release))
                .allMatch(g -> g.rung() == Rung.R1080P || g.skipped());
        SwitchRequest after = r.requests().stream().filter(q -> q.timeSeconds() >= release).findFirst().orElseThrow();
        assertThat(after.timeSeconds() - release).isLessThanOrEqualTo(1.0);
        assertThat(after.rung()).isLessThan(Rung.R1080P);
        assertThat(rungAt(r, 59)).isEqualTo(Rung.R480P);
    }

    private static Rung rungAt(SessionResult r, double seconds) {
        return r.gops().stream().filter(g -> g.releaseSeconds() <= seconds).reduce((a, b) -> b).orElseThrow().rung();
    }
}
