package org.adaptivestream.protocol;

/**
 * The client's first message: the protocol versions it speaks and a name for logs.
 *
 * @param minVersion oldest version the client speaks (1..65535)
 * @param maxVersion newest version the client speaks (>= minVersion)
 * @param clientName free text shown in the server's dashboard, at most 256 bytes of UTF-8
 */
public record Hello(int minVersion, int maxVersion, String clientName) implements Message {

    public static final int MAX_CLIENT_NAME_BYTES = 256;

    public Hello {
        Fields.inRange("minVersion", minVersion, 1, 0xFFFF);
        Fields.inRange("maxVersion", maxVersion, minVersion, 0xFFFF);
        Fields.utf8Within("clientName", clientName, MAX_CLIENT_NAME_BYTES);
    }

    /** A hello offering every version this build supports. */
    public static Hello of(String clientName) {
        return new Hello(ProtocolVersion.OLDEST_SUPPORTED, ProtocolVersion.CURRENT, clientName);
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
