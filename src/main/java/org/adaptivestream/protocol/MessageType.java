package org.adaptivestream.protocol;

import java.util.Optional;

/**
 * The type byte of a frame, with the payload sizes each type allows. The sizes are checked
 * from the header alone, before the payload is read or allocated. Codes are grouped by role:
 * 0x0_ session, 0x1_ catalog, 0x2_ playback control, 0x3_ media and reports (CLIENT_REPORT,
 * 0x34, and RECEIVED, 0x35, are the ones sent by the client). Code 0 is never
 * used, so zero-filled garbage is refused.
 */
public enum MessageType {
    // Sizes: fixed fields + each string's u16 prefix + its cap.
    HELLO(0x01, 10, 10 + Hello.MAX_CLIENT_NAME_BYTES),
    WELCOME(0x02, 12, 12 + Welcome.MAX_SERVER_NAME_BYTES),
    BYE(0x03, 0, 0),
    ERROR(0x04, 4, 4 + ErrorMessage.MAX_TEXT_BYTES),
    PING(0x05, 8, 8),
    PONG(0x06, 24, 24),
    CATALOG_REQUEST(0x10, 0, 0),
    CATALOG_REPLY(0x11, 2, Integer.MAX_VALUE),
    PLAY(0x20, 12, 12 + Play.MAX_VIDEO_ID_BYTES),
    SWITCH_RUNG(0x21, 1, 1),
    PAUSE(0x22, 0, 0),
    RESUME(0x23, 0, 0),
    SEEK(0x24, 8, 8),
    STOP(0x25, 0, 0),
    CODEC_CONFIG(0x30, 6, 6 + CodecConfig.MAX_EXTRADATA_BYTES),
    VIDEO_PACKET(0x31, VideoPacket.FIXED_FIELDS_BYTES + 1, Integer.MAX_VALUE),
    SERVER_REPORT(0x32, 45, 45),
    END_OF_STREAM(0x33, 0, 0),
    /** Since version 2. The newer types come last so the ordinals of the older ones stay as they were. */
    CLIENT_REPORT(0x34, 8, 8),
    /** Since version 3. */
    RECEIVED(0x35, 8, 8),
    /** Since version 4. */
    DROP_GOP(0x26, 0, 0);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final int minPayloadBytes;
    private final int maxPayloadBytes;

    MessageType(int code, int minPayloadBytes, int maxPayloadBytes) {
        this.code = code;
        this.minPayloadBytes = minPayloadBytes;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    public int minPayloadBytes() {
        return minPayloadBytes;
    }

    /** Integer.MAX_VALUE means "bounded only by the reader's frame limit". */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    public static Optional<MessageType> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
