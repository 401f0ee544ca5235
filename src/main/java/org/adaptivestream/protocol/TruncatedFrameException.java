package org.adaptivestream.protocol;

/**
 * The stream ended inside a frame: after part of a header or part of a payload. (A stream that
 * ends exactly between two frames is a clean end, not this.)
 */
public final class TruncatedFrameException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final long expectedBytes;
    private final long receivedBytes;

    /**
     * @param part          "header" or "payload", for the message
     * @param expectedBytes how many bytes that part needed
     * @param receivedBytes how many arrived before the end of the stream
     */
    public TruncatedFrameException(String part, long expectedBytes, long receivedBytes) {
        super("stream ended inside a frame " + part + ": got " + receivedBytes + " of "
                + expectedBytes + " bytes");
        this.expectedBytes = expectedBytes;
        this.receivedBytes = receivedBytes;
    }

    public long expectedBytes() {
        return expectedBytes;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    @Override
    public boolean framingIntact() {
        return false;
    }
}
