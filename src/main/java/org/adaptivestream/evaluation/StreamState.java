package org.adaptivestream.evaluation;

import org.adaptivestream.media.Rung;

/**
 * Everything about a session between two GOPs that decides its future score.
 *
 * @param busyUntilSeconds when the bottleneck will have sent everything queued so far
 * @param latencySeconds   the playout latency; {@code NaN} before the first frame
 * @param previousRung     the last GOP's rung; {@code null} before the first
 */
public record StreamState(double busyUntilSeconds, double latencySeconds, Rung previousRung) {
    public static final StreamState START = new StreamState(0, Double.NaN, null);
}
