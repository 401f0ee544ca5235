package org.adaptivestream.protocol;

import java.util.Objects;

/** A failure the peer should show or log; {@code text} is for humans, {@code code} for code. */
public record ErrorMessage(ErrorCode code, String text) implements Message {

    public static final int MAX_TEXT_BYTES = 4096;

    public ErrorMessage {
        Objects.requireNonNull(code, "code");
        Fields.utf8Within("text", text, MAX_TEXT_BYTES);
    }

    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }
}
