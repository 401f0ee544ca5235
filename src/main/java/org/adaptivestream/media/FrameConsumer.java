package org.adaptivestream.media;

/** Receives decoded frames, on the decoding thread, during the decoder call that produced them. */
@FunctionalInterface
public interface FrameConsumer {
    void accept(DecodedFrame frame);
}
