package org.adaptivestream.protocol;

/**
 * A frame header announced a payload longer than the reader's maximum. Nothing was allocated;
 * the announced bytes are skipped as they arrive, so framing stays intact, but a peer that
 * sends such frames is usually broken or hostile and the connection is best closed.
 * Also thrown by a writer asked to send a message that would exceed its own maximum.
 */
public final class FrameTooLargeException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final long payloadBytes;
    private final int maxPayloadBytes;

    public FrameTooLargeException(long payloadBytes, int maxPayloadBytes) {
        super("frame payload of " + payloadBytes + " bytes exceeds the maximum of "
                + maxPayloadBytes + " bytes");
        this.payloadBytes = payloadBytes;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public long payloadBytes() {
        return payloadBytes;
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    @Override
    public boolean framingIntact() {
        return true;
    }
}
