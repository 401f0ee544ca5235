package org.adaptivestream.server;

import java.time.Instant;

/**
 * A snapshot of one client session, for the dashboard and the log.
 *
 * @param video       the video being played, or empty before the first play
 * @param rung        the rung being sent, or empty when not playing
 * @param bitsPerSecond the current rung's bitrate, 0 when not playing
 * @param queuedPackets packets due but not yet written: how far behind this client is
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
        Instant connectedAt,
        String state) {
}
