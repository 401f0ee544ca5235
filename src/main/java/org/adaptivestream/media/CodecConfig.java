package org.adaptivestream.media;

import java.util.Arrays;

/**
 * What a decoder needs before the first packet of a rendition: the codec, the picture size and
 * the stream's extradata (for H.264 in mp4, the avcC record with SPS and PPS).
 *
 * @param codecId      FFmpeg's codec id ({@code AV_CODEC_ID_H264})
 * @param codecName    FFmpeg's short codec name, e.g. "h264", for messages
 * @param timeBaseNum  the file's time base, numerator (packets here are already in microseconds)
 * @param timeBaseDen  the file's time base, denominator
 * @param extradata    codec-specific setup bytes; copied in and out, never shared
 */
public record CodecConfig(int codecId, String codecName, int width, int height,
                          int timeBaseNum, int timeBaseDen, byte[] extradata) {

    public CodecConfig {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive: " + width + "x" + height);
        }
        if (timeBaseNum <= 0 || timeBaseDen <= 0) {
            throw new IllegalArgumentException("time base must be positive: " + timeBaseNum + "/" + timeBaseDen);
        }
        extradata = extradata == null ? new byte[0] : extradata.clone();
    }

    @Override
    public byte[] extradata() {
        return extradata.clone();
    }

    int extradataLength() {
        return extradata.length;
    }

    byte[] extradataUnsafe() {
        return extradata;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodecConfig config && config.codecId == codecId && config.codecName.equals(codecName)
                && config.width == width && config.height == height && config.timeBaseNum == timeBaseNum
                && config.timeBaseDen == timeBaseDen && Arrays.equals(config.extradata, extradata);
    }

    @Override
    public int hashCode() {
        return ((codecId * 31 + width) * 31 + height) * 31 + Arrays.hashCode(extradata);
    }

    @Override
    public String toString() {
        return "CodecConfig[" + codecName + " " + width + "x" + height + ", time base " + timeBaseNum + "/" + timeBaseDen
                + ", " + extradata.length + " bytes extradata]";
    }
}
