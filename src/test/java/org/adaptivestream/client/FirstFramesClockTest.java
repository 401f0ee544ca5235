package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.media.EncodedPacket;
import org.adaptivestream.media.PreloadedVideo;
import org.adaptivestream.media.PreloadedRendition;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.TimeSeries;
import org.adaptivestream.protocol.CodecConfig;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Ping;
import org.adaptivestream.protocol.Play;
import org.adaptivestream.protocol.Pong;
import org.adaptivestream.protocol.VideoCodec;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.protocol.VideoPacket;
import org.adaptivestream.protocol.Welcome;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.TlsHandshake;
import org.adaptivestream.security.TlsListener;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that plays at once, before its control loop has pinged, gets video before it knows
 * the server's clock: the first pong comes behind the first frames. Those frames count as
 * received, but their send times are not used, so no delay, jitter or latency is off by the
 * difference between the two machines' clocks. The stand-in server's clock runs an hour ahead;
 * like the real server it sends the first GOP as soon as it reads the Play, and then a frame
 * with every pong.
 */
@Timeout(60)
class FirstFramesClockTest {

    private static final long HOUR_MICROS = 3_600_000_000L;
    private static final PreloadedVideo VIDEO = TestVideos.catalog().find(TestVideos.IDS.get(0)).orElseThrow();
    /** The first GOP before the first pong, and a few frames after it. */
    private static final int FRAMES = VIDEO.rendition(Rung.R240P).gop(0).size() + 4;

    private static long serverMicros() {
        return System.nanoTime() / 1000 + HOUR_MICROS;
    }

    /** Frame {@code index} of the first two GOPs, sent now on the stand-in's clock. */
    private static void send(MessageWriter out, PreloadedRendition rendition, int index) throws IOException {
        int gopSize = rendition.gop(0).size();
        EncodedPacket packet = rendition.gop(index / gopSize).get(index % gopSize);
        out.write(new VideoPacket(rendition.rung(), packet.ptsMicros(), packet.dtsMicros(), packet.keyframe(),
                serverMicros(), index, packet.sharedBytes()));
    }

    private static void serve(TlsListener listener) {
        try (SSLSocket socket = listener.accept().socket()) {
            TlsHandshake.complete(socket, Duration.ofSeconds(5));
            MessageReader in = new MessageReader(socket.getInputStream());
            MessageWriter out = new MessageWriter(socket.getOutputStream());
            assertThat(in.read()).get().isInstanceOf(Hello.class);
            out.write(new Welcome(3, "clock stand-in", 1));
            Optional<Message> next;
            PreloadedRendition rendition = null;
            int sent = 0;
            while ((next = in.read()).isPresent()) {
                if (next.get() instanceof Ping ping) {
                    long now = serverMicros();
                    out.write(new Pong(ping.clientSendMicros(), now, now));
                    if (rendition != null && sent < rendition.gop(0).size() * 2) {
                        send(out, rendition, sent++);
                    }
                } else if (next.get() instanceof Play play) {
                    rendition = VIDEO.rendition(play.initialRung());
                    org.adaptivestream.media.CodecConfig config = rendition.codecConfig();
                    out.write(new CodecConfig(play.initialRung(), VideoCodec.H264, config.width(), config.height(),
                            config.extradata()));
                    while (sent < rendition.gop(0).size()) {
                        send(out, rendition, sent++);
                    }
                }
            }
        } catch (IOException e) {
            // the client left
        }
    }

    @Test
    void playingRightAfterConnecting_timesNothingBeforeTheServersClockIsKnown() throws Exception {
        try (TlsListener listener = TlsListener.open(TestVideos.identity(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread server = new Thread(() -> serve(listener), "clock-stand-in");
            server.setDaemon(true);
            server.start();
            VideoInfo video = TestVideos.catalog().videos().stream()
                    .filter(v -> v.id().equals(VIDEO.id().value())).findFirst().orElseThrow();
            try (StreamingClient client = StreamingClient.connect(ClientConfig.of("127.0.0.1", listener.getLocalPort(),
                    ServerVerifier.pinned(TestVideos.identity().fingerprint())).withReconnect(false), ClientListener.NONE)) {
                client.play(video, Rung.R240P, false, FrameSink.DISCARD);
                assertThat(Eventually.within(Duration.ofSeconds(10),
                        () -> client.metrics().framesReceived() >= FRAMES
                                && client.metrics().series(Metric.DELIVERY_DELAY).size() > 0)).isTrue();
                for (Metric metric : List.of(Metric.DELIVERY_DELAY, Metric.SEND_TO_SHOWN)) {
                    TimeSeries.Points values = client.metrics().series(metric).all();
                    for (int i = 0; i < values.size(); i++) {
                        assertThat(values.values()[i]).as("%s (ms) at %.2f s", metric, values.time(i))
                                .isBetween(-1_000.0, 1_000.0);
                    }
                }
            }
            server.join(5_000);
        }
    }
}
