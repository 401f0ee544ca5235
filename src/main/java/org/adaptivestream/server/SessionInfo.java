package org.adaptivestream.server;

import java.time.Instant;

/**
 * A snapshot of one client session, for the dashboard and the log.
 *
 * @param video       the video being played, or empty before the first play
 * @param rung        the rung being sent, or empty when not playing
 * @param bitsPerSecond the current rung's bitrate, 0 when not playing
 * @param packetsSent video packets written since the session began, across every play
 * @param bytesSent   video bytes written since the session began, across every play
 * @param gopsSkipped GOPs skipped in the current play
 * @param queuedPackets packets due but not yet written, as of the last report to the client (about
 *                      once a second while sending; 0 when paused): how far behind this client is
 * @param clientRttMicros the smoothed round-trip time the client last reported
 *                      ({@link org.adaptivestream.protocol.ClientReport}), or -1 before its first
 *                      report (and always for a version-1 client)
 */
public record SessionInfo(
        long sessionId,
        String remoteAddress,
        String clientName,
        String video,
        String rung,
        long bitsPerSecond,
        long packetsSent,
        long bytesSent,
        long gopsSkipped,
        int queuedPackets,
        long clientRttMicros,
        Instant connectedAt,
        String state) {

    /** Not reported (yet). */
    public static final long NO_RTT = -1;

    public boolean hasClientRtt() {
        return clientRttMicros >= 0;
    }
}
