package org.adaptivestream.protocol;

/** The server sent the last packet of a non-looping play. Empty payload. */
public record EndOfStream() implements Message {

    @Override
    public MessageType type() {
        return MessageType.END_OF_STREAM;
    }
}
