package org.adaptivestream.protocol;

/** Constants of the frame layout shared by both directions; see {@code docs/PROTOCOL.md}. */
public final class WireFormat {

    /** type (1) + flags (1) + payload length (4, big-endian). */
    public static final int HEADER_BYTES = 6;

    /**
     * Default limit on one frame's payload. A 1080p keyframe is a few hundred KB; 4 MiB leaves
     * room for unusual encodes while bounding what one peer can make us allocate.
     */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

    /** "ASTR": first four payload bytes of a {@link Hello}, so a stray peer is caught at once. */
    public static final int HELLO_MAGIC = 0x41535452;

    /** Strings are a u16 byte count then UTF-8, so no string field can exceed this. */
    public static final int MAX_STRING_BYTES = 0xFFFF;

    private WireFormat() {
    }

    static int checkedMaxPayload(int maxPayloadBytes) {
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be >= 0: " + maxPayloadBytes);
        }
        return maxPayloadBytes;
    }
}
