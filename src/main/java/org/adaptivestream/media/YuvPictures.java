package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.Pointer;

/** Allocation of the 4:2:0 pictures the encoders take. */
final class YuvPictures {

    /** FFmpeg's SIMD code reads and writes whole vectors; 64-byte aligned rows keep it inside. */
    static final int ROW_ALIGN_BYTES = 64;
    private static final int BLACK_LUMA = 16;
    private static final int NEUTRAL_CHROMA = 128;

    private YuvPictures() {
    }

    /** A black (limited-range) picture of the given size. */
    static AVFrame allocateBlack(int width, int height) {
        AVFrame frame = av_frame_alloc();
        frame.format(AV_PIX_FMT_YUV420P).width(width).height(height);
        int result = av_frame_get_buffer(frame, ROW_ALIGN_BYTES);
        if (result < 0) {
            av_frame_free(frame);
            throw new OutOfMemoryError("cannot allocate a " + width + "x" + height + " picture: " + Ffmpeg.errorText(result));
        }
        fillBlack(frame);
        return frame;
    }

    static void fillBlack(AVFrame frame) {
        int height = frame.height();
        Pointer.memset(frame.data(0), BLACK_LUMA, (long) frame.linesize(0) * height);
        int chromaRows = (height + 1) / 2;
        Pointer.memset(frame.data(1), NEUTRAL_CHROMA, (long) frame.linesize(1) * chromaRows);
        Pointer.memset(frame.data(2), NEUTRAL_CHROMA, (long) frame.linesize(2) * chromaRows);
    }

    static void free(AVFrame frame) {
        if (frame != null && !frame.isNull()) {
            av_frame_free(frame);
        }
    }
}
