package org.adaptivestream.protocol;

/** The sender is closing the connection on purpose; the peer closes too, without an error. Empty payload. */
public record Bye() implements Message {

    @Override
    public MessageType type() {
        return MessageType.BYE;
    }
}
