package org.adaptivestream.protocol;

/** Client asks the server to continue after {@link Pause}. Empty payload. */
public record Resume() implements Message {

    @Override
    public MessageType type() {
        return MessageType.RESUME;
    }
}
