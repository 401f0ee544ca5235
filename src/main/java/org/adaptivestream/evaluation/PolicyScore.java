package org.adaptivestream.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One policy on one trace.
 *
 * @param normalizedQoe QoE over the trace's ceiling; {@code null} when the ceiling is not
 *                      positive (the link cannot carry even the lowest rung), where the ratio
 *                      means nothing
 * @param normalizedToRungOnly QoE over the best plan found that drops no GOP on purpose
 *                      ({@link OfflineOptimum#solveRungOnly}): how close the policy came to
 *                      what choosing rungs alone can reach; {@code null} when that plan's QoE is
 *                      not positive
 * @param runs          each session's own score when there were several, in the order they were
 *                      started; {@code metrics} is their mean, and the runs show how far apart
 *                      they were. Empty for a single session (its figures are {@code metrics}),
 *                      and then left out of JSON, so a run never lists runs of its own
 */
public record PolicyScore(SessionMetrics metrics, Double normalizedQoe, Double normalizedToRungOnly,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PolicyScore> runs) {

    public PolicyScore {
        // JSON without "runs" (one session) reads back as no runs.
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    public static PolicyScore of(SessionMetrics metrics, double ceilingQoe, double rungOnlyQoe) {
        return new PolicyScore(metrics, ratio(metrics.qoe(), ceilingQoe), ratio(metrics.qoe(), rungOnlyQoe), List.of());
    }

    /** Repeated sessions scored by their {@link SessionMetrics#mean}, each kept beside it. */
    public static PolicyScore of(List<SessionMetrics> runs, double ceilingQoe, double rungOnlyQoe) {
        if (runs.size() == 1) {
            return of(runs.get(0), ceilingQoe, rungOnlyQoe);
        }
        PolicyScore mean = of(SessionMetrics.mean(runs), ceilingQoe, rungOnlyQoe);
        return new PolicyScore(mean.metrics(), mean.normalizedQoe(), mean.normalizedToRungOnly(),
                runs.stream().map(r -> of(r, ceilingQoe, rungOnlyQoe)).toList());
    }

    private static Double ratio(double qoe, double reference) {
        return reference > 0 ? qoe / reference : null;
    }
}
