package org.adaptivestream.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One policy on one trace.
 *
 * @param normalizedQoe QoE over the trace's ceiling; {@code null} when the ceiling is not
 *                      positive (the link cannot carry even the lowest rung), where the ratio
 *                      means nothing
 * @param runs          each session's own score when there were several, in the order they were
 *                      started; {@code metrics} is their mean, and the runs show how far apart
 *                      they were. Empty for a single session (its figures are {@code metrics}),
 *                      and then left out of JSON, so a run never lists runs of its own
 */
public record PolicyScore(SessionMetrics metrics, Double normalizedQoe,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PolicyScore> runs) {

    public PolicyScore {
        // JSON without "runs" (one session) reads back as no runs.
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    public static PolicyScore of(SessionMetrics metrics, double ceilingQoe) {
        return new PolicyScore(metrics, ceilingQoe > 0 ? metrics.qoe() / ceilingQoe : null, List.of());
    }

    /** Repeated sessions scored by their {@link SessionMetrics#mean}, each kept beside it. */
    public static PolicyScore of(List<SessionMetrics> runs, double ceilingQoe) {
        if (runs.size() == 1) {
            return of(runs.get(0), ceilingQoe);
        }
        PolicyScore mean = of(SessionMetrics.mean(runs), ceilingQoe);
        return new PolicyScore(mean.metrics(), mean.normalizedQoe(),
                runs.stream().map(r -> of(r, ceilingQoe)).toList());
    }
}
