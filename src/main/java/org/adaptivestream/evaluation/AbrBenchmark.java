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
 * the trace's offline optimum (always from the simulator's model) and summarises.
 */
public final class AbrBenchmark {

    public static final String OPTIMUM = "optimum";

    private final Simulator model;
    private final SessionRunner runner;

    public AbrBenchmark(Simulator model, SessionRunner runner) {
        this.model = Objects.requireNonNull(model, "model");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Scores one trace: the optimum, then every policy. */
    public TraceScore score(CapacityTrace trace, List<String> policies) {
        StreamingModel m = model.model(trace);
        OptimumResult optimum = OfflineOptimum.solve(m);
        Map<String, PolicyScore> scores = new LinkedHashMap<>();
        for (String name : policies) {
            SessionResult r = runner.run(PolicyRegistry.create(name), trace);
            scores.put(name, PolicyScore.of(r.metrics(), optimum.ceilingQoe()));
        }
        SessionMetrics plan = optimum.planResult().metrics();
        return new TraceScore(trace.name(), plan.mediaSeconds(), trace.meanBitsPerSecond() / 1e6,
                optimum.ceilingQoe(), plan.qoe(), PolicyScore.of(plan, optimum.ceilingQoe()), scores);
    }

    /** Scores every trace, {@code threads} at a time; results keep the traces' order. */
    public BenchmarkReport run(String traceSource, List<CapacityTrace> traces, List<String> policies, int threads) {
        List<TraceScore> scores = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<TraceScore>> futures = new ArrayList<>();
            for (CapacityTrace t : traces) {
                futures.add(pool.submit(() -> score(t, policies)));
            }
            for (Future<TraceScore> f : futures) {
                scores.add(f.get());
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
        summary.add(summarise(OPTIMUM, scores.stream().map(TraceScore::optimum).toList()));
        for (String p : policies) {
            summary.add(summarise(p, scores.stream().map(s -> s.policies().get(p)).toList()));
        }
        List<String> unscored = scores.stream().filter(s -> !(s.ceilingQoe() > 0)).map(TraceScore::trace).toList();
        return new BenchmarkReport(runner.mode(), traceSource, model.config(), summary, unscored, scores);
    }

    static PolicySummary summarise(String policy, List<PolicyScore> scores) {
        List<Double> normalized = scores.stream().map(PolicyScore::normalizedQoe).filter(Objects::nonNull).toList();
        double meanNormalized = normalized.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new PolicySummary(policy, meanNormalized, normalized.size(),
                mean(scores, SessionMetrics::qoe), mean(scores, SessionMetrics::averageBitrateMbps),
                mean(scores, SessionMetrics::stallRatio), mean(scores, SessionMetrics::switchesPerMinute),
                mean(scores, SessionMetrics::meanLatencySeconds), mean(scores, SessionMetrics::p95LatencySeconds));
    }

    private static double mean(List<PolicyScore> scores, ToDoubleFunction<SessionMetrics> f) {
        return scores.stream().mapToDouble(s -> f.applyAsDouble(s.metrics())).average().orElse(Double.NaN);
    }

    /** The summary as a markdown table. */
    public static String markdown(BenchmarkReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("| policy | mean normalized QoE | avg bitrate (Mbit/s) | stall ratio | switches/min | mean latency (ms) | p95 latency (ms) |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (PolicySummary s : report.summary()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.2f | %.2f %% | %.2f | %.0f | %.0f |%n", s.policy(),
                    s.meanNormalizedQoe(), s.averageBitrateMbps(), s.stallRatio() * 100, s.switchesPerMinute(),
                    s.meanLatencySeconds() * 1000, s.p95LatencySeconds() * 1000));
        }
        return sb.toString();
    }
}
