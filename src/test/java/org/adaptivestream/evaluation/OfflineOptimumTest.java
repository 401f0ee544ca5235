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
    void bothOptima_scoreWhatTheyClaim_andNoPolicyScoresAbove_theRungOnlyDroppingOnlyWhereForced(CapacityTrace trace) {
        Simulator sim = ScriptedTraces.simulator(120);
        StreamingModel model = sim.model(trace);
        OptimumResult optimum = OfflineOptimum.solve(model);
        OptimumResult rungOnly = OfflineOptimum.solveRungOnly(model);

        assertThat(optimum.planResult().metrics().qoe()).isCloseTo(optimum.ceilingQoe(), within(1e-6));
        assertThat(rungOnly.planResult().metrics().qoe()).isCloseTo(rungOnly.ceilingQoe(), within(1e-6));
        assertThat(voluntaryDrops(model, rungOnly.plan())).isZero();
        assertThat(rungOnly.ceilingQoe()).isLessThanOrEqualTo(optimum.ceilingQoe() + 1e-9);
        for (String name : PolicyRegistry.names()) {
            double policy = sim.run(PolicyRegistry.create(name), model).metrics().qoe();
            assertThat(rungOnly.ceilingQoe()).as(name + " on " + trace.name()).isGreaterThanOrEqualTo(policy - 1e-9);
        }
    }

    @Test
    void throughAnOutage_theCeilingDropsAGopOnPurpose_andScoresAboveTheRungOnlyPlan() {
        StreamingModel model = ScriptedTraces.simulator(40).model(ScriptedTraces.outage(3e6, 15.2, 20, 40));

        OptimumResult ceiling = OfflineOptimum.solve(model);
        OptimumResult rungOnly = OfflineOptimum.solveRungOnly(model);

        assertThat(voluntaryDrops(model, ceiling.plan())).isPositive();
        assertThat(ceiling.ceilingQoe()).isGreaterThan(rungOnly.ceilingQoe() + 0.1);
    }

    @ParameterizedTest
    @MethodSource("shortLinks")
    void rungOnly_onAShortLink_findsWhatTryingEveryPlanFinds(CapacityTrace trace) {
        StreamingModel model = ScriptedTraces.simulator(4).model(trace);

        assertThat(OfflineOptimum.solveRungOnly(model).ceilingQoe())
                .isCloseTo(bestOfEveryPlan(model, 0, StreamState.START), within(1e-9));
    }

    static Stream<CapacityTrace> shortLinks() {
        return Stream.of(ScriptedTraces.steady(2.75e6, 4), ScriptedTraces.step(6e6, 1.3, 0.9e6, 4),
                ScriptedTraces.step(0.9e6, 2.1, 6e6, 4), ScriptedTraces.outage(3e6, 0.7, 2.2, 4),
                ScriptedTraces.outage(1.2e6, 1.6, 2.4, 4));
    }

    /** Every rung for every GOP the lag limit lets through (8 GOPs: 4^8 plans at most). */
    private static double bestOfEveryPlan(StreamingModel model, int k, StreamState state) {
        if (k == model.gopCount()) {
            return 0;
        }
        if (model.mustSkip(state, k)) {
            GopOutcome g = model.skip(state, k);
            return g.qoe() + bestOfEveryPlan(model, k + 1, g.next());
        }
        double best = Double.NEGATIVE_INFINITY;
        for (Rung r : Rung.values()) {
            GopOutcome g = model.step(state, k, r);
            best = Math.max(best, g.qoe() + bestOfEveryPlan(model, k + 1, g.next()));
        }
        return best;
    }

    /** GOPs the plan leaves out that the lag limit did not force out. */
    private static int voluntaryDrops(StreamingModel model, List<Rung> plan) {
        int drops = 0;
        StreamState state = StreamState.START;
        for (int k = 0; k < plan.size(); k++) {
            boolean forced = model.mustSkip(state, k);
            if (plan.get(k) == null && !forced) {
                drops++;
            }
            GopOutcome g = plan.get(k) == null ? model.skip(state, k) : model.step(state, k, plan.get(k));
            state = g.next();
        }
        return drops;
    }

    @ParameterizedTest
    @MethodSource("traces")
    void leastStall_streamsOnlyTheLowestRung_andNoPolicyNorOptimumFreezesLess(CapacityTrace trace) {
        Simulator sim = ScriptedTraces.simulator(120);
        StreamingModel model = sim.model(trace);
        SessionResult least = OfflineOptimum.solveLeastStall(model);
        double floor = least.metrics().stallSeconds();

        assertThat(least.gops()).allMatch(g -> g.skipped() || g.rung() == Rung.lowest());
        assertThat(OfflineOptimum.solve(model).planResult().metrics().stallSeconds()).isGreaterThanOrEqualTo(floor - 1e-9);
        assertThat(OfflineOptimum.solveRungOnly(model).planResult().metrics().stallSeconds())
                .isGreaterThanOrEqualTo(floor - 1e-9);
        for (String name : PolicyRegistry.names()) {
            double policy = sim.run(PolicyRegistry.create(name), model).metrics().stallSeconds();
            assertThat(policy).as(name + " on " + trace.name()).isGreaterThanOrEqualTo(floor - 1e-9);
        }
    }

    @ParameterizedTest
    @MethodSource("shortLinks")
    void leastStall_onAShortLink_isTheLeastOfEveryPlanAtEveryRung(CapacityTrace trace) {
        StreamingModel model = ScriptedTraces.simulator(4).model(trace);

        assertThat(OfflineOptimum.solveLeastStall(model).metrics().stallSeconds())
                .isCloseTo(leastStallOfEveryPlan(model, 0, StreamState.START), within(1e-9));
    }

    /** Every rung, or a drop, for every GOP (8 GOPs: 5^8 plans at most). */
    private static double leastStallOfEveryPlan(StreamingModel model, int k, StreamState state) {
        if (k == model.gopCount()) {
            return 0;
        }
        GopOutcome dropped = model.skip(state, k);
        double least = dropped.stallSeconds() + leastStallOfEveryPlan(model, k + 1, dropped.next());
        if (!model.mustSkip(state, k)) {
            for (Rung r : Rung.values()) {
                GopOutcome g = model.step(state, k, r);
                least = Math.min(least, g.stallSeconds() + leastStallOfEveryPlan(model, k + 1, g.next()));
            }
        }
        return least;
    }

    @Test
    void leastStall_throughAnOutage_dropsAGopOnPurpose_andFreezesLessThanTheLowestRungThroughout() {
        Simulator sim = ScriptedTraces.simulator(40);
        StreamingModel model = sim.model(ScriptedTraces.outage(3e6, 15.2, 20, 40));
        SessionResult least = OfflineOptimum.solveLeastStall(model);
        List<Rung> plan = least.gops().stream().map(g -> g.skipped() ? null : g.rung()).toList();

        assertThat(voluntaryDrops(model, plan)).isPositive();
        assertThat(least.metrics().stallSeconds()).isPositive()
                .isLessThan(sim.run(PolicyRegistry.create("static-240p"), model).metrics().stallSeconds());
    }

    @Test
    void onAFastSteadyLink_streamsTheTopRungWithoutStalls() {
        OptimumResult optimum = OfflineOptimum.solve(ScriptedTraces.simulator(30).model(ScriptedTraces.steady(20e6, 30)));

        assertThat(optimum.plan()).containsOnly(Rung.R1080P);
        assertThat(optimum.planResult().metrics().stallSeconds()).isZero();
        assertThat(optimum.ceilingQoe()).isCloseTo(5.0 * 30, within(1e-9));
    }
}
