package org.adaptivestream.client;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.adaptivestream.media.BgraPicture;
import org.adaptivestream.media.DecodedFrame;

/**
 * Carries decoded pictures from the client's playout thread to a presenter on another thread
 * (the FX thread in the app) without copying them and without ever making either thread wait
 * for the other.
 *
 * <p>The hand-off keeps a pool of {@value #POOL_SIZE} pictures of the current frame size and
 * lends one to the decoder for each frame, so swscale writes straight into memory the presenter
 * then shows. Each picture is in exactly one place at a time:
 * <pre>
 *   free ──lend──▶ being written (decoder) ──show──▶ ready ──present──▶ on screen
 *    ▲                                                 │                   │
 *    └──────── skipped: a newer frame became ready ────┘                   │
 *    └──────── replaced: the presenter hands back what it stopped showing ─┘
 * </pre>
 * At most one presentation is pending on the presenter's thread at a time and it takes the
 * newest ready picture, so a presenter that falls behind skips frames instead of queueing them.
 * The presenter only ever receives a picture that is ready, never one being written, and the
 * decoder only ever writes a free one. With one picture on screen, one ready and one being
 * written the pool is used up; if the presenter still holds two (it has not handed back the
 * one it replaced) when the next frame comes, that frame is dropped and counted, not waited for.
 *
 * <p>What the presenter hands back must be out of its reach: the app's video pane hands back a
 * picture when its image is no longer the one on screen. JavaFX's render thread may still be
 * uploading that image's pixels from the last pulse; pictures are lent in turn (oldest
 * returned first), so that one is not written again until two frames later.
 *
 * <p>A new frame size (a rung switch) starts a new pool; pictures of the old size still ready or
 * on screen are let go when they come back instead of being pooled.
 *
 * <p>Frames that arrive with the decoder's own pixels (a decoder that does not lend) are copied
 * into a pooled picture, so the presenter sees the same thing either way.
 */
public final class FrameHandoff implements FrameSink {

    /** One being written, one ready, one on screen. */
    public static final int POOL_SIZE = 3;

    /** Shows pictures; runs on the hand-off's presenting executor. */
    @FunctionalInterface
    public interface Presenter {
        /**
         * Shows {@code picture}, which the presenter then owns.
         *
         * @return the picture it stopped showing, to go back to the pool, or null (the first one)
         */
        BgraPicture present(BgraPicture picture);
    }

    private final Executor presenting;
    private final Presenter presenter;
    private final Object lock = new Object();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong presented = new AtomicLong();
    private final AtomicLong noPicture = new AtomicLong();
    private final Deque<BgraPicture> free = new ArrayDeque<>(POOL_SIZE);
    private int poolWidth;
    private int poolHeight;
    /** Pictures of the current size that exist: free, being written, ready or on screen. */
    private int created;
    private BgraPicture ready;
    private boolean presentPending;

    /**
     * @param presenting where {@code presenter} runs (the FX thread)
     * @param presenter  shows pictures and hands back the one it replaced
     */
    public FrameHandoff(Executor presenting, Presenter presenter) {
        this.presenting = presenting;
        this.presenter = presenter;
    }

    @Override
    public boolean lendsPictures() {
        return true;
    }

    @Override
    public BgraPicture lend(int width, int height) {
        synchronized (lock) {
            if (width != poolWidth || height != poolHeight) {
                // A rung switch: the old size's pictures in flight are not pooled again (see giveBack).
                free.clear();
                created = 0;
                poolWidth = width;
                poolHeight = height;
            }
            // Fill the pool before reusing, then reuse the picture returned longest ago: a picture is
            // rewritten two frames after it left the screen, not one, which leaves JavaFX's render
            // thread (it uploads the pixels after the FX thread has moved on) ample time to finish.
            if (created < POOL_SIZE) {
                created++;
                return BgraPicture.packed(width, height);
            }
            return free.pollFirst();
        }
    }

    @Override
    public void show(DecodedFrame frame) {
        received.incrementAndGet();
        BgraPicture picture = frame.picture();
        if (picture == null && frame.converted()) {
            picture = copyOfDecoderPixels(frame);
        }
        if (picture == null) {
            noPicture.incrementAndGet();
            return;
        }
        boolean schedule;
        synchronized (lock) {
            if (ready != null) {
                giveBackLocked(ready); // never presented: skipped in favour of the newer frame
            }
            ready = picture;
            schedule = !presentPending;
            presentPending = true;
        }
        if (schedule) {
            presenting.execute(this::presentNewest);
        }
    }

    private BgraPicture copyOfDecoderPixels(DecodedFrame frame) {
        BgraPicture picture = lend(frame.width(), frame.height());
        if (picture == null) {
            return null;
        }
        ByteBuffer source = frame.bgraPixels();
        ByteBuffer target = picture.buffer();
        int rowBytes = frame.width() * BgraPicture.BYTES_PER_PIXEL;
        for (int y = 0; y < frame.height(); y++) {
            target.put(y * picture.rowStrideBytes(), source, y * frame.rowStrideBytes(), rowBytes);
        }
        picture.ptsMicros(frame.ptsMicros());
        return picture;
    }

    private void presentNewest() {
        BgraPicture picture;
        synchronized (lock) {
            picture = ready;
            ready = null;
            presentPending = false;
        }
        if (picture == null) {
            return;
        }
        BgraPicture replaced = presenter.present(picture);
        presented.incrementAndGet();
        if (replaced != null) {
            giveBack(replaced);
        }
    }

    /**
     * Returns a picture the presenter no longer shows (it cleared the screen, say). Any thread;
     * the picture must not be touched afterwards.
     */
    public void giveBack(BgraPicture picture) {
        synchronized (lock) {
            giveBackLocked(picture);
        }
    }

    private void giveBackLocked(BgraPicture picture) {
        if (picture.hasSize(poolWidth, poolHeight) && free.size() < created && !free.contains(picture)) {
            free.addLast(picture);
        }
    }

    /** Frames handed over by the playout thread. */
    public long framesReceived() {
        return received.get();
    }

    /** Frames drawn; fewer than received when the presenter skipped some or no picture was free. */
    public long framesPresented() {
        return presented.get();
    }

    /** Frames dropped because every pooled picture was in use (the presenter held on to two). */
    public long framesWithoutPicture() {
        return noPicture.get();
    }

    /** Pictures of the current size ready to lend now. For tests. */
    int freePictures() {
        synchronized (lock) {
            return free.size();
        }
    }
}
