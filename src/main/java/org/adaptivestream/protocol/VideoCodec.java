package org.adaptivestream.protocol;

import java.util.Optional;

/** The codec of a rendition, as a u8 on the wire (0 is never used). */
public enum VideoCodec {
    /** H.264; extradata is the avcC record and packets are length-prefixed NAL units, as in MP4. */
    H264(1);

    private final int code;

    VideoCodec(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<VideoCodec> ofCode(int code) {
        for (VideoCodec value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
