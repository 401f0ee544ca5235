package org.adaptivestream.protocol;

/**
 * The server's answer to a {@link Ping}, NTP-style. With t3 the client's clock on receipt:
 * round trip = (t3 - t0) - (t2 - t1); server clock minus client clock = ((t1 - t0) + (t2 - t3)) / 2.
 *
 * @param clientSendMicros  t0, echoed from the ping
 * @param serverReceiveMicros t1, the server's clock when the ping was read
 * @param serverSendMicros  t2, the server's clock when the pong was written
 */
public record Pong(long clientSendMicros, long serverReceiveMicros, long serverSendMicros)
        implements Message {

    @Override
    public MessageType type() {
        return MessageType.PONG;
    }

    /** Round-trip time without the server's processing time, given t3. */
    public long roundTripMicros(long clientReceiveMicros) {
        return (clientReceiveMicros - clientSendMicros) - (serverSendMicros - serverReceiveMicros);
    }

    /** Server clock minus client clock, assuming symmetric paths, given t3. */
    public long clockOffsetMicros(long clientReceiveMicros) {
        return ((serverReceiveMicros - clientSendMicros) + (serverSendMicros - clientReceiveMicros)) / 2;
    }
}
