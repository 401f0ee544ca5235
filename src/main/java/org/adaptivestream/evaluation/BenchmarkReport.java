package org.adaptivestream.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A whole benchmark run, as written to JSON.
 *
 * @param repeats        sessions run per policy and trace; their figures are averaged, and
 *                       each run's are kept beside the mean ({@link PolicyScore#runs})
 * @param unscoredTraces traces whose ceiling is not positive, left out of normalized means
 * @param hostCpuStolen  real mode: the share of CPU time the host took for other guests during
 *                       the run (0 to 1), where the machine tells; {@code null}, and left out of
 *                       JSON, in simulation or where unknown
 */
public record BenchmarkReport(String mode, String traceSource, SimulationConfig config, int repeats,
        List<PolicySummary> summary, List<String> unscoredTraces, List<TraceScore> traces,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double hostCpuStolen) {

    public BenchmarkReport withHostCpuStolen(double share) {
        return new BenchmarkReport(mode, traceSource, config, repeats, summary, unscoredTraces, traces, share);
    }
}
