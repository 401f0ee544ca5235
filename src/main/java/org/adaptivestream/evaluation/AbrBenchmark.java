package org.adaptivestream.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.trace.CapacityTrace;

/**
 * Runs named policies over traces with a {@link SessionRunner}, scores each session against
 * the trace's offline optimum and its best rung-only plan (both always from the simulator's
 * model) and summarises, with the plan that freezes least beside them as the stall floor. When
 * the runner is not the simulator, every policy is also simulated on every trace, so the report
 * shows how well the simulation predicts the real sessions.
 */
public final class AbrBenchmark {

    public static final String OPTIMUM = "optimum";
    /** The summary row of {@link OfflineOptimum#solveRungOnly}'s plans. */
    public static final String RUNG_ONLY_OPTIMUM = "rung-only optimum";
    /** The summary row of {@link OfflineOptimum#solveLeastStall}'s plans: the stall no policy goes under. */
    public static final String LEAST_STALL = "least-stall plan";

    private final Simulator model;
    private final SessionRunner runner;
    private final List<Double> foresightSeconds;

    public AbrBenchmark(Simulator model, SessionRunner runner) {
        this(model, runner, List.of());
    }

    private AbrBenchmark(Simulator model, SessionRunner runner, List<Double> foresightSeconds) {
        this.model = Objects.requireNonNull(model, "model");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.foresightSeconds = List.copyOf(foresightSeconds);
    }

    /**
     * Also scores, on every trace, a clairvoyant that sees each of these many seconds ahead
     * ({@link ForesightOptimum}), choosing rungs only and with drops on purpose: two rows per
     * lookahead after the optima, always simulated.
     */
    public AbrBenchmark withForesight(List<Double> lookaheadSeconds) {
        return new AbrBenchmark(model, runner, lookaheadSeconds);
    }

    /** {@link #run(String, List, List, int, int)} with one session per policy and trace. */
    public BenchmarkReport run(String traceSource, List<CapacityTrace> traces, List<String> policies, int threads) {
        return run(traceSource, traces, policies, threads, 1);
    }

    /**
     * Scores every trace: its optimum, then every policy on it, {@code repeats} sessions each,
     * averaged (see {@link SessionMetrics#mean}): real sessions of one policy on one trace differ
     * by more than policies do, so each run's score is kept beside the mean to show by how much
     * ({@link PolicyScore#runs}). Sessions run {@code threads} at a time (each session is one task,
     * so real sessions overlap too); results keep the order of traces and policies.
     */
    public BenchmarkReport run(String traceSource, List<CapacityTrace> traces, List<String> policies, int threads,
            int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, not " + repeats);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<TraceScore> scores = new ArrayList<>();
        try {
            List<Future<OptimumResult>> optima = new ArrayList<>();
            List<Future<OptimumResult>> rungOnlyOptima = new ArrayList<>();
            List<Future<SessionResult>> leastStall = new ArrayList<>();
            List<Map<String, Future<SessionResult>>> foresight = new ArrayList<>();
            List<Map<String, List<Future<SessionResult>>>> sessions = new ArrayList<>();
            List<Map<String, Future<SessionResult>>> simulated = new ArrayList<>();
            for (CapacityTrace t : traces) {
                optima.add(pool.submit(() -> OfflineOptimum.solve(model.model(t))));
                rungOnlyOptima.add(pool.submit(() -> OfflineOptimum.solveRungOnly(model.model(t))));
                leastStall.add(pool.submit(() -> OfflineOptimum.solveLeastStall(model.model(t))));
                Map<String, Future<SessionResult>> views = new LinkedHashMap<>();
                for (double seconds : foresightSeconds) {
                    for (boolean drops : new boolean[] {false, true}) {
                        views.put(ForesightOptimum.name(seconds, drops),
                                pool.submit(() -> ForesightOptimum.run(model.model(t), seconds, drops)));
                    }
                }
                foresight.add(views);
                Map<String, List<Future<SessionResult>>> byPolicy = new LinkedHashMap<>();
                for (String name : policies) {
                    List<Future<SessionResult>> runs = new ArrayList<>();
                    for (int r = 0; r < repeats; r++) {
                        runs.add(pool.submit(() -> runner.run(PolicyRegistry.create(name), t)));
                    }
                    byPolicy.put(name, runs);
                }
                sessions.add(byPolicy);
                Map<String, Future<SessionResult>> simulatedByPolicy = new LinkedHashMap<>();
                if (runner != model) {
                    for (String name : policies) {
                        simulatedByPolicy.put(name, pool.submit(() -> model.run(PolicyRegistry.create(name), t)));
                    }
                }
                simulated.add(simulatedByPolicy);
            }
            for (int i = 0; i < traces.size(); i++) {
                OptimumResult optimum = optima.get(i).get();
                double ceiling = optimum.ceilingQoe();
                SessionMetrics rungOnly = rungOnlyOptima.get(i).get().planResult().metrics();
                Map<String, PolicyScore> byPolicy = new LinkedHashMap<>();
                for (Map.Entry<String, List<Future<SessionResult>>> e : sessions.get(i).entrySet()) {
                    List<SessionMetrics> runs = new ArrayList<>();
                    for (Future<SessionResult> run : e.getValue()) {
                        runs.add(run.get().metrics());
                    }
                    byPolicy.put(e.getKey(), PolicyScore.of(runs, ceiling, rungOnly.qoe()));
                }
                Map<String, PolicyScore> foresightScores = new LinkedHashMap<>();
                for (Map.Entry<String, Future<SessionResult>> e : foresight.get(i).entrySet()) {
                    foresightScores.put(e.getKey(), PolicyScore.of(e.getValue().get().metrics(), ceiling, rungOnly.qoe()));
                }
                Map<String, Double> simulatedQoe = new LinkedHashMap<>();
                for (Map.Entry<String, Future<SessionResult>> e : simulated.get(i).entrySet()) {
                    simulatedQoe.put(e.getKey(), e.getValue().get().metrics().qoe());
                }
                SessionMetrics plan = optimum.planResult().metrics();
                scores.add(new TraceScore(traces.get(i).name(), plan.mediaSeconds(),
                        traces.get(i).meanBitsPerSecond() / 1e6, ceiling, plan.qoe(), rungOnly.qoe(),
                        PolicyScore.of(plan, ceiling, rungOnly.qoe()), PolicyScore.of(rungOnly, ceiling, rungOnly.qoe()),
                        PolicyScore.of(leastStall.get(i).get().metrics(), ceiling, rungOnly.qoe()), foresightScores,
                        byPolicy, simulatedQoe));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<PolicySummary> summary = new ArrayList<>();
        double ceilingSum = scores.stream().mapToDouble(TraceScore::ceilingQoe).sum();
        summary.add(summarise(OPTIMUM, scores.stream().map(TraceScore::optimum).toList(), ceilingSum));
        summary.add(summarise(RUNG_ONLY_OPTIMUM, scores.stream().map(TraceScore::rungOnly).toList(), ceilingSum));
        summary.add(summarise(LEAST_STALL, scores.stream().map(TraceScore::leastStall).toList(), ceilingSum));
        if (!scores.isEmpty()) {
            for (String view : scores.get(0).foresight().keySet()) {
                summary.add(summarise(view, scores.stream().map(s -> s.foresight().get(view)).toList(), ceilingSum));
            }
        }
        for (String p : policies) {
            summary.add(summarise(p, scores.stream().map(s -> s.policies().get(p)).toList(), ceilingSum));
        }
        List<String> unscored = scores.stream().filter(s -> !(s.ceilingQoe() > 0)).map(TraceScore::trace).toList();
        return new BenchmarkReport(runner.mode(), traceSource, model.config(), repeats, summary, unscored, scores, null);
    }

    static PolicySummary summarise(String policy, List<PolicyScore> scores, double ceilingSum) {
        List<Double> normalized = scores.stream().map(PolicyScore::normalizedQoe).filter(Objects::nonNull).toList();
        List<Double> toRungOnly = scores.stream().map(PolicyScore::normalizedToRungOnly).filter(Objects::nonNull).toList();
        double qoeSum = scores.stream().mapToDouble(s -> s.metrics().qoe()).sum();
        return new PolicySummary(policy, average(normalized), normalized.size(), ceilingSum > 0 ? qoeSum / ceilingSum : Double.NaN,
                average(toRungOnly), toRungOnly.size(),
                mean(scores, SessionMetrics::qoe), mean(scores, SessionMetrics::averageBitrateMbps),
                mean(scores, SessionMetrics::stallRatio), mean(scores, SessionMetrics::switchesPerMinute),
                mean(scores, SessionMetrics::meanLatencySeconds), mean(scores, SessionMetrics::p95LatencySeconds),
                scores.stream().mapToDouble(s -> s.metrics().longestStallSeconds()).max().orElse(0));
    }

    private static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double mean(List<PolicyScore> scores, ToDoubleFunction<SessionMetrics> f) {
        // A session that showed nothing has no latency; it is left out of the latency means.
        return scores.stream().mapToDouble(s -> f.applyAsDouble(s.metrics())).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
    }

    /** The summary as a markdown table. */
    public static String markdown(BenchmarkReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("| policy | mean normalized QoE | total QoE / total optimum | mean QoE / rung-only optimum "
                + "| avg bitrate (Mbit/s) | stall ratio "
                + "| longest stall (s) | switches/min | mean latency (ms) | p95 latency (ms) |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (PolicySummary s : report.summary()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.2f | %.2f %% | %.1f | %.2f | %.0f | %.0f |%n",
                    s.policy(), s.meanNormalizedQoe(), s.totalQoeShare(), s.meanNormalizedToRungOnly(),
                    s.averageBitrateMbps(), s.stallRatio() * 100,
                    s.longestStallSeconds(), s.switchesPerMinute(),
                    s.meanLatencySeconds() * 1000, s.p95LatencySeconds() * 1000));
        }
        // Its QoE is 240p's, far below the policies': without this it reads as a policy that lost.
        sb.append(String.format(Locale.ROOT, "%nThe %s streams the lowest rung, dropping GOPs where that freezes "
                + "less, knowing the whole trace: its stall ratio is the least any policy can have.%n", LEAST_STALL));
        PolicySummary optimum = report.summary().get(0);
        if (optimum.rungOnlyScoredTraces() != optimum.scoredTraces()) {
            // Otherwise the two columns read as the same traces against two ceilings.
            sb.append(String.format(Locale.ROOT, "%nMean normalized QoE covers the %d traces with a positive optimum; "
                    + "mean QoE / rung-only optimum the %d where the rung-only optimum is positive.%n",
                    optimum.scoredTraces(), optimum.rungOnlyScoredTraces()));
        }
        if (report.traces().stream().anyMatch(t -> !t.simulatedQoe().isEmpty())) {
            sb.append(simulationMarkdown(report));
        }
        if (report.repeats() > 1) {
            sb.append(runsMarkdown(report));
        }
        return sb.toString();
    }

    /**
     * Each policy's sessions beside the simulator's prediction of them, trace by trace: the
     * policies are tuned in simulation, so how far it is from the sessions says how much a
     * simulated gain can be trusted.
     */
    private static String simulationMarkdown(BenchmarkReport report) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nThe simulator against these %s sessions "
                + "(difference: the simulated QoE less the session's, per trace):%n%n"
                + "| policy | mean QoE | mean simulated QoE | mean difference | mean absolute difference |%n"
                + "| --- | ---: | ---: | ---: | ---: |%n", report.mode()));
        int n = report.traces().size();
        for (String p : report.traces().get(0).simulatedQoe().keySet()) {
            double actual = 0;
            double simulated = 0;
            double error = 0;
            for (TraceScore t : report.traces()) {
                double session = t.policies().get(p).metrics().qoe();
                double predicted = t.simulatedQoe().get(p);
                actual += session;
                simulated += predicted;
                error += Math.abs(predicted - session);
            }
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f | %.1f |%n", p,
                    actual / n, simulated / n, (simulated - actual) / n, error / n));
        }
        return sb.toString();
    }

    /**
     * With repeated sessions, each trace's QoE per policy: the mean, then every run's, since the
     * mean alone hides whether runs agreed (real runs of one policy can differ by more than
     * policies do).
     */
    private static String runsMarkdown(BenchmarkReport report) {
        List<String> policies = List.copyOf(report.traces().get(0).policies().keySet());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%nQoE per trace, mean of %d runs (each run):%n%n| trace |", report.repeats()));
        StringBuilder rule = new StringBuilder("| --- |");
        for (String p : policies) {
            sb.append(' ').append(p).append(" |");
            rule.append(" ---: |");
        }
        sb.append('\n').append(rule).append('\n');
        for (TraceScore t : report.traces()) {
            sb.append("| ").append(t.trace()).append(" |");
            for (String p : policies) {
                PolicyScore score = t.policies().get(p);
                List<String> runs = score.runs().stream()
                        .map(r -> String.format(Locale.ROOT, "%.1f", r.metrics().qoe())).toList();
                sb.append(String.format(Locale.ROOT, " %.1f (%s) |", score.metrics().qoe(), String.join(", ", runs)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
