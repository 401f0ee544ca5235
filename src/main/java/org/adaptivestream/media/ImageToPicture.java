package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_image_fill_arrays;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A reusable Java2D canvas of one size and its conversion to a 4:2:0 picture: draw into
 * {@link #image()}, then {@link #convertInto}. JavaCV's converter copies the pixels into a
 * native frame it keeps, so nothing big is allocated per frame.
 */
final class ImageToPicture implements AutoCloseable {

    private final int width;
    private final int height;
    private final BufferedImage image;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final AVFrame source = av_frame_alloc();
    private final SwsContext context;
    private Frame lastFrame;
    private BytePointer lastPixels;

    ImageToPicture(int width, int height) {
        Ffmpeg.init();
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.context = sws_getContext(width, height, AV_PIX_FMT_BGR24, width, height, AV_PIX_FMT_YUV420P,
                SWS_BICUBIC, null, null, (DoublePointer) null);
    }

    BufferedImage image() {
        return image;
    }

    void convertInto(AVFrame picture) {
        Frame frame = converter.getFrame(image);
        if (frame != lastFrame) {
            lastFrame = frame;
            lastPixels = new BytePointer((ByteBuffer) frame.image[0]);
        }
        av_image_fill_arrays(source.data(), source.linesize(), lastPixels, AV_PIX_FMT_BGR24, width, height, 1);
        source.linesize(0, frame.imageStride);
        sws_scale(context, source.data(), source.linesize(), 0, height, picture.data(), picture.linesize());
    }

    @Override
    public void close() {
        sws_freeContext(context);
        av_frame_free(source);
        converter.close();
    }
}
