package org.adaptivestream.client;

import org.adaptivestream.media.BgraPicture;
import org.adaptivestream.media.DecodedFrame;

/**
 * Where decoded frames go when their playout time comes: the desktop app's video pane, or a
 * counter in headless runs. Called on the client's playout thread, which is also the decoding
 * thread, so a sink must never wait there (for the FX thread, say).
 *
 * <p>Two ways to receive pixels:
 * <ul>
 *   <li>Default: the decoder converts into its own buffer; the frame's pixels are valid only
 *       during {@link #show}, so copy them (quickly) before returning. Sinks that only count
 *       frames pay nothing more.</li>
 *   <li>Lending ({@link #lendsPictures} true): before converting a frame the decoder asks
 *       {@link #lend} for a picture of the frame's size and swscale writes straight into it;
 *       {@link #show} then receives it back in {@link DecodedFrame#picture()}, and the sink may
 *       keep it (to present it) until it puts it back in its pool. If {@link #lend} returns null
 *       the frame is not converted and {@link #show} gets it without pixels: a frame the sink
 *       dropped. {@link FrameHandoff} is the lending sink for a presenter on another thread.</li>
 * </ul>
 * Both calls come from the playout thread, {@code lend} then, straight after, {@code show}.
 */
@FunctionalInterface
public interface FrameSink {

    FrameSink DISCARD = frame -> {
    };

    void show(DecodedFrame frame);

    /** Whether {@link #lend} provides the pictures frames are converted into. */
    default boolean lendsPictures() {
        return false;
    }

    /** A free picture of exactly this size to convert the next frame into, or null to drop that frame. */
    default BgraPicture lend(int width, int height) {
        return null;
    }
}
