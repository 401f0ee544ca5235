package org.adaptivestream.protocol;

/**
 * A frame header's length field had its top bit set. Such a header cannot come from a correct
 * peer, so the byte stream is not where we think it is: framing is lost and the connection must
 * be dropped.
 */
public final class NegativeLengthException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final int length;

    public NegativeLengthException(int length) {
        super("frame payload length is negative: " + length + " (0x"
                + Integer.toHexString(length) + "); framing lost, drop the connection");
        this.length = length;
    }

    public int length() {
        return length;
    }

    @Override
    public boolean framingIntact() {
        return false;
    }
}
