package org.adaptivestream.protocol;

/**
 * The client's periodic account of what it measures that the server cannot: for now its
 * smoothed round-trip time, shown in the server's dashboard. Version 2 and later; a client
 * sends it only once it has an RTT estimate, and only on a connection that negotiated
 * version 2 or later.
 *
 * @param smoothedRttMicros the client's smoothed in-band RTT (ping to pong, queueing included), >= 0
 */
public record ClientReport(long smoothedRttMicros) implements Message {

    /** The first protocol version that has this message. */
    public static final int SINCE_VERSION = 2;

    public ClientReport {
        Fields.nonNegative("smoothedRttMicros", smoothedRttMicros);
    }

    @Override
    public MessageType type() {
        return MessageType.CLIENT_REPORT;
    }
}
