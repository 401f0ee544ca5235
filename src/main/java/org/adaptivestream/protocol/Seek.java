package org.adaptivestream.protocol;

/** Client asks to continue from a media position; the server restarts at the keyframe at or before it. */
public record Seek(long positionMicros) implements Message {

    public Seek {
        Fields.nonNegative("positionMicros", positionMicros);
    }

    @Override
    public MessageType type() {
        return MessageType.SEEK;
    }
}
