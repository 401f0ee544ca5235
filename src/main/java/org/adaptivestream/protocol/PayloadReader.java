package org.adaptivestream.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads big-endian fields from one payload. Every read checks the bytes left first, so a short
 * or lying payload gives a {@link MalformedPayloadException} naming the field, never an
 * ArrayIndexOutOfBoundsException or a large allocation.
 */
final class PayloadReader {

    private final MessageType type;
    private final byte[] payload;
    private int position;

    PayloadReader(MessageType type, byte[] payload) {
        this.type = type;
        this.payload = payload;
    }

    int u8(String field) throws MalformedPayloadException {
        need(1, field);
        return payload[position++] & 0xFF;
    }

    int u16(String field) throws MalformedPayloadException {
        need(2, field);
        int value = ((payload[position] & 0xFF) << 8) | (payload[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    int i32(String field) throws MalformedPayloadException {
        need(4, field);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (payload[position++] & 0xFF);
        }
        return value;
    }

    long i64(String field) throws MalformedPayloadException {
        need(8, field);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (payload[position++] & 0xFF);
        }
        return value;
    }

    double f64(String field) throws MalformedPayloadException {
        return Double.longBitsToDouble(i64(field));
    }

    /** A u16-prefixed UTF-8 string; the prefix is checked against the cap before decoding. */
    String string(String field, int maxBytes) throws MalformedPayloadException {
        int length = u16(field + " length");
        if (length > maxBytes) {
            throw new MalformedPayloadException(type + " " + field + " is " + length
                    + " bytes, over the cap of " + maxBytes);
        }
        need(length, field);
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload, position, length))
                    .toString();
            position += length;
            return value;
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException(type + " " + field + " is not valid UTF-8", e);
        }
    }

    /** All bytes left in the payload. */
    byte[] rest() {
        byte[] rest = position == 0 ? payload : Arrays.copyOfRange(payload, position, payload.length);
        position = payload.length;
        return rest;
    }

    void expectEnd() throws MalformedPayloadException {
        if (position != payload.length) {
            throw new MalformedPayloadException(type + " payload has " + (payload.length - position)
                    + " unexpected trailing bytes");
        }
    }

    private void need(int bytes, String field) throws MalformedPayloadException {
        if (payload.length - position < bytes) {
            throw new MalformedPayloadException(type + " payload ended at byte " + position + " of "
                    + payload.length + " while reading " + field + " (" + bytes + " bytes needed)");
        }
    }
}
