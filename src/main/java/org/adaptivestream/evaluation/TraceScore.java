package org.adaptivestream.evaluation;

import java.util.Map;

/**
 * Every policy on one trace, beside the trace's ceiling.
 *
 * @param ceilingQoe the offline optimum's upper bound
 * @param planQoe    the optimum's plan streamed exactly (at most the ceiling)
 * @param policies   by policy name, in the order run
 */
public record TraceScore(String trace, double seconds, double meanCapacityMbps, double ceilingQoe, double planQoe,
        PolicyScore optimum, Map<String, PolicyScore> policies) {
}
