package org.adaptivestream.protocol;

/**
 * The server's answer to {@link Hello}: the version both sides now use, its name, and an id for
 * this session (for logs on both sides).
 */
public record Welcome(int version, String serverName, long sessionId) implements Message {

    public static final int MAX_SERVER_NAME_BYTES = 256;

    public Welcome {
        Fields.inRange("version", version, 1, 0xFFFF);
        Fields.utf8Within("serverName", serverName, MAX_SERVER_NAME_BYTES);
    }

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}
