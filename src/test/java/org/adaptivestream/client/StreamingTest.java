package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.adaptivestream.media.DecodedFrame;
import org.adaptivestream.media.PreloadedVideo;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.CertificateFingerprint;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.UntrustedServerException;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.TestServer;
import org.adaptivestream.testkit.TestVideos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real server, real clients, real TLS on loopback, real FFmpeg decoding. */
// Generous: the first test in a run also encodes the shared test videos, slow on a busy machine.
@Timeout(180)
class StreamingTest {

    private TestServer server;
    private final List<StreamingClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        clients.forEach(StreamingClient::close);
        server.close();
    }

    private StreamingClient connect() throws Exception {
        StreamingClient client = StreamingClient.connect(server.clientConfig(), ClientListener.NONE);
        clients.add(client);
        return client;
    }

    /** Records every frame shown: its pts and width. */
    private static final class Recorder implements FrameSink {
        final List<long[]> frames = new CopyOnWriteArrayList<>();

        @Override
        public void show(DecodedFrame frame) {
            frames.add(new long[] {frame.ptsMicros(), frame.width()});
        }
    }

    @Test
    void play_threeClientsOnDifferentVideos_eachDecodesEveryFrameInOrder() throws Exception {
        List<Recorder> recorders = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (String id : TestVideos.IDS) {
            StreamingClient client = connect();
            VideoInfo info = client.catalog().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
            client.adaptation().lock(Rung.R480P);
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            expected.add(TestVideos.catalog().find(id).orElseThrow().rendition(Rung.R480P).packets().size());
            client.play(info, Rung.R480P, false, recorder);
        }
        for (int i = 0; i < clients.size(); i++) {
            StreamingClient client = clients.get(i);
            int count = expected.get(i);
            assertThat(Eventually.within(Duration.ofSeconds(20), () -> client.metrics().framesDecoded() >= count))
                    .as("client %d decoded %d of %d", i, client.metrics().framesDecoded(), count).isTrue();
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> client.state() == ClientState.ENDED)).isTrue();
            assertThat(client.metrics().framesDecoded()).isEqualTo(count);
            assertThat(client.metrics().decodeErrors()).isZero();
            List<long[]> shown = recorders.get(i).frames;
            assertThat(shown).isNotEmpty();
            for (int f = 1; f < shown.size(); f++) {
                assertThat(shown.get(f)[0]).as("pts in order").isGreaterThan(shown.get(f - 1)[0]);
            }
            assertThat(shown).allMatch(frame -> frame[1] == Rung.R480P.width());
        }
    }

    @Test
    void switchRung_midStream_firstNewFrameIsAKeyframeWithoutDecodeErrors() throws Exception {
        StreamingClient client = connect();
        VideoInfo info = client.catalog().stream().filter(v -> v.id().equals("beta")).findFirst().orElseThrow();
        PreloadedVideo video = TestVideos.catalog().find("beta").orElseThrow();
        Recorder recorder = new Recorder();
        client.adaptation().lock(Rung.R240P);
        client.play(info, Rung.R240P, true, recorder);
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> recorder.frames.size() > 10)).isTrue();

        client.adaptation().lock(Rung.R720P);

        assertThat(Eventually.within(Duration.ofSeconds(10),
                () -> recorder.frames.stream().anyMatch(f -> f[1] == Rung.R720P.width()))).isTrue();
        long[] first = recorder.frames.stream().filter(f -> f[1] == Rung.R720P.width()).findFirst().orElseThrow();
        long mediaPts = first[0] % video.durationMicros();
        assertThat(video.gopStartMicros(video.gopAt(mediaPts))).as("first 720p frame starts a GOP").isEqualTo(mediaPts);
        assertThat(video.rendition(Rung.R720P).gop(video.gopAt(mediaPts)).get(0).keyframe()).isTrue();
        assertThat(client.metrics().decodeErrors()).isZero();
        assertThat(Eventually.within(Duration.ofSeconds(3), () -> !client.metrics().switches().isEmpty())).isTrue();
        assertThat(client.metrics().switches().get(0).reason()).contains("manual lock");
        assertThat(Eventually.within(Duration.ofSeconds(3),
                () -> client.metrics().series(Metric.RESOLUTION).all().values().length > 0
                        && lastValue(client, Metric.RESOLUTION) == 720)).isTrue();
    }

    private static double lastValue(StreamingClient client, Metric metric) {
        double[] values = client.metrics().series(metric).all().values();
        return values[values.length - 1];
    }

    @Test
    void measures_rttJitterDelayAndThroughputWhilePlaying() throws Exception {
        StreamingClient client = connect();
        VideoInfo info = client.catalog().get(0);
        client.play(info, Rung.R480P, true, FrameSink.DISCARD);
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> client.metrics().series(Metric.RTT).size() >= 4
                && client.metrics().series(Metric.THROUGHPUT).size() >= 4
                && client.metrics().series(Metric.BUFFER).size() >= 2)).isTrue();
        var rtt = client.metrics().series(Metric.RTT).all();
        assertThat(rtt.mean()).as("loopback RTT in ms").isBetween(0.0, 200.0);
        assertThat(client.metrics().series(Metric.THROUGHPUT).all().mean()).isGreaterThan(0.05);
        assertThat(client.metrics().series(Metric.JITTER).size()).isPositive();
    }

    @Test
    void connect_wrongFingerprint_isRefusedWithClearError() {
        CertificateFingerprint wrong = CertificateFingerprint.parse("00".repeat(32));
        var config = server.clientConfig();
        var pinnedWrong = new ClientConfig(config.host(), config.port(), config.dial(), ServerVerifier.pinned(wrong),
                config.clientName(), config.targetDelay(), config.connectTimeout(), false);
        assertThatThrownBy(() -> StreamingClient.connect(pinnedWrong, ClientListener.NONE))
                .isInstanceOf(UntrustedServerException.class)
                .hasMessageContaining(server.server.fingerprint().colonHex().substring(0, 20));
    }

    @Test
    void play_unknownVideo_reportsErrorAndSessionStaysUsable() throws Exception {
        AtomicBoolean errorSeen = new AtomicBoolean();
        List<String> errors = new CopyOnWriteArrayList<>();
        StreamingClient client = StreamingClient.connect(server.clientConfig(), new ClientListener() {
            @Override
            public void error(String message) {
                errors.add(message);
                errorSeen.set(true);
            }
        });
        clients.add(client);
        VideoInfo real = client.catalog().get(0);
        VideoInfo missing = new VideoInfo("../x", "x", real.durationMicros(), real.framesPerSecond(), real.gopFrames(),
                real.renditions());
        client.play(missing, Rung.R240P, false, FrameSink.DISCARD);
        assertThat(Eventually.within(Duration.ofSeconds(5), errorSeen::get)).isTrue();
        assertThat(errors.get(0)).contains("../x").contains("not a valid video id");
        client.play(real, Rung.R240P, true, FrameSink.DISCARD);
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> client.metrics().framesDecoded() > 5)).isTrue();
    }
}
