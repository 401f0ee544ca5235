package org.adaptivestream.evaluation;

/**
 * One policy on one trace.
 *
 * @param normalizedQoe QoE over the trace's ceiling; {@code null} when the ceiling is not
 *                      positive (the link cannot carry even the lowest rung), where the ratio
 *                      means nothing
 */
public record PolicyScore(SessionMetrics metrics, Double normalizedQoe) {

    public static PolicyScore of(SessionMetrics metrics, double ceilingQoe) {
        return new PolicyScore(metrics, ceilingQoe > 0 ? metrics.qoe() / ceilingQoe : null);
    }
}
