package org.adaptivestream.protocol;

import java.util.Objects;
import org.adaptivestream.media.Rung;

/** Client asks for another rendition; the server switches at the next aligned keyframe. */
public record SwitchRung(Rung rung) implements Message {

    public SwitchRung {
        Objects.requireNonNull(rung, "rung");
    }

    @Override
    public MessageType type() {
        return MessageType.SWITCH_RUNG;
    }
}
