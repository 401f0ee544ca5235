package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Small source videos made on the spot, and reading files back through JavaCV as an independent check. */
final class TestClips {

    private TestClips() {
    }

    /** Writes an H.264 mp4 of moving shapes with the frame number drawn in, keyframe every 10 frames. */
    static Path writeClip(Path file, int width, int height, FrameRate rate, int frames) throws Exception {
        Files.createDirectories(file.getParent());
        AVFrame picture = YuvPictures.allocateBlack(width, height);
        try (RenditionEncoder encoder = new RenditionEncoder(file, width, height, rate, 10, 400_000);
             ImageToPicture canvas = new ImageToPicture(width, height)) {
            for (int i = 0; i < frames; i++) {
                Graphics2D g = canvas.image().createGraphics();
                g.setColor(new Color(30, 60 + i % 100, 120));
                g.fillRect(0, 0, width, height);
                g.setColor(Color.ORANGE);
                g.fillOval((i * 7) % width, height / 3, width / 5, height / 5);
                g.setColor(Color.WHITE);
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 8)));
                g.drawString("frame " + i, 8, height - 10);
                g.dispose();
                canvas.convertInto(picture);
                encoder.encode(picture, i, i % 10 == 0);
            }
            encoder.finish();
        } finally {
            YuvPictures.free(picture);
        }
        return file;
    }

    /** What JavaCV's own demuxer sees in a file: size, and each packet's pts and key flag. */
    record Probe(int width, int height, double frameRate, List<Long> ptsMicros, List<Long> keyframeMicros) {
    }

    static Probe probe(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            List<Long> pts = new ArrayList<>();
            List<Long> keys = new ArrayList<>();
            var stream = grabber.getFormatContext().streams(grabber.getVideoStream());
            var timeBase = stream.time_base();
            AVPacket packet;
            while ((packet = grabber.grabPacket()) != null) {
                if (packet.stream_index() == grabber.getVideoStream()) {
                    long micros = packet.pts() * 1_000_000L * timeBase.num() / timeBase.den();
                    pts.add(micros);
                    if ((packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0) {
                        keys.add(micros);
                    }
                }
            }
            return new Probe(grabber.getImageWidth(), grabber.getImageHeight(), grabber.getVideoFrameRate(), pts, keys);
        }
    }

    /** Every file and folder under the static folder, hidden ones included. */
    static List<Path> everythingUnder(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder)).toList();
        }
    }

    static void assertNoVideoLeft(Path staticDir) throws Exception {
        assertThat(everythingUnder(staticDir)).as("nothing left in " + staticDir).isEmpty();
    }
}
