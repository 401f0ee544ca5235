package org.adaptivestream.evaluation;

import java.util.List;

/**
 * A whole benchmark run, as written to JSON.
 *
 * @param repeats        sessions run per policy and trace; their figures are averaged, and
 *                       each run's are kept beside the mean ({@link PolicyScore#runs})
 * @param unscoredTraces traces whose ceiling is not positive, left out of normalized means
 */
public record BenchmarkReport(String mode, String traceSource, SimulationConfig config, int repeats,
        List<PolicySummary> summary, List<String> unscoredTraces, List<TraceScore> traces) {
}
