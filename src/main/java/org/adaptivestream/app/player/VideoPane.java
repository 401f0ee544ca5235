package org.adaptivestream.app.player;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.adaptivestream.app.UiThread;
import org.adaptivestream.client.FrameHandoff;
import org.adaptivestream.media.BgraPicture;

/**
 * Shows decoded frames without copying them: the client's decoder converts each picture straight
 * into one of the {@link FrameHandoff}'s pooled buffers, and each pooled buffer is wrapped once
 * in a {@link PixelBuffer}-backed {@link WritableImage}. Presenting a frame is switching the
 * image view to that buffer's image and telling JavaFX its pixels changed; the buffer shown
 * before goes back to the pool. The picture is scaled to fit and keeps its aspect ratio
 * whatever the pane's size. A rung switch brings buffers, and so images, of the new size.
 */
public final class VideoPane extends Region {

    private final ImageView view = new ImageView();
    private final FrameHandoff handoff = new FrameHandoff(UiThread.FX, this::present);
    /** The pooled buffers seen so far and their images; the pool holds a few, all of one size. */
    private final Map<BgraPicture, Shown> images = new IdentityHashMap<>();
    private BgraPicture onScreen;

    private record Shown(PixelBuffer<ByteBuffer> pixels, WritableImage image) {
    }

    public VideoPane() {
        getStyleClass().add("video-pane");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        getChildren().add(view);
        setMinSize(0, 0);
        setPrefSize(640, 360);
    }

    /** The sink to give the client: frames arrive here on its playout thread. */
    public FrameHandoff sink() {
        return handoff;
    }

    /** The image on screen, or null before the first frame. */
    public WritableImage image() {
        return (WritableImage) view.getImage();
    }

    public long framesPresented() {
        return handoff.framesPresented();
    }

    /** Blanks the picture, for a new session. */
    public void clear() {
        view.setImage(null);
        if (onScreen != null) {
            handoff.giveBack(onScreen);
            onScreen = null;
        }
        images.clear();
    }

    /** On the FX thread: shows a freshly converted buffer and hands back the one shown before. */
    private BgraPicture present(BgraPicture picture) {
        if (onScreen != null && !onScreen.hasSize(picture.width(), picture.height())) {
            // A rung switch: the old size's buffers will not be lent again, so forget their images.
            images.keySet().removeIf(p -> !p.hasSize(picture.width(), picture.height()));
        }
        Shown shown = images.computeIfAbsent(picture, p -> {
            PixelBuffer<ByteBuffer> pixels = new PixelBuffer<>(p.width(), p.height(), p.buffer(),
                    PixelFormat.getByteBgraPreInstance());
            return new Shown(pixels, new WritableImage(pixels));
        });
        // The decoder wrote the pixels before the hand-off; this only tells JavaFX the whole image changed.
        shown.pixels().updateBuffer(b -> null);
        boolean resized = view.getImage() == null || view.getImage().getWidth() != picture.width()
                || view.getImage().getHeight() != picture.height();
        view.setImage(shown.image());
        if (resized) {
            requestLayout();
        }
        BgraPicture replaced = onScreen;
        onScreen = picture;
        return replaced;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        view.setFitWidth(w);
        view.setFitHeight(h);
        double shownW = w;
        double shownH = h;
        if (view.getImage() != null && view.getImage().getWidth() > 0) {
            double scale = Math.min(w / view.getImage().getWidth(), h / view.getImage().getHeight());
            shownW = view.getImage().getWidth() * scale;
            shownH = view.getImage().getHeight() * scale;
        }
        view.relocate((w - shownW) / 2, (h - shownH) / 2);
    }
}
