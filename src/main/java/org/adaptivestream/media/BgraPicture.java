package org.adaptivestream.media;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;

/**
 * A picture-sized BGRA buffer in native memory that a {@link FrameConsumer} lends the decoder,
 * so the conversion writes straight into memory the consumer then shows: no copy between the
 * decoder and the screen. Row {@code y} starts at byte {@code y * rowStrideBytes}.
 *
 * <p>A picture whose rows swscale cannot fill whole ({@link #rowsVectorAligned}) is still
 * accepted: the decoder converts into its own aligned picture and copies the rows across.
 *
 * <p>The buffer is longer than {@code rowStrideBytes * height}: swscale's vector code may write
 * a little past the last pixel of a row, and past the last row that must still be our memory.
 *
 * <p>Ownership is by convention: whoever holds the picture (the lender's pool, the decoder
 * between {@link FrameConsumer#lend} and {@link FrameConsumer#accept}, the presenter) is the only
 * one that touches its pixels; hand it on through something that orders memory (a lock).
 */
public final class BgraPicture {

    public static final int BYTES_PER_PIXEL = 4;
    /** Start of the pixels and of each aligned row: the widest vectors swscale's x86 code writes. */
    private static final int ADDRESS_ALIGN_BYTES = 64;
    /** Room past the last row for vector writes that run over its end. */
    private static final int TAIL_PADDING_BYTES = 256;

    private final int width;
    private final int height;
    private final int rowStrideBytes;
    private final ByteBuffer buffer;
    private final BytePointer pointer;
    private long ptsMicros;

    private BgraPicture(int width, int height, int rowStrideBytes) {
        if (width <= 0 || height <= 0 || rowStrideBytes < width * BYTES_PER_PIXEL) {
            throw new IllegalArgumentException("bad picture " + width + "x" + height + ", stride " + rowStrideBytes);
        }
        this.width = width;
        this.height = height;
        this.rowStrideBytes = rowStrideBytes;
        int size = rowStrideBytes * height + rowStrideBytes + TAIL_PADDING_BYTES;
        // A Java-owned direct buffer: its memory lives as long as anything (a PixelBuffer, say) refers to it.
        this.buffer = ByteBuffer.allocateDirect(size + ADDRESS_ALIGN_BYTES).alignedSlice(ADDRESS_ALIGN_BYTES);
        this.pointer = new BytePointer(buffer);
    }

    /** A picture with tightly packed rows ({@code width * 4} bytes), as JavaFX's {@code PixelBuffer} needs. */
    public static BgraPicture packed(int width, int height) {
        return new BgraPicture(width, height, width * BYTES_PER_PIXEL);
    }

    /** A picture whose rows start on 64-byte boundaries, the layout swscale converts fastest into. */
    public static BgraPicture aligned(int width, int height) {
        int row = width * BYTES_PER_PIXEL;
        return new BgraPicture(width, height, (row + ADDRESS_ALIGN_BYTES - 1) / ADDRESS_ALIGN_BYTES * ADDRESS_ALIGN_BYTES);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int rowStrideBytes() {
        return rowStrideBytes;
    }

    /**
     * Whether swscale can convert straight into this picture. Its vector code converts a row in
     * whole vectors and, when the rounded-up row would pass the stride, leaves the last few
     * pixels unconverted instead (seen at 854 pixels: 6 columns of nothing), so rows must be a
     * whole number of vectors. Packed rows are, at 720p and 1080p.
     */
    public boolean rowsVectorAligned() {
        return rowStrideBytes % ADDRESS_ALIGN_BYTES == 0;
    }

    public boolean hasSize(int w, int h) {
        return width == w && height == h;
    }

    /**
     * The whole writable buffer, position 0 (its capacity includes the padding): for the
     * presenter to wrap once, e.g. in a {@code PixelBuffer}.
     */
    public ByteBuffer buffer() {
        return buffer.duplicate().clear();
    }

    /** Read-only view of the picture's rows, position 0, limit {@code rowStrideBytes * height}. */
    public ByteBuffer pixels() {
        return buffer.asReadOnlyBuffer().clear().limit(rowStrideBytes * height);
    }

    /** Presentation time of the picture last written into this buffer, in microseconds. */
    public long ptsMicros() {
        return ptsMicros;
    }

    public void ptsMicros(long pts) {
        this.ptsMicros = pts;
    }

    /** Native address for swscale; valid as long as this picture is. */
    BytePointer pointer() {
        return pointer;
    }
}
