package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_EXPLODE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * {@link VideoDecoder} over FFmpeg's decoders (avcodec send/receive), converting to BGRA with
 * swscale. Packet and picture buffers are allocated once and grown only when a bigger packet
 * or picture arrives, so steady decoding allocates nothing large. When the consumer lends
 * pictures, swscale writes into them and the decoder's own picture is never made.
 */
public final class FfmpegVideoDecoder implements VideoDecoder {

    private static final byte[] PACKET_PADDING = new byte[AV_INPUT_BUFFER_PADDING_SIZE];

    private final AVPacket packet = av_packet_alloc();
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame bgra = av_frame_alloc();
    private AVCodecContext context;
    private CodecConfig config;
    private BytePointer packetBuffer;
    private ByteBuffer packetView;
    /** Where pictures go for consumers that lend none. */
    private BgraPicture own;
    private SwsContext scaler;
    private boolean closed;

    public FfmpegVideoDecoder() {
        Ffmpeg.init();
    }

    @Override
    public void configure(CodecConfig newConfig) throws DecodeException {
        requireOpen();
        if (newConfig.equals(config)) {
            return;
        }
        freeContext();
        AVCodec codec = avcodec_find_decoder(newConfig.codecId());
        if (codec == null || codec.isNull()) {
            throw new DecodeException("No decoder for " + newConfig.codecName() + " in this FFmpeg build");
        }
        AVCodecContext created = avcodec_alloc_context3(codec);
        created.width(newConfig.width()).height(newConfig.height())
                .pkt_timebase(av_make_q(1, 1_000_000))
                // One thread: frames come out as soon as their packet goes in, which a live player wants.
                .thread_count(1)
                // Report damage as an error instead of concealing it into a garbled picture.
                .err_recognition(created.err_recognition() | AV_EF_EXPLODE);
        int length = newConfig.extradataLength();
        if (length > 0) {
            // FFmpeg frees extradata with av_free, and its parsers read past the end: allocate it its way, padded.
            BytePointer extradata = new BytePointer(av_mallocz(length + AV_INPUT_BUFFER_PADDING_SIZE));
            extradata.put(newConfig.extradataUnsafe(), 0, length);
            created.extradata(extradata).extradata_size(length);
        }
        int result = avcodec_open2(created, codec, (AVDictionary) null);
        if (result < 0) {
            avcodec_free_context(created);
            throw new DecodeException("Cannot open the " + newConfig.codecName() + " decoder for " + newConfig.width()
                    + "x" + newConfig.height() + ": " + Ffmpeg.errorText(result));
        }
        context = created;
        config = newConfig;
    }

    @Override
    public void decode(EncodedPacket encoded, FrameConsumer consumer) throws DecodeException {
        send(encoded);
        drain(consumer, encoded.ptsMicros());
    }

    @Override
    public int skip(EncodedPacket encoded) throws DecodeException {
        send(encoded);
        return drain(null, encoded.ptsMicros());
    }

    private void send(EncodedPacket encoded) throws DecodeException {
        requireConfigured();
        fillPacket(encoded);
        int result = avcodec_send_packet(context, packet);
        if (result < 0 && result != AVERROR_EAGAIN()) {
            avcodec_flush_buffers(context);
            throw new DecodeException("Cannot decode the " + config.codecName() + " packet at " + encoded.ptsMicros()
                    + " us (" + encoded.size() + " bytes): " + Ffmpeg.errorText(result));
        }
    }

    @Override
    public void flush(FrameConsumer consumer) throws DecodeException {
        requireConfigured();
        int result = avcodec_send_packet(context, null);
        if (result < 0 && result != AVERROR_EOF()) {
            avcodec_flush_buffers(context);
            throw new DecodeException("Cannot flush the " + config.codecName() + " decoder: " + Ffmpeg.errorText(result));
        }
        drain(consumer, -1);
        avcodec_flush_buffers(context);
    }

    private void fillPacket(EncodedPacket encoded) {
        int size = encoded.size();
        int needed = size + AV_INPUT_BUFFER_PADDING_SIZE;
        if (packetBuffer == null || packetView.capacity() < needed) {
            if (packetBuffer != null) {
                packetBuffer.close();
            }
            int capacity = Math.max(needed, packetView == null ? 64 * 1024 : packetView.capacity() * 2);
            packetBuffer = new BytePointer(capacity);
            packetView = packetBuffer.capacity(capacity).asByteBuffer();
        }
        packetView.clear();
        packetView.put(encoded.data());
        packetView.put(PACKET_PADDING);
        packet.data(packetBuffer).size(size)
                .pts(encoded.ptsMicros()).dts(encoded.dtsMicros())
                .flags(encoded.keyframe() ? AV_PKT_FLAG_KEY : 0);
    }

    /** Receives every ready frame: converted and handed to {@code consumer}, or only counted when it is null. */
    private int drain(FrameConsumer consumer, long packetPts) throws DecodeException {
        int frames = 0;
        while (true) {
            int result = avcodec_receive_frame(context, decoded);
            if (result == AVERROR_EAGAIN() || result == AVERROR_EOF()) {
                return frames;
            }
            if (result < 0) {
                avcodec_flush_buffers(context);
                throw new DecodeException("Cannot decode the " + config.codecName() + " picture of the packet at "
                        + packetPts + " us: " + Ffmpeg.errorText(result));
            }
            frames++;
            if (consumer != null) {
                consumer.accept(toBgra(consumer));
            }
        }
    }

    /** Converts the received picture into the consumer's lent picture, or else into the decoder's own. */
    private DecodedFrame toBgra(FrameConsumer consumer) throws DecodeException {
        int width = decoded.width();
        int height = decoded.height();
        long best = decoded.best_effort_timestamp();
        long pts = best == AV_NOPTS_VALUE ? decoded.pts() : best;
        // The scaler first: once a picture is lent nothing may fail before it goes back through accept().
        scaler = sws_getCachedContext(scaler, width, height, decoded.format(), width, height, AV_PIX_FMT_BGRA,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        if (scaler == null || scaler.isNull()) {
            throw new DecodeException("Cannot convert " + width + "x" + height + " pictures (pixel format "
                    + decoded.format() + ") to BGRA");
        }
        BgraPicture target;
        boolean lent = consumer.lendsPictures();
        if (lent) {
            target = consumer.lend(width, height);
            if (target == null) {
                return DecodedFrame.unconverted(width, height, pts);
            }
            if (!target.hasSize(width, height)) {
                throw new IllegalStateException("lent a " + target.width() + "x" + target.height() + " picture for a "
                        + width + "x" + height + " frame");
            }
        } else {
            target = ownPicture(width, height);
        }
        BgraPicture converted = target.rowsVectorAligned() ? target : ownPicture(width, height);
        bgra.data(0, converted.pointer());
        bgra.linesize(0, converted.rowStrideBytes());
        sws_scale(scaler, decoded.data(), decoded.linesize(), 0, height, bgra.data(), bgra.linesize());
        if (converted != target) {
            copyRows(converted, target);
        }
        target.ptsMicros(pts);
        return new DecodedFrame(width, height, target.rowStrideBytes(), pts, target.pixels(), lent ? target : null);
    }

    private BgraPicture ownPicture(int width, int height) {
        if (own == null || !own.hasSize(width, height)) {
            own = BgraPicture.aligned(width, height);
        }
        return own;
    }

    /** For lent pictures swscale cannot fill whole (480p, 240p): the copy the 720p and 1080p ones are spared. */
    private static void copyRows(BgraPicture from, BgraPicture to) {
        ByteBuffer source = from.pixels();
        ByteBuffer target = to.buffer();
        int rowBytes = from.width() * BgraPicture.BYTES_PER_PIXEL;
        for (int y = 0; y < from.height(); y++) {
            target.put(y * to.rowStrideBytes(), source, y * from.rowStrideBytes(), rowBytes);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
    }

    private void requireConfigured() {
        requireOpen();
        if (context == null) {
            throw new IllegalStateException("configure the decoder before decoding");
        }
    }

    private void freeContext() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
            config = null;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        freeContext();
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        av_packet_free(packet);
        av_frame_free(decoded);
        av_frame_free(bgra);
        if (packetBuffer != null) {
            packetBuffer.close();
        }
    }
}
