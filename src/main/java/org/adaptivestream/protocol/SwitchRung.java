package org.adaptivestream.protocol;

import java.util.Objects;
import org.adaptivestream.media.Rung;

/**
 * Client asks for another rendition; the server switches at an aligned keyframe, at once when it
 * can (resending the new rung from the current GOP's keyframe: see docs/PROTOCOL.md).
 */
public record SwitchRung(Rung rung) implements Message {

    public SwitchRung {
        Objects.requireNonNull(rung, "rung");
    }

    @Override
    public MessageType type() {
        return MessageType.SWITCH_RUNG;
    }
}
