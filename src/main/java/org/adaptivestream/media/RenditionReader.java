package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Reads a rendition file's compressed packets into memory without decoding them: the same
 * path serves the prepare step's measurements and the server's preload.
 */
final class RenditionReader {

    private static final AVRational MICROSECONDS = av_make_q(1, 1_000_000);

    /** A rendition file's codec setup and all its video packets in decode order. */
    record Contents(CodecConfig config, List<EncodedPacket> packets, long packetBytes) {
    }

    private RenditionReader() {
    }

    static Contents read(Path file) throws DamagedVideoException {
        Ffmpeg.init();
        if (!Files.isRegularFile(file)) {
            throw new DamagedVideoException("Missing rendition file: " + file);
        }
        AVFormatContext demuxer = new AVFormatContext(null);
        int result = avformat_open_input(demuxer, file.toString(), (AVInputFormat) null, (AVDictionary) null);
        if (result < 0) {
            throw new DamagedVideoException("Cannot open rendition " + file + ": " + Ffmpeg.errorText(result));
        }
        AVPacket packet = av_packet_alloc();
        try {
            int streamIndex = av_find_best_stream(demuxer, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (streamIndex < 0) {
                throw new DamagedVideoException("No video stream in rendition " + file);
            }
            AVStream stream = demuxer.streams(streamIndex);
            CodecConfig config = codecConfig(stream, file);
            List<EncodedPacket> packets = new ArrayList<>();
            long bytes = 0;
            while (true) {
                result = av_read_frame(demuxer, packet);
                if (result == AVERROR_EOF()) {
                    break;
                }
                if (result < 0) {
                    throw new DamagedVideoException("Cannot read rendition " + file + " after " + packets.size()
                            + " packets: " + Ffmpeg.errorText(result));
                }
                if (packet.stream_index() == streamIndex && packet.size() > 0) {
                    byte[] data = new byte[packet.size()];
                    packet.data().get(data);
                    long dts = packet.dts() == AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                    packets.add(EncodedPacket.adopt(micros(packet.pts(), stream), micros(dts, stream),
                            (packet.flags() & AV_PKT_FLAG_KEY) != 0, data));
                    bytes += data.length;
                }
                av_packet_unref(packet);
            }
            if (packets.isEmpty()) {
                throw new DamagedVideoException("Rendition " + file + " holds no video packets");
            }
            return new Contents(config, List.copyOf(packets), bytes);
        } finally {
            av_packet_free(packet);
            avformat_close_input(demuxer);
        }
    }

    private static CodecConfig codecConfig(AVStream stream, Path file) throws DamagedVideoException {
        AVCodecParameters parameters = stream.codecpar();
        byte[] extradata = new byte[Math.max(0, parameters.extradata_size())];
        if (extradata.length > 0) {
            parameters.extradata().get(extradata);
        }
        try {
            return new CodecConfig(parameters.codec_id(), avcodec_get_name(parameters.codec_id()).getString(),
                    parameters.width(), parameters.height(), stream.time_base().num(), stream.time_base().den(), extradata);
        } catch (IllegalArgumentException e) {
            throw new DamagedVideoException("Rendition " + file + " has a bad stream: " + e.getMessage(), e);
        }
    }

    private static long micros(long timestamp, AVStream stream) {
        return timestamp == AV_NOPTS_VALUE ? 0 : av_rescale_q(timestamp, stream.time_base(), MICROSECONDS);
    }
}
