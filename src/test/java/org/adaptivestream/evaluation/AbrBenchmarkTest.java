package org.adaptivestream.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.adaptation.DefaultPolicy;
import org.adaptivestream.trace.CapacityTrace;
import org.junit.jupiter.api.Test;

/**
 * Repeated sessions: each runs, and one policy on one trace is scored by their mean; sessions
 * that are not simulated stand beside the simulator's prediction.
 */
class AbrBenchmarkTest {

    private static final double SECONDS = 10;

    /** Session n scores 10 n, stalls n s at most and switches n times: sessions differ, as real ones do. */
    private static final class CountingRunner implements SessionRunner {
        final AtomicInteger sessions = new AtomicInteger();

        @Override
        public String mode() {
            return "counting";
        }

        @Override
        public SessionResult run(AdaptationPolicy policy, CapacityTrace trace) {
            int n = sessions.incrementAndGet();
            SessionMetrics m = new SessionMetrics(10 * n, SECONDS, 0.1 * n, n, 0.01 * n, n, 6 * n, 0.1, 0.2, n);
            return new SessionResult(policy.name(), trace.name(), List.of(), List.of(), m);
        }
    }

    @Test
    void repeatedSessions_areAveraged_andTheLongestStallIsTheLongestOfAny() {
        CountingRunner runner = new CountingRunner();
        BenchmarkReport report = new AbrBenchmark(ScriptedTraces.simulator(SECONDS), runner)
                .run("scripted", List.of(ScriptedTraces.steady(3e6, SECONDS)), List.of("default"), 2, 3);

        assertThat(runner.sessions).hasValue(3);
        assertThat(report.repeats()).isEqualTo(3);
        SessionMetrics m = report.traces().get(0).policies().get("default").metrics();
        assertThat(m.qoe()).isEqualTo(20.0); // (10 + 20 + 30) / 3
        assertThat(m.switches()).isEqualTo(2);
        assertThat(m.stallRatio()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m.longestStallSeconds()).isEqualTo(3.0);
    }

    @Test
    void repeatedSessions_eachRunIsKeptBesideTheMean_inTheReportTheJsonAndTheTable() throws Exception {
        CountingRunner runner = new CountingRunner();
        BenchmarkReport report = new AbrBenchmark(ScriptedTraces.simulator(SECONDS), runner)
                .run("scripted", List.of(ScriptedTraces.steady(3e6, SECONDS)), List.of("default"), 2, 2);

        TraceScore trace = report.traces().get(0);
        PolicyScore score = trace.policies().get("default");
        assertThat(score.runs()).extracting(r -> r.metrics().qoe()).containsExactlyInAnyOrder(10.0, 20.0);
        assertThat(score.metrics().qoe()).isEqualTo(15.0);
        assertThat(score.metrics()).isEqualTo(SessionMetrics.mean(score.runs().stream().map(PolicyScore::metrics).toList()));
        assertThat(trace.ceilingQoe()).isPositive();
        assertThat(trace.rungOnlyQoe()).isPositive().isLessThanOrEqualTo(trace.ceilingQoe());
        for (PolicyScore run : score.runs()) {
            assertThat(run.normalizedQoe()).isEqualTo(run.metrics().qoe() / trace.ceilingQoe());
            assertThat(run.normalizedToRungOnly()).isEqualTo(run.metrics().qoe() / trace.rungOnlyQoe());
            assertThat(run.runs()).isEmpty();
        }
        // The summary still comes from the mean alone, below the two optima's and the least-stall plan's rows.
        assertThat(report.summary()).extracting(PolicySummary::policy)
                .containsExactly(AbrBenchmark.OPTIMUM, AbrBenchmark.RUNG_ONLY_OPTIMUM, AbrBenchmark.LEAST_STALL, "default");
        assertThat(report.summary().get(3).meanQoe()).isEqualTo(15.0);
        assertThat(report.summary().get(3).meanNormalizedToRungOnly()).isEqualTo(15.0 / trace.rungOnlyQoe());
        assertThat(report.summary().get(3).longestStallSeconds()).isEqualTo(2.0);

        JsonNode json = new ObjectMapper().valueToTree(report).get("traces").get(0);
        JsonNode runs = json.get("policies").get("default").get("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).has("runs")).isFalse();
        assertThat(List.of(runs.get(0).get("metrics").get("qoe").asDouble(), runs.get(1).get("metrics").get("qoe").asDouble()))
                .containsExactlyInAnyOrder(10.0, 20.0);
        assertThat(json.get("optimum").has("runs")).isFalse();

        assertThat(AbrBenchmark.markdown(report)).containsAnyOf("| 15.0 (10.0, 20.0) |", "| 15.0 (20.0, 10.0) |");
    }

    @Test
    void sessionsNotSimulated_standBesideTheSimulatorsPrediction_inTheJsonAndTheTable() {
        CapacityTrace trace = ScriptedTraces.steady(3e6, SECONDS);
        Simulator simulator = ScriptedTraces.simulator(SECONDS);
        BenchmarkReport report = new AbrBenchmark(simulator, new CountingRunner())
                .run("scripted", List.of(trace), List.of("default"), 1);

        double predicted = simulator.run(new DefaultPolicy(), trace).metrics().qoe();
        assertThat(predicted).isNotEqualTo(10.0);
        assertThat(report.traces().get(0).simulatedQoe()).containsExactly(Map.entry("default", predicted));
        JsonNode json = new ObjectMapper().valueToTree(report).get("traces").get(0);
        assertThat(json.get("simulatedQoe").get("default").asDouble()).isEqualTo(predicted);
        assertThat(AbrBenchmark.markdown(report)).contains("The simulator against these counting sessions")
                .contains(String.format(Locale.ROOT, "| default | 10.0 | %.1f | %+.1f | %.1f |",
                        predicted, predicted - 10, Math.abs(predicted - 10)));
    }

    @Test
    void simulatedSessions_areNotSimulatedTwice_andForesightIsLeftOutUnlessAskedFor() {
        Simulator simulator = ScriptedTraces.simulator(SECONDS);
        BenchmarkReport report = new AbrBenchmark(simulator, simulator)
                .run("scripted", List.of(ScriptedTraces.steady(3e6, SECONDS)), List.of("default"), 1);

        assertThat(report.traces().get(0).simulatedQoe()).isEmpty();
        assertThat(report.traces().get(0).foresight()).isEmpty();
        JsonNode json = new ObjectMapper().valueToTree(report).get("traces").get(0);
        assertThat(json.has("simulatedQoe")).isFalse();
        assertThat(json.has("foresight")).isFalse();
        assertThat(AbrBenchmark.markdown(report)).doesNotContain("The simulator against");
    }

    @Test
    void foresight_addsTwoRowsPerView_afterTheOptima_inTheJsonAndTheTable_andTheRunsTableLeavesThemOut() {
        Simulator simulator = ScriptedTraces.simulator(SECONDS);
        CapacityTrace trace = ScriptedTraces.step(6e6, 4, 1.2e6, SECONDS);
        BenchmarkReport report = new AbrBenchmark(simulator, new CountingRunner()).withForesight(List.of(1.0, 2.5))
                .run("scripted", List.of(trace), List.of("default"), 2, 2);

        assertThat(report.summary()).extracting(PolicySummary::policy).containsExactly(AbrBenchmark.OPTIMUM,
                AbrBenchmark.RUNG_ONLY_OPTIMUM, AbrBenchmark.LEAST_STALL, "foresight 1 s", "foresight 1 s, drops", "foresight 2.5 s",
                "foresight 2.5 s, drops", "default");
        TraceScore score = report.traces().get(0);
        double expected = ForesightOptimum.run(simulator.model(trace), 2.5, true).metrics().qoe();
        assertThat(score.foresight().get("foresight 2.5 s, drops").metrics().qoe()).isEqualTo(expected);
        assertThat(score.foresight().get("foresight 2.5 s, drops").normalizedQoe()).isEqualTo(expected / score.ceilingQoe());
        JsonNode json = new ObjectMapper().valueToTree(report).get("traces").get(0);
        assertThat(json.get("foresight").has("foresight 1 s")).isTrue();
        String table = AbrBenchmark.markdown(report);
        assertThat(table).contains("| foresight 2.5 s, drops | ");
        assertThat(table.substring(table.indexOf("QoE per trace"))).doesNotContain("foresight");
    }

    @Test
    void leastStallRow_freezesNoMoreThanAnyPolicy_andTheTableSaysWhatItIs() {
        Simulator simulator = ScriptedTraces.simulator(SECONDS);
        BenchmarkReport report = new AbrBenchmark(simulator, simulator).run("scripted",
                List.of(ScriptedTraces.step(6e6, 4, 0.3e6, SECONDS)), List.of("default", "static-1080p", "static-240p"), 1);

        double floor = report.summary().stream().filter(s -> s.policy().equals(AbrBenchmark.LEAST_STALL)).findFirst()
                .orElseThrow().stallRatio();
        assertThat(floor).isPositive();
        assertThat(report.summary()).allSatisfy(s -> assertThat(s.stallRatio()).isGreaterThanOrEqualTo(floor - 1e-12));
        assertThat(AbrBenchmark.markdown(report)).contains("| least-stall plan | ")
                .contains("its stall ratio is the least any policy can have");
    }

    @Test
    void oneSession_hasNoRuns_andNoRunsInTheJsonOrTheTable() {
        BenchmarkReport report = new AbrBenchmark(ScriptedTraces.simulator(SECONDS), new CountingRunner())
                .run("scripted", List.of(ScriptedTraces.steady(3e6, SECONDS)), List.of("default"), 1);

        assertThat(report.traces().get(0).policies().get("default").runs()).isEmpty();
        JsonNode json = new ObjectMapper().valueToTree(report).get("traces").get(0);
        assertThat(json.get("policies").get("default").has("runs")).isFalse();
        assertThat(AbrBenchmark.markdown(report)).doesNotContain("QoE per trace");
    }

    @Test
    void theTable_saysSo_whenTheTwoCeilingsScoreDifferentTraces() {
        List<PolicySummary> rows = List.of(summaryOver(AbrBenchmark.OPTIMUM, 90, 82),
                summaryOver(AbrBenchmark.RUNG_ONLY_OPTIMUM, 90, 82), summaryOver("default", 90, 82));
        BenchmarkReport report = new BenchmarkReport("sim", "scripted", SimulationConfig.defaults(), 1, rows, List.of(),
                List.of(), null);

        assertThat(AbrBenchmark.markdown(report)).contains("the 90 traces with a positive optimum")
                .contains("the 82 where the rung-only optimum is positive");
        BenchmarkReport same = new BenchmarkReport("sim", "scripted", SimulationConfig.defaults(), 1,
                List.of(summaryOver(AbrBenchmark.OPTIMUM, 90, 90)), List.of(), List.of(), null);
        assertThat(AbrBenchmark.markdown(same)).doesNotContain("rung-only optimum is positive");
    }

    private static PolicySummary summaryOver(String policy, int scored, int rungOnlyScored) {
        return new PolicySummary(policy, 0.5, scored, 0.4, 0.6, rungOnlyScored, 10, 1, 0.1, 2, 0.1, 0.2, 1);
    }

    @Test
    void aRunThatShowedNothing_isLeftOutOfTheLatencyMean() {
        SessionMetrics shown = new SessionMetrics(10, SECONDS, 0, 1, 0, 0, 0, 0.1, 0.2, 0);
        SessionMetrics nothing = new SessionMetrics(-50, SECONDS, SECONDS, 0, 1, 0, 0, Double.NaN, Double.NaN, SECONDS);
        SessionMetrics m = SessionMetrics.mean(List.of(shown, nothing));
        assertThat(m.meanLatencySeconds()).isEqualTo(0.1);
        assertThat(m.qoe()).isEqualTo(-20.0);
    }

    @Test
    void oneSession_isScoredAsItIs() {
        CountingRunner runner = new CountingRunner();
        BenchmarkReport report = new AbrBenchmark(ScriptedTraces.simulator(SECONDS), runner)
                .run("scripted", List.of(ScriptedTraces.steady(3e6, SECONDS)), List.of("default", "throughput"), 1);

        assertThat(runner.sessions).hasValue(2);
        assertThat(report.repeats()).isEqualTo(1);
        assertThat(report.traces().get(0).policies().values())
                .extracting(s -> s.metrics().qoe()).containsExactlyInAnyOrder(10.0, 20.0);
    }

    @Test
    void noSessions_isRefused() {
        AbrBenchmark bench = new AbrBenchmark(ScriptedTraces.simulator(SECONDS), new CountingRunner());
        assertThatThrownBy(() -> bench.run("scripted", List.of(ScriptedTraces.steady(3e6, SECONDS)), List.of("default"), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats");
    }
}
