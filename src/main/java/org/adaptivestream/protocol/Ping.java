package org.adaptivestream.protocol;

/**
 * Client's probe for round-trip time and clock offset. The server answers with a {@link Pong}
 * at once, echoing {@code clientSendMicros}.
 *
 * @param clientSendMicros the client's clock when the ping was written (t0)
 */
public record Ping(long clientSendMicros) implements Message {

    @Override
    public MessageType type() {
        return MessageType.PING;
    }
}
