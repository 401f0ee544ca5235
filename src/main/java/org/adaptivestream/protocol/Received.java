package org.adaptivestream.protocol;

/**
 * The client's acknowledgement of video: every {@link VideoPacket} up to and including this
 * sequence number has been read off the connection. Version 3 and later; the client sends them
 * as {@link Acknowledgements} says, about four a second. The server uses it to keep little video in flight: once what it
 * sent long ago is still unacknowledged it stops sending and falls behind its schedule, where
 * it can skip ahead, instead of filling socket buffers with video that will arrive stale.
 *
 * @param sequence the highest {@link VideoPacket#sequenceNumber()} read so far, >= 0
 */
public record Received(long sequence) implements Message {

    /** The first protocol version that has this message. */
    public static final int SINCE_VERSION = 3;

    public Received {
        Fields.nonNegative("sequence", sequence);
    }

    @Override
    public MessageType type() {
        return MessageType.RECEIVED;
    }
}
