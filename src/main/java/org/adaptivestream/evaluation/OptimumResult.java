package org.adaptivestream.evaluation;

import java.util.List;
import org.adaptivestream.media.Rung;

/**
 * The offline optimum of one trace.
 *
 * @param ceilingQoe an upper bound on the QoE of any rung sequence on this trace: no policy
 *                   can score more (the normaliser of normalized QoE)
 * @param plan       the rung per GOP that reached the ceiling in the search
 * @param planResult that plan streamed through the exact model; its QoE is achievable and at
 *                   most the ceiling, and the gap shows how tight the ceiling is
 * @param peakStates the most search states held for one GOP
 */
public record OptimumResult(double ceilingQoe, List<Rung> plan, SessionResult planResult, int peakStates) {
    public OptimumResult {
        plan = List.copyOf(plan);
    }
}
