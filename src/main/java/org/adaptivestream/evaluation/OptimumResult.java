package org.adaptivestream.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.adaptivestream.media.Rung;

/**
 * The offline optimum of one trace.
 *
 * @param ceilingQoe what the search reached: from {@link OfflineOptimum#solve}, the most QoE any
 *                   plan reaches on this trace, so no policy can score more (the normaliser of
 *                   normalized QoE); from {@link OfflineOptimum#solveRungOnly}, the best plan
 *                   found without dropping a GOP on purpose
 * @param plan       the rung per GOP that reaches it; {@code null} where it skips a GOP
 * @param planResult that plan streamed through the model; its QoE equals the ceiling
 * @param peakStates the most search states held for one GOP
 */
public record OptimumResult(double ceilingQoe, List<Rung> plan, SessionResult planResult, int peakStates) {
    public OptimumResult {
        plan = Collections.unmodifiableList(new ArrayList<>(plan));
    }
}
