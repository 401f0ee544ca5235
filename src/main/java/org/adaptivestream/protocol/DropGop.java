package org.adaptivestream.protocol;

/**
 * The client asks the server to leave the next GOP it would start unsent. Version 4 and later;
 * empty payload. A client whose link has fallen below the lowest rung sends it when what is
 * already in flight will make the next GOP late anyway: a GOP not sent keeps the link free for
 * the one after it, which then arrives in time, where sending every GOP late freezes the
 * picture for all of them.
 */
public record DropGop() implements Message {

    /** The first protocol version that has this message. */
    public static final int SINCE_VERSION = 4;

    @Override
    public MessageType type() {
        return MessageType.DROP_GOP;
    }
}
