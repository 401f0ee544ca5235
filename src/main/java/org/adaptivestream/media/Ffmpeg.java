package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/** The one place that sets up FFmpeg for the media package and turns its error codes into text. */
final class Ffmpeg {

    private static final int ERROR_TEXT_BYTES = 256;

    static {
        // FFmpeg writes warnings about every odd stream to stderr; only errors are worth seeing.
        av_log_set_level(AV_LOG_ERROR);
    }

    private Ffmpeg() {
    }

    /** Touching this class runs the one-time setup; call it before any other FFmpeg call. */
    static void init() {
        // The static initialiser does the work.
    }

    /** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
    static String errorText(int code) {
        byte[] text = new byte[ERROR_TEXT_BYTES];
        if (av_strerror(code, text, text.length) < 0) {
            return "FFmpeg error " + code;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}
