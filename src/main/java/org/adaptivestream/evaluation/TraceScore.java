package org.adaptivestream.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Every policy on one trace, beside the trace's ceiling.
 *
 * @param ceilingQoe  the offline optimum's upper bound
 * @param planQoe     the optimum's plan streamed exactly (at most the ceiling)
 * @param rungOnlyQoe the best plan found that drops no GOP on purpose ({@link OfflineOptimum#solveRungOnly})
 * @param rungOnly    that plan's score
 * @param leastStall  the score of the plan that freezes least ({@link OfflineOptimum#solveLeastStall}): its
 *                    stall ratio is the trace's floor
 * @param foresight   by row name, the clairvoyants with a short view ({@link ForesightOptimum}) that
 *                    were asked for; empty, and left out of JSON, otherwise
 * @param policies    by policy name, in the order run
 * @param simulatedQoe when the sessions were not simulated (real mode): by policy name, the
 *                    simulator's QoE for the same policy on the same trace, to show how far the
 *                    simulation the policies are tuned in is from what they do for real; empty,
 *                    and left out of JSON, in simulation
 */
public record TraceScore(String trace, double seconds, double meanCapacityMbps, double ceilingQoe, double planQoe,
        double rungOnlyQoe, PolicyScore optimum, PolicyScore rungOnly, PolicyScore leastStall,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, PolicyScore> foresight, Map<String, PolicyScore> policies,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> simulatedQoe) {

    public TraceScore {
        // JSON from a simulated run has no "simulatedQoe", and from most runs no "foresight".
        simulatedQoe = simulatedQoe == null ? Map.of() : simulatedQoe;
        foresight = foresight == null ? Map.of() : foresight;
    }
}
