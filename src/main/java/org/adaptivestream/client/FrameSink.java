package org.adaptivestream.client;

import org.adaptivestream.media.DecodedFrame;

/**
 * Where decoded frames go when their playout time comes: the desktop app's video pane, or a
 * counter in headless runs. Called on the client's playout thread; the frame's pixels are
 * valid only during the call, so copy them (quickly) before returning.
 */
@FunctionalInterface
public interface FrameSink {

    FrameSink DISCARD = frame -> {
    };

    void show(DecodedFrame frame);
}
