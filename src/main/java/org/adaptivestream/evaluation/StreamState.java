package org.adaptivestream.evaluation;

import org.adaptivestream.media.Rung;

/**
 * Everything about a session between two GOPs that decides its future score: playout latency
 * is fixed, so only the bottleneck's backlog and the last rung carry over.
 *
 * @param busyUntilSeconds when the bottleneck will have sent everything queued so far
 * @param previousRung     the last GOP's rung; {@code null} before the first
 */
public record StreamState(double busyUntilSeconds, Rung previousRung) {
    public static final StreamState START = new StreamState(0, null);
}
