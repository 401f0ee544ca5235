package org.adaptivestream.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * One whole frame whose header passed every check; the payload is not decoded yet (see
 * {@link MessageCodec#decode(Frame)}). The payload array belongs to the frame: do not modify it.
 *
 * @param type    the message type named by the header
 * @param flags   the header's flag byte; reserved in version 1 (sent as 0, ignored on receipt)
 * @param payload the payload bytes
 */
public record Frame(MessageType type, int flags, byte[] payload) {

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame that && type == that.type && flags == that.flags
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, flags, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Frame[" + type + ", flags=" + flags + ", " + payload.length + " bytes]";
    }
}
