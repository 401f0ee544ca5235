package org.adaptivestream.protocol;

/** Client asks the server to stop sending packets, keeping the position. Empty payload. */
public record Pause() implements Message {

    @Override
    public MessageType type() {
        return MessageType.PAUSE;
    }
}
