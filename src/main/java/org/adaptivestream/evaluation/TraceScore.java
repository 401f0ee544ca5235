package org.adaptivestream.evaluation;

import java.util.Map;

/**
 * Every policy on one trace, beside the trace's ceiling.
 *
 * @param ceilingQoe  the offline optimum's upper bound
 * @param planQoe     the optimum's plan streamed exactly (at most the ceiling)
 * @param rungOnlyQoe the best plan found that drops no GOP on purpose ({@link OfflineOptimum#solveRungOnly})
 * @param rungOnly    that plan's score
 * @param policies    by policy name, in the order run
 */
public record TraceScore(String trace, double seconds, double meanCapacityMbps, double ceilingQoe, double planQoe,
        double rungOnlyQoe, PolicyScore optimum, PolicyScore rungOnly, Map<String, PolicyScore> policies) {
}
