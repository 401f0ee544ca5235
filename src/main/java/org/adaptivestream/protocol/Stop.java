package org.adaptivestream.protocol;

/** Client ends playback; the session stays open for another {@link Play}. Empty payload. */
public record Stop() implements Message {

    @Override
    public MessageType type() {
        return MessageType.STOP;
    }
}
