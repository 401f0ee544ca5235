package org.adaptivestream.media;

import java.nio.ByteBuffer;

/**
 * A decoded picture as BGRA pixels (alpha always 255, so also valid as premultiplied BGRA).
 * Row {@code y} starts at byte {@code y * rowStrideBytes}; a row holds {@code width * 4}
 * pixel bytes followed by padding.
 *
 * <p>The buffer is the decoder's own and is reused: it is valid only during the
 * {@link FrameConsumer#accept} call that received it. Copy what you need to keep.
 *
 * @param ptsMicros presentation time in microseconds, as in the packet's timestamps
 * @param bgraPixels read-only, position 0, limit {@code rowStrideBytes * height}
 */
public record DecodedFrame(int width, int height, int rowStrideBytes, long ptsMicros, ByteBuffer bgraPixels) {
}
