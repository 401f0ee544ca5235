package org.adaptivestream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.adaptation.Decision;
import org.adaptivestream.adaptation.PolicyInput;
import org.adaptivestream.media.Rung;
import org.junit.jupiter.api.Test;

/** What the simulated client asks of the server as decisions change. */
class SwitchRequestsTest {

    /** Plays 1080p, except that its first decision from 10 s on asks for 720p. */
    private static final class ChangesItsMind implements AdaptationPolicy {
        private boolean asked;

        @Override
        public String name() {
            return "changes its mind";
        }

        @Override
        public Decision decide(PolicyInput input) {
            if (input.timeSeconds() >= 10 && !asked) {
                asked = true;
                return new Decision(Rung.R720P, "a dip");
            }
            return new Decision(Rung.R1080P, "the link is fine");
        }
    }

    @Test
    void decidingTheArrivingRungAgain_callsOffTheSwitch_whichTheServerHadMadeAtOnce() {
        SessionResult r = ScriptedTraces.simulator(20).run(new ChangesItsMind(), ScriptedTraces.steady(20e6, 20));

        assertThat(r.requests()).extracting(SwitchRequest::rung).containsExactly(Rung.R1080P, Rung.R720P, Rung.R1080P);
        SwitchRequest dip = r.requests().get(1);
        SwitchRequest callOff = r.requests().get(2);
        assertThat(callOff.timeSeconds() - dip.timeSeconds()).isLessThan(0.5);
        // Called off within a GOP, the switch lands on one GOP at most, not for good.
        assertThat(r.gops().stream().filter(g -> g.rung() == Rung.R720P).count()).isLessThanOrEqualTo(1);
        assertThat(r.gops().get(r.gops().size() - 1).rung()).isEqualTo(Rung.R1080P);
        // As the server does, the simulator made the down-switch at once, mid-GOP, so calling it
        // off is a second switch, not a free change of mind.
        GopOutcome dipped = r.gops().stream().filter(g -> g.rung() == Rung.R720P).findFirst().orElseThrow();
        assertThat(dipped.firstRung()).isEqualTo(Rung.R1080P);
        assertThat(dipped.releaseSeconds()).isLessThan(dip.timeSeconds());
        assertThat(r.metrics().switches()).isEqualTo(2);
    }
}
