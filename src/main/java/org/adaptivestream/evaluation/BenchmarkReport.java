package org.adaptivestream.evaluation;

import java.util.List;

/**
 * A whole benchmark run, as written to JSON.
 *
 * @param unscoredTraces traces whose ceiling is not positive, left out of normalized means
 */
public record BenchmarkReport(String mode, String traceSource, SimulationConfig config, List<PolicySummary> summary,
        List<String> unscoredTraces, List<TraceScore> traces) {
}
