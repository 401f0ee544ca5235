package org.adaptivestream.protocol;

import java.util.Objects;
import org.adaptivestream.media.Rung;

/**
 * The server's periodic account of one session, for the client's charts and adaptation.
 *
 * @param serverTimeMicros  the server's clock when the report was made
 * @param currentRung       the rung being sent now
 * @param queuedPackets     packets waiting in this session's send queue
 * @param queuedBytes       bytes waiting in this session's send queue
 * @param bytesSent         total payload bytes written to this session so far
 * @param packetsSent       total video packets written to this session so far
 * @param gopsSkipped       total GOPs dropped because the client fell too far behind
 */
public record ServerReport(long serverTimeMicros, Rung currentRung, int queuedPackets, long queuedBytes,
                           long bytesSent, long packetsSent, long gopsSkipped) implements Message {

    public ServerReport {
        Objects.requireNonNull(currentRung, "currentRung");
        Fields.nonNegative("queuedPackets", queuedPackets);
        Fields.nonNegative("queuedBytes", queuedBytes);
        Fields.nonNegative("bytesSent", bytesSent);
        Fields.nonNegative("packetsSent", packetsSent);
        Fields.nonNegative("gopsSkipped", gopsSkipped);
    }

    @Override
    public MessageType type() {
        return MessageType.SERVER_REPORT;
    }
}
