package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/** Decodes the video stream of an input file, frame by frame, in presentation order. */
final class SourceVideo implements AutoCloseable {

    /** Demuxers that turn text into pictures (ANSI art and the like): a text file is not a video. */
    private static final Set<String> TEXT_FORMATS = Set.of("tty", "txt", "srt", "ass", "webvtt", "subviewer", "jacosub", "microdvd");
    private static final AVRational MICROSECONDS = av_make_q(1, 1_000_000);

    private final Path file;
    private final AVFormatContext demuxer;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private AVCodecContext decoder;
    private AVStream stream;
    private int streamIndex;
    private boolean inputEnded;
    private boolean inputOpen;
    private int rejectedPackets;
    private String readError;

    private SourceVideo(Path file) {
        this.file = file;
        this.demuxer = new AVFormatContext(null);
    }

    static SourceVideo open(Path file) throws InputNotFoundException, UnreadableVideoException {
        Ffmpeg.init();
        if (!Files.exists(file)) {
            throw new InputNotFoundException("No such file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new InputNotFoundException("Not a regular file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableVideoException("No permission to read " + file);
        }
        SourceVideo source = new SourceVideo(file);
        try {
            source.openDemuxerAndDecoder();
            return source;
        } catch (UnreadableVideoException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private void openDemuxerAndDecoder() throws UnreadableVideoException {
        int result = avformat_open_input(demuxer, file.toString(), (AVInputFormat) null, (AVDictionary) null);
        if (result < 0) {
            throw new UnreadableVideoException("Not a video FFmpeg can read: " + file + " (" + Ffmpeg.errorText(result) + ")");
        }
        inputOpen = true;
        String formatName = demuxer.iformat().name().getString();
        if (TEXT_FORMATS.contains(formatName)) {
            throw new UnreadableVideoException("Not a video: " + file + " looks like text (" + formatName + ")");
        }
        result = avformat_find_stream_info(demuxer, (PointerPointer<?>) null);
        if (result < 0) {
            throw new UnreadableVideoException("Cannot find the streams of " + file + " (" + Ffmpeg.errorText(result) + ")");
        }
        streamIndex = av_find_best_stream(demuxer, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0) {
            throw new UnreadableVideoException("No video stream in " + file);
        }
        stream = demuxer.streams(streamIndex);
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            throw new UnreadableVideoException("No decoder in this FFmpeg build for the video in " + file);
        }
        decoder = avcodec_alloc_context3(codec);
        avcodec_parameters_to_context(decoder, stream.codecpar());
        decoder.pkt_timebase(stream.time_base());
        result = avcodec_open2(decoder, codec, (AVDictionary) null);
        if (result < 0) {
            throw new UnreadableVideoException("Cannot open the " + codec.name().getString() + " decoder for " + file
                    + " (" + Ffmpeg.errorText(result) + ")");
        }
        if (decoder.width() <= 0 || decoder.height() <= 0) {
            throw new UnreadableVideoException("The video in " + file + " has no picture size");
        }
    }

    Path file() {
        return file;
    }

    int width() {
        return decoder.width();
    }

    int height() {
        return decoder.height();
    }

    /** The stream's frame rate as FFmpeg guesses it, or 30 if it cannot. */
    FrameRate frameRate() {
        AVRational guess = av_guess_frame_rate(demuxer, stream, null);
        if (guess.num() > 0 && guess.den() > 0) {
            return new FrameRate(guess.num(), guess.den());
        }
        return FrameRate.FALLBACK;
    }

    /** The declared duration, or 0 if the container does not say. */
    long declaredDurationMicros() {
        if (stream.duration() > 0 && stream.duration() != AV_NOPTS_VALUE) {
            return av_rescale_q(stream.duration(), stream.time_base(), MICROSECONDS);
        }
        return demuxer.duration() > 0 ? demuxer.duration() : 0;
    }

    int sampleAspectNum() {
        return stream.sample_aspect_ratio().num();
    }

    int sampleAspectDen() {
        return stream.sample_aspect_ratio().den();
    }

    /**
     * The next decoded picture, or null at the end. The picture stays valid until the next call;
     * take a reference (av_frame_ref) to keep it longer.
     */
    AVFrame nextFrame() throws UnreadableVideoException {
        while (true) {
            int result = avcodec_receive_frame(decoder, frame);
            if (result >= 0) {
                return frame;
            }
            if (result == AVERROR_EOF()) {
                return null;
            }
            if (result != AVERROR_EAGAIN()) {
                throw new UnreadableVideoException("Cannot decode " + file + ": " + Ffmpeg.errorText(result));
            }
            readPacket();
        }
    }

    private void readPacket() {
        if (inputEnded) {
            return;
        }
        int result = av_read_frame(demuxer, packet);
        if (result < 0) {
            if (result != AVERROR_EOF()) {
                // A truncated or damaged file ends here; the caller compares where it ended with the declared duration.
                readError = Ffmpeg.errorText(result);
            }
            inputEnded = true;
            avcodec_send_packet(decoder, null);
            return;
        }
        if (packet.stream_index() == streamIndex && avcodec_send_packet(decoder, packet) < 0) {
            rejectedPackets++;
        }
        av_packet_unref(packet);
    }

    /** When a decoded picture starts, in microseconds, or {@code Long.MIN_VALUE} if it carries no time. */
    long startMicros(AVFrame picture) {
        long timestamp = picture.best_effort_timestamp();
        if (timestamp == AV_NOPTS_VALUE) {
            return Long.MIN_VALUE;
        }
        return av_rescale_q(timestamp, stream.time_base(), MICROSECONDS);
    }

    /** Packets the decoder refused as corrupt. */
    int rejectedPackets() {
        return rejectedPackets;
    }

    /** Why reading stopped early, if it did. */
    String readError() {
        return readError;
    }

    @Override
    public void close() {
        if (decoder != null) {
            avcodec_free_context(decoder);
            decoder = null;
        }
        if (inputOpen) {
            avformat_close_input(demuxer);
            inputOpen = false;
        }
        av_packet_free(packet);
        av_frame_free(frame);
    }
}
