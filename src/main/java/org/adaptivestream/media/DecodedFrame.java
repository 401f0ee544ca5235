package org.adaptivestream.media;

import java.nio.ByteBuffer;

/**
 * A decoded picture as BGRA pixels (alpha always 255, so also valid as premultiplied BGRA).
 * Row {@code y} starts at byte {@code y * rowStrideBytes}; a row holds {@code width * 4}
 * pixel bytes followed by padding.
 *
 * <p>Unless {@code picture} is set, the buffer is the decoder's own and is reused: it is valid
 * only during the {@link FrameConsumer#accept} call that received it. Copy what you need to keep.
 *
 * @param ptsMicros presentation time in microseconds, as in the packet's timestamps
 * @param bgraPixels read-only, position 0, limit {@code rowStrideBytes * height}; null when the
 *                   consumer lent no picture and the frame was not converted
 * @param picture    the consumer's lent picture the pixels are in, or null for the decoder's buffer
 */
public record DecodedFrame(int width, int height, int rowStrideBytes, long ptsMicros, ByteBuffer bgraPixels,
                           BgraPicture picture) {

    /** A frame in a buffer that is not the consumer's (the decoder's own, or a test's). */
    public DecodedFrame(int width, int height, int rowStrideBytes, long ptsMicros, ByteBuffer bgraPixels) {
        this(width, height, rowStrideBytes, ptsMicros, bgraPixels, null);
    }

    /** A frame decoded but not converted, because no picture was free to convert it into. */
    static DecodedFrame unconverted(int width, int height, long ptsMicros) {
        return new DecodedFrame(width, height, 0, ptsMicros, null, null);
    }

    /** Whether the frame has pixels (false only when its consumer had no picture to lend). */
    public boolean converted() {
        return bgraPixels != null;
    }
}
