package org.adaptivestream.app.player;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.adaptivestream.client.FrameSink;
import org.adaptivestream.media.DecodedFrame;

/**
 * Carries decoded frames from the client's playout thread to the FX thread without ever
 * letting work pile up there.
 *
 * <p>The playout thread copies each frame (valid only during {@link #show}) into a staging
 * picture; at most one hand-off to the FX thread is pending at a time, and it always presents
 * the newest picture, so if the FX thread falls behind older frames are skipped rather than
 * queued. Three pictures at most exist: one being filled, one ready, one being presented.
 */
public final class FrameHandoff implements FrameSink {

    /** A frame's pixels, tightly packed BGRA (premultiplied: alpha is always opaque). */
    public static final class Picture {
        private final int width;
        private final int height;
        private final ByteBuffer pixels;
        private long ptsMicros;

        Picture(int width, int height) {
            this.width = width;
            this.height = height;
            this.pixels = ByteBuffer.allocate(width * height * 4);
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** Read-only view of the packed rows; valid until the presenter returns. */
        public ByteBuffer pixels() {
            return pixels.asReadOnlyBuffer().clear();
        }

        public long ptsMicros() {
            return ptsMicros;
        }

        boolean fits(DecodedFrame frame) {
            return frame.width() == width && frame.height() == height;
        }

        void copyFrom(DecodedFrame frame) {
            ByteBuffer source = frame.bgraPixels();
            int rowBytes = width * 4;
            if (frame.rowStrideBytes() == rowBytes) {
                pixels.put(0, source, 0, rowBytes * height);
            } else {
                for (int y = 0; y < height; y++) {
                    pixels.put(y * rowBytes, source, y * frame.rowStrideBytes(), rowBytes);
                }
            }
            ptsMicros = frame.ptsMicros();
        }
    }

    private final Executor fx;
    private final Consumer<Picture> presenter;
    private final Object lock = new Object();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong presented = new AtomicLong();
    private Picture ready;
    private Picture spare;
    private boolean presentPending;

    /**
     * @param fx        where {@code presenter} runs (the FX thread)
     * @param presenter copies a picture to the screen; must not keep it after returning
     */
    public FrameHandoff(Executor fx, Consumer<Picture> presenter) {
        this.fx = fx;
        this.presenter = presenter;
    }

    @Override
    public void show(DecodedFrame frame) {
        Picture target;
        synchronized (lock) {
            target = spare;
            spare = null;
        }
        if (target == null || !target.fits(frame)) {
            target = new Picture(frame.width(), frame.height());
        }
        target.copyFrom(frame);
        received.incrementAndGet();
        boolean schedule;
        synchronized (lock) {
            if (ready != null && spare == null) {
                spare = ready; // never presented: skipped in favour of the newer frame
            }
            ready = target;
            schedule = !presentPending;
            presentPending = true;
        }
        if (schedule) {
            fx.execute(this::presentNewest);
        }
    }

    private void presentNewest() {
        Picture picture;
        synchronized (lock) {
            picture = ready;
            ready = null;
            presentPending = false;
        }
        if (picture == null) {
            return;
        }
        presenter.accept(picture);
        presented.incrementAndGet();
        synchronized (lock) {
            if (spare == null) {
                spare = picture;
            }
        }
    }

    /** Frames handed over by the playout thread. */
    public long framesReceived() {
        return received.get();
    }

    /** Frames drawn; fewer than received when the FX thread skipped some. */
    public long framesPresented() {
        return presented.get();
    }
}
