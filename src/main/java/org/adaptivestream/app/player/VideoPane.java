package org.adaptivestream.app.player;

import java.nio.ByteBuffer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.adaptivestream.app.UiThread;

/**
 * Shows decoded frames through a {@link PixelBuffer}-backed {@link WritableImage}: the pixels
 * are copied into the buffer JavaFX draws from, with no per-frame image allocation. The
 * picture is scaled to fit and keeps its aspect ratio whatever the pane's size. A new buffer is
 * made only when the resolution changes (a rung switch).
 */
public final class VideoPane extends Region {

    private final ImageView view = new ImageView();
    private final FrameHandoff handoff = new FrameHandoff(UiThread.FX, this::present);
    private PixelBuffer<ByteBuffer> buffer;

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
        buffer = null;
    }

    private void present(FrameHandoff.Picture picture) {
        if (buffer == null || buffer.getWidth() != picture.width() || buffer.getHeight() != picture.height()) {
            ByteBuffer pixels = ByteBuffer.allocateDirect(picture.width() * picture.height() * 4);
            pixels.put(picture.pixels());
            buffer = new PixelBuffer<>(picture.width(), picture.height(), pixels.clear(), PixelFormat.getByteBgraPreInstance());
            view.setImage(new WritableImage(buffer));
            requestLayout();
            return;
        }
        buffer.updateBuffer(b -> {
            ByteBuffer target = b.getBuffer();
            target.clear();
            target.put(picture.pixels());
            target.clear();
            return null; // the whole picture changed
        });
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
