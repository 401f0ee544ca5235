package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pause, resume, seek, and surviving a server restart. */
// Generous: the first test in a run also encodes the shared test videos, slow on a busy machine.
@Timeout(180)
class PlaybackControlTest {

    @Test
    void pauseResumeSeek_holdThenMoveThePicture() throws Exception {
        try (TestServer server = new TestServer();
             StreamingClient client = StreamingClient.connect(server.clientConfig(), ClientListener.NONE)) {
            VideoInfo beta = client.catalog().stream().filter(v -> v.id().equals("beta")).findFirst().orElseThrow();
            List<Long> shown = new CopyOnWriteArrayList<>();
            client.adaptation().lock(Rung.R240P);
            client.play(beta, Rung.R240P, true, frame -> shown.add(frame.ptsMicros()));
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> shown.size() > 10)).isTrue();

            client.pause();
            assertThat(client.state()).isEqualTo(ClientState.PAUSED);
            Thread.sleep(300); // frames already due may still show
            int atPause = shown.size();
            Thread.sleep(700);
            assertThat(shown.size()).as("no frames while paused").isLessThanOrEqualTo(atPause + 1);
            int stallsBefore = client.metrics().stallCount();

            client.resume();
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> shown.size() > atPause + 10)).isTrue();
            assertThat(client.metrics().stallCount()).as("a pause is not a stall").isEqualTo(stallsBefore);

            client.seek(2_000_000);
            assertThat(Eventually.within(Duration.ofSeconds(5),
                    () -> client.positionMicros() >= 2_000_000 && client.positionMicros() < 2_600_000)).isTrue();
        }
    }

    @Test
    void serverRestart_clientReconnectsAndResumes() throws Exception {
        TestServer first = new TestServer();
        int port = first.port();
        List<ClientState> states = new CopyOnWriteArrayList<>();
        StreamingClient client = StreamingClient.connect(first.clientConfig().withReconnect(true), new ClientListener() {
            @Override
            public void stateChanged(ClientState state, String detail) {
                states.add(state);
            }
        });
        TestServer second = null;
        try {
            client.play(client.catalog().get(0), Rung.R240P, true, FrameSink.DISCARD);
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> client.metrics().framesDecoded() > 10)).isTrue();
            first.close();
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> states.contains(ClientState.RECONNECTING))).isTrue();
            second = new TestServer(ServerConfig.defaults().withPort(port).withBindAddress(InetAddress.getLoopbackAddress()));
            long before = client.metrics().framesDecoded();
            assertThat(Eventually.within(Duration.ofSeconds(20), () -> client.state() == ClientState.PLAYING
                    && client.metrics().framesDecoded() > before + 15)).isTrue();
        } finally {
            client.close();
            if (second != null) {
                second.close();
            }
        }
    }
}
