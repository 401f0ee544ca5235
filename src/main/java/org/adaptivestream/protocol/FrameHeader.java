package org.adaptivestream.protocol;

/**
 * The six header bytes of a frame as read, before any check. {@link #validate} applies every
 * rule that can be decided from the header alone, so a reader allocates nothing for a frame
 * that will be refused.
 */
record FrameHeader(int typeCode, int flags, int payloadLength) {

    static FrameHeader decode(byte[] bytes, int offset) {
        int length = ((bytes[offset + 2] & 0xFF) << 24)
                | ((bytes[offset + 3] & 0xFF) << 16)
                | ((bytes[offset + 4] & 0xFF) << 8)
                | (bytes[offset + 5] & 0xFF);
        return new FrameHeader(bytes[offset] & 0xFF, bytes[offset + 1] & 0xFF, length);
    }

    static void encode(MessageType type, int flags, int payloadLength, byte[] into, int offset) {
        into[offset] = (byte) type.code();
        into[offset + 1] = (byte) flags;
        into[offset + 2] = (byte) (payloadLength >>> 24);
        into[offset + 3] = (byte) (payloadLength >>> 16);
        into[offset + 4] = (byte) (payloadLength >>> 8);
        into[offset + 5] = (byte) payloadLength;
    }

    /**
     * Checks, in this order: the length is not negative (else framing is lost), not over the
     * reader's limit, the type is known, and the length fits that type.
     */
    MessageType validate(int maxPayloadBytes) throws ProtocolException {
        if (payloadLength < 0) {
            throw new NegativeLengthException(payloadLength);
        }
        if (payloadLength > maxPayloadBytes) {
            throw new FrameTooLargeException(payloadLength, maxPayloadBytes);
        }
        MessageType type = MessageType.ofCode(typeCode)
                .orElseThrow(() -> new UnknownMessageTypeException(typeCode));
        if (payloadLength < type.minPayloadBytes() || payloadLength > type.maxPayloadBytes()) {
            throw new MalformedPayloadException(type + " payload of " + payloadLength
                    + " bytes is outside the allowed " + type.minPayloadBytes() + ".."
                    + (type.maxPayloadBytes() == Integer.MAX_VALUE ? "frame limit" : type.maxPayloadBytes())
                    + " bytes");
        }
        return type;
    }
}
