package org.adaptivestream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.media.Rung;
import org.adaptivestream.trace.BuiltInTraces;
import org.adaptivestream.trace.CapacityTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OfflineOptimumTest {

    static Stream<CapacityTrace> traces() {
        List<CapacityTrace> all = new ArrayList<>(BuiltInTraces.loadAll());
        all.add(ScriptedTraces.steady(2.75e6, 120));
        all.add(ScriptedTraces.step(6e6, 30, 1.2e6, 120));
        all.add(ScriptedTraces.step(0.9e6, 20, 0.2e6, 120));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("traces")
    void neverBelowAnyPolicy_andItsPlanScoresWhatItClaims(CapacityTrace trace) {
        Simulator sim = ScriptedTraces.simulator(120);
        StreamingModel model = sim.model(trace);
        OptimumResult optimum = OfflineOptimum.solve(model);

        assertThat(optimum.planResult().metrics().qoe()).isCloseTo(optimum.ceilingQoe(), within(1e-6));
        for (String name : PolicyRegistry.names()) {
            double policy = sim.run(PolicyRegistry.create(name), model).metrics().qoe();
            assertThat(optimum.ceilingQoe()).as(name + " on " + trace.name()).isGreaterThanOrEqualTo(policy - 1e-9);
        }
    }

    @Test
    void onAFastSteadyLink_streamsTheTopRungWithoutStalls() {
        OptimumResult optimum = OfflineOptimum.solve(ScriptedTraces.simulator(30).model(ScriptedTraces.steady(20e6, 30)));

        assertThat(optimum.plan()).containsOnly(Rung.R1080P);
        assertThat(optimum.planResult().metrics().stallSeconds()).isZero();
        assertThat(optimum.ceilingQoe()).isCloseTo(5.0 * 30, within(1e-9));
    }
}
