package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;

/** Scales decoded source pictures into one rung's picture, fitted and padded (see {@link Placement}). */
final class FitScaler implements AutoCloseable {

    private final Rung rung;
    /** Points into the rung's picture at the placement's corner, so sws_scale writes only the fitted area. */
    private final AVFrame window = av_frame_alloc();
    private SwsContext context;
    private Placement placement;
    private int sourceWidth;
    private int sourceHeight;
    private int sourceFormat = -1;

    FitScaler(Rung rung) {
        this.rung = rung;
    }

    void scale(AVFrame source, int sarNum, int sarDen, AVFrame picture) throws EncodeException {
        if (context == null || source.width() != sourceWidth || source.height() != sourceHeight || source.format() != sourceFormat) {
            sourceWidth = source.width();
            sourceHeight = source.height();
            sourceFormat = source.format();
            placement = Placement.fit(sourceWidth, sourceHeight, sarNum, sarDen, rung.width(), rung.height());
            context = sws_getCachedContext(context, sourceWidth, sourceHeight, sourceFormat,
                    placement.width(), placement.height(), AV_PIX_FMT_YUV420P, SWS_BICUBIC, null, null, (DoublePointer) null);
            if (context == null || context.isNull()) {
                throw new EncodeException("Cannot scale " + sourceWidth + "x" + sourceHeight + " pictures (pixel format "
                        + sourceFormat + ") to " + rung);
            }
            YuvPictures.fillBlack(picture);
        }
        for (int plane = 0; plane < 3; plane++) {
            int shift = plane == 0 ? 0 : 1;
            long offset = (long) (placement.y() >> shift) * picture.linesize(plane) + (placement.x() >> shift);
            window.data(plane, new BytePointer(picture.data(plane)).position(offset));
            window.linesize(plane, picture.linesize(plane));
        }
        sws_scale(context, source.data(), source.linesize(), 0, sourceHeight, window.data(), window.linesize());
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        av_frame_free(window);
    }
}
