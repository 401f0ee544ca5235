package org.adaptivestream.protocol;

/** A frame's type byte names no message of this protocol version. The frame is skipped. */
public final class UnknownMessageTypeException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final int typeCode;

    public UnknownMessageTypeException(int typeCode) {
        super(String.format("unknown message type 0x%02x", typeCode));
        this.typeCode = typeCode;
    }

    public int typeCode() {
        return typeCode;
    }

    @Override
    public boolean framingIntact() {
        return true;
    }
}
