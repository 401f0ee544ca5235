package org.adaptivestream.media;

/**
 * Receives decoded frames, on the decoding thread, during the decoder call that produced them.
 *
 * <p>By default the decoder converts each picture into a buffer of its own, valid only during
 * {@link #accept}. A consumer that shows pictures can instead lend the buffers to convert into
 * ({@link #lendsPictures}), so nothing is copied on the way to the screen.
 */
@FunctionalInterface
public interface FrameConsumer {

    /**
     * A decoded frame. When this consumer lends pictures, {@link DecodedFrame#picture()} is the
     * picture {@link #lend} gave (now the consumer's again), or null, with no pixels, if
     * {@link #lend} had none: the frame was decoded but not converted.
     */
    void accept(DecodedFrame frame);

    /** Whether the decoder should ask {@link #lend} for each picture's destination. Asked once per frame. */
    default boolean lendsPictures() {
        return false;
    }

    /**
     * A picture of exactly {@code width × height} to convert the next frame into, or null to
     * skip the conversion. The decoder always hands the picture back through {@link #accept},
     * which follows at once on the same thread.
     */
    default BgraPicture lend(int width, int height) {
        return null;
    }
}
