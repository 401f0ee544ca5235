package org.adaptivestream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.adaptation.Decision;
import org.adaptivestream.adaptation.PolicyInput;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.trace.CapacityTrace;
import org.junit.jupiter.api.Test;

/** The simulated server leaves unsent the GOPs a policy asks it to drop, and on a starved link that pays. */
class SimulatedDropsTest {

    private static final double SECONDS = 40;

    @Test
    void onALinkUnderTheLowestRung_theDefaultDropsGops_andScoresMoreThanTheSameDecisionsWithoutThem() {
        CapacityTrace starved = ScriptedTraces.step(3e6, 10, 0.3e6, SECONDS);
        Simulator sim = ScriptedTraces.simulator(SECONDS);
        StreamingModel model = sim.model(starved);

        SessionResult withDrops = sim.run(PolicyRegistry.create(PolicyRegistry.DEFAULT), model);
        SessionResult without = sim.run(withoutDrops(PolicyRegistry.create(PolicyRegistry.DEFAULT)), model);

        assertThat(voluntaryDrops(model, withDrops)).isPositive();
        assertThat(voluntaryDrops(model, without)).isZero();
        assertThat(withDrops.gops().subList(0, 20)).as("none while the link carries the stream")
                .noneMatch(GopOutcome::skipped);
        assertThat(withDrops.metrics().qoe()).isGreaterThan(without.metrics().qoe());
        assertThat(withDrops.metrics().stallSeconds()).isLessThan(without.metrics().stallSeconds());
        assertThat(withDrops.metrics().qoe()).isLessThanOrEqualTo(OfflineOptimum.solve(model).ceilingQoe() + 1e-9);
    }

    private static AdaptationPolicy withoutDrops(AdaptationPolicy policy) {
        return new AdaptationPolicy() {
            @Override
            public String name() {
                return policy.name();
            }

            @Override
            public Decision decide(PolicyInput input) {
                Decision d = policy.decide(input);
                return new Decision(d.rung(), d.reason());
            }
        };
    }

    private static long voluntaryDrops(StreamingModel model, SessionResult session) {
        long drops = 0;
        StreamState state = StreamState.START;
        for (GopOutcome g : session.gops()) {
            if (g.skipped() && !model.mustSkip(state, g.index())) {
                drops++;
            }
            state = g.next();
        }
        return drops;
    }
}
