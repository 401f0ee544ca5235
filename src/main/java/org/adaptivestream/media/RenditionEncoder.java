package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Encodes one rendition: 4:2:0 pictures in, an H.264 mp4 file out. The caller says which
 * frames are keyframes; the encoder adds no keyframes of its own on a regular schedule other
 * than that one, so renditions fed the same schedule have keyframes at the same timestamps.
 */
final class RenditionEncoder implements AutoCloseable {

    /** The LGPL build's only H.264 encoder; libx264 would make the app GPL. */
    static final String ENCODER_NAME = "libopenh264";
    private static final String CONTAINER = "mp4";

    private final Path file;
    private final AVFormatContext muxer;
    private final AVCodecContext encoder;
    private final AVStream stream;
    private final AVPacket packet;
    private boolean fileOpen;
    private boolean finished;

    /**
     * @param gopFrames keyframe interval; also given to the encoder as its intra period so that
     *                  it never needs one of its own between the forced ones
     */
    RenditionEncoder(Path file, int width, int height, FrameRate rate, int gopFrames, long bitsPerSecond)
            throws EncodeException, OutputNotWritableException {
        Ffmpeg.init();
        this.file = file;
        this.muxer = new AVFormatContext(null);
        this.packet = av_packet_alloc();
        AVCodecContext context = null;
        AVStream newStream = null;
        try {
            check(avformat_alloc_output_context2(muxer, null, CONTAINER, file.toString()), "create the mp4 muxer");
            AVCodec codec = avcodec_find_encoder_by_name(ENCODER_NAME);
            if (codec == null || codec.isNull()) {
                throw new EncodeException("The H.264 encoder " + ENCODER_NAME + " is missing from this FFmpeg build");
            }
            context = avcodec_alloc_context3(codec);
            context.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P)
                    .time_base(av_make_q(rate.denominator(), rate.numerator()))
                    .framerate(av_make_q(rate.numerator(), rate.denominator()))
                    .bit_rate(bitsPerSecond)
                    .gop_size(gopFrames)
                    .max_b_frames(0)
                    // Renditions are encoded in parallel already; one thread each keeps output deterministic.
                    .thread_count(1);
            if ((muxer.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            AVDictionary options = new AVDictionary(null);
            // openh264 defaults to quality mode, which ignores the target bitrate.
            av_dict_set(options, "rc_mode", "bitrate", 0);
            // Skipped frames would leave holes in the frame sequence and break alignment.
            av_dict_set(options, "allow_skip_frames", "0", 0);
            int opened = avcodec_open2(context, codec, options);
            av_dict_free(options);
            check(opened, "open the " + ENCODER_NAME + " encoder at " + width + "x" + height);

            newStream = avformat_new_stream(muxer, null);
            check(avcodec_parameters_from_context(newStream.codecpar(), context), "set the stream's parameters");
            newStream.time_base(context.time_base());
            newStream.avg_frame_rate(context.framerate());

            AVIOContext io = new AVIOContext(null);
            int openResult = avio_open(io, file.toString(), AVIO_FLAG_WRITE);
            if (openResult < 0) {
                throw new OutputNotWritableException("Cannot write " + file + ": " + Ffmpeg.errorText(openResult));
            }
            muxer.pb(io);
            fileOpen = true;
            check(avformat_write_header(muxer, (AVDictionary) null), "write the mp4 header");
        } catch (EncodeException | OutputNotWritableException | RuntimeException e) {
            this.encoder = context;
            this.stream = newStream;
            close();
            throw e;
        }
        this.encoder = context;
        this.stream = newStream;
    }

    /** Encodes one picture as frame number {@code frameIndex}; the picture is not kept. */
    void encode(AVFrame picture, long frameIndex, boolean keyframe) throws EncodeException {
        picture.pts(frameIndex);
        // openh264 turns an I picture type into an IDR frame.
        picture.pict_type(keyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        check(avcodec_send_frame(encoder, picture), "encode frame " + frameIndex);
        drain();
    }

    /** Flushes the encoder and completes the file. */
    void finish() throws EncodeException {
        check(avcodec_send_frame(encoder, null), "flush the encoder");
        drain();
        check(av_write_trailer(muxer), "finish the mp4 file");
        finished = true;
    }

    private void drain() throws EncodeException {
        while (true) {
            int result = avcodec_receive_packet(encoder, packet);
            if (result == AVERROR_EAGAIN() || result == AVERROR_EOF()) {
                return;
            }
            check(result, "receive an encoded packet");
            av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            // Takes over the packet's data and leaves it blank for the next one.
            check(av_interleaved_write_frame(muxer, packet), "write a packet");
        }
    }

    private void check(int result, String what) throws EncodeException {
        if (result < 0) {
            throw new EncodeException("Cannot " + what + " for " + file + ": " + Ffmpeg.errorText(result));
        }
    }

    boolean isFinished() {
        return finished;
    }

    @Override
    public void close() {
        if (encoder != null && !encoder.isNull()) {
            avcodec_free_context(encoder);
        }
        if (fileOpen) {
            avio_closep(muxer.pb());
            fileOpen = false;
        }
        if (!muxer.isNull()) {
            avformat_free_context(muxer);
            muxer.setNull();
        }
        if (packet != null && !packet.isNull()) {
            av_packet_free(packet);
        }
    }
}
