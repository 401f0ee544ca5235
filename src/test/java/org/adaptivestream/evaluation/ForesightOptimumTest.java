package org.adaptivestream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.trace.CapacityTrace;
import org.adaptivestream.media.Rung;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ForesightOptimumTest {

    private static final double SECONDS = 40;

    static Stream<CapacityTrace> traces() {
        return Stream.of(ScriptedTraces.outage(3e6, 15.2, 20, SECONDS), ScriptedTraces.step(6e6, 12, 1.2e6, SECONDS),
                ScriptedTraces.step(0.9e6, 10, 0.2e6, SECONDS));
    }

    @ParameterizedTest
    @MethodSource("traces")
    void aViewOfTheWholeTrace_withDrops_isTheOptimum(CapacityTrace trace) {
        StreamingModel model = ScriptedTraces.simulator(SECONDS).model(trace);

        SessionResult whole = ForesightOptimum.run(model, SECONDS, true);

        assertThat(whole.metrics().qoe()).isCloseTo(OfflineOptimum.solve(model).ceilingQoe(), within(1e-6));
        assertThat(whole.gops()).hasSize(model.gopCount());
        assertThat(whole.policy()).isEqualTo("foresight 40 s, drops");
    }

    @ParameterizedTest
    @MethodSource("traces")
    void aShortView_isNeverAboveTheOptimum_andWithoutDrops_skipsOnlyWhereForced(CapacityTrace trace) {
        StreamingModel model = ScriptedTraces.simulator(SECONDS).model(trace);
        double ceiling = OfflineOptimum.solve(model).ceilingQoe();

        for (double view : new double[] {0.5, 1, 2}) {
            SessionResult rungs = ForesightOptimum.run(model, view, false);
            SessionResult drops = ForesightOptimum.run(model, view, true);

            assertThat(rungs.metrics().qoe()).isLessThanOrEqualTo(ceiling + 1e-9);
            assertThat(drops.metrics().qoe()).isLessThanOrEqualTo(ceiling + 1e-9);
            assertThat(voluntaryDrops(model, rungs.gops())).as("view %s s", view).isZero();
        }
    }

    @Test
    void seeingTwoSecondsAhead_leavesTheTopRungAtAStepDown_andFreezesLessThanThePolicyThatMustSeeItFirst() {
        CapacityTrace trace = ScriptedTraces.step(6e6, 12, 1.2e6, SECONDS);
        Simulator sim = ScriptedTraces.simulator(SECONDS);
        StreamingModel model = sim.model(trace);

        SessionResult foresight = ForesightOptimum.run(model, 2, false);
        SessionResult policy = sim.run(PolicyRegistry.create(PolicyRegistry.DEFAULT), model);

        int step = (int) (12 / model.config().gopSeconds());
        assertThat(foresight.gops().get(step - 1).rung()).isEqualTo(Rung.R1080P);
        assertThat(foresight.gops().get(step).rung()).isEqualTo(Rung.R480P);
        assertThat(foresight.metrics().stallSeconds()).isZero();
        assertThat(foresight.metrics().stallSeconds()).isLessThan(policy.metrics().stallSeconds());
        assertThat(foresight.metrics().qoe()).isGreaterThan(policy.metrics().qoe());
    }

    @Test
    void throughAnOutage_dropsOnPurposeScoreMore_withTheSameView() {
        StreamingModel model = ScriptedTraces.simulator(SECONDS).model(ScriptedTraces.outage(3e6, 15.2, 20, SECONDS));

        SessionResult rungs = ForesightOptimum.run(model, 2, false);
        SessionResult drops = ForesightOptimum.run(model, 2, true);

        assertThat(voluntaryDrops(model, drops.gops())).isPositive();
        assertThat(drops.metrics().qoe()).isGreaterThan(rungs.metrics().qoe() + 0.1);
    }

    @Test
    void aViewMustBePositive() {
        StreamingModel model = ScriptedTraces.simulator(SECONDS).model(ScriptedTraces.steady(3e6, SECONDS));

        assertThatThrownBy(() -> ForesightOptimum.run(model, 0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lookahead must be positive");
    }

    /** GOPs the session left out that the lag limit did not force out. */
    private static int voluntaryDrops(StreamingModel model, List<GopOutcome> gops) {
        int drops = 0;
        StreamState state = StreamState.START;
        for (GopOutcome g : gops) {
            if (g.skipped() && !model.mustSkip(state, g.index())) {
                drops++;
            }
            state = g.next();
        }
        return drops;
    }
}
