package org.adaptivestream.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.FrameSink;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.CertificateFingerprint;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.Settings;
import org.adaptivestream.app.SettingsStore;
import org.adaptivestream.app.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's view model without the toolkit: same-thread executors, a real server. */
@Timeout(60)
class ServerDashboardViewModelTest {

    @TempDir
    Path config;

    private final TestServers.RecordingNotifier notifier = new TestServers.RecordingNotifier();
    private ServerDashboardViewModel first;
    private ServerDashboardViewModel second;

    private ServerDashboardViewModel model() {
        SettingsStore settings = new SettingsStore(config, Settings.defaults(), TestServers.SAME_THREAD);
        return new ServerDashboardViewModel(new AppContext(TestServers.sampleWorkspaceWithConfig(config), settings,
                TestServers.SAME_THREAD, TestServers.SAME_THREAD, notifier));
    }

    @AfterEach
    void tearDown() {
        if (first != null) {
            first.dispose();
        }
        if (second != null) {
            second.dispose();
        }
    }

    @Test
    void loadLibrary_existingVideos_listsThemWithoutMakingTheSample() {
        first = model();
        first.loadLibrary();
        assertThat(first.videos()).extracting(ServerDashboardViewModel.VideoRow::id).containsExactly(TestServers.VIDEO_ID);
        assertThat(first.videos().get(0).rungs()).isEqualTo("240p 480p 720p 1080p");
        assertThat(first.preparingProperty().get()).isFalse();
    }

    @Test
    void start_portZero_runsAndShowsFingerprint_thenStops() {
        first = model();
        first.portProperty().set("0");
        first.start();
        assertThat(notifier.errors).isEmpty();
        assertThat(first.runningProperty().get()).isTrue();
        assertThat(first.fingerprintProperty().get()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(first.boundPort()).isPositive();
        first.poll(0);
        first.poll(0.5);
        assertThat(first.clients()).isEmpty();
        first.stop();
        assertThat(first.runningProperty().get()).isFalse();
        assertThat(first.log()).anyMatch(l -> l.contains("stopped"));
    }

    @Test
    void clients_playingClient_rowShowsLiveValuesIncludingItsReportedRtt() throws Exception {
        first = model();
        first.portProperty().set("0");
        first.start();
        ServerVerifier pinned = ServerVerifier.pinned(CertificateFingerprint.parse(first.fingerprintProperty().get()));
        try (StreamingClient client = StreamingClient.connect(ClientConfig.of("127.0.0.1", first.boundPort(), pinned)
                .withReconnect(false).withClientName("table test"), ClientListener.NONE)) {
            VideoInfo video = client.catalog().get(0);
            client.adaptation().lock(Rung.R480P);
            client.play(video, Rung.R480P, true, FrameSink.DISCARD);
            long start = System.nanoTime();
            double[] now = {0};
            Supplier<ServerDashboardViewModel.ClientRow> poll = () -> {
                now[0] = (System.nanoTime() - start) / 1e9;
                first.poll(now[0]);
                return first.clients().isEmpty() ? null : first.clients().get(0);
            };
            assertThat(Eventually.within(Duration.ofSeconds(20), () -> {
                ServerDashboardViewModel.ClientRow row = poll.get();
                return row != null && !row.rtt().equals("–") && !row.bitrate().equals("–") && now[0] > 2.5;
            })).as("a full row within 20 s: %s", first.clients()).isTrue();
            ServerDashboardViewModel.ClientRow row = first.clients().get(0);
            assertThat(row.address()).startsWith("127.0.0.1:");
            assertThat(row.video()).isEqualTo(video.id());
            assertThat(row.rung()).isEqualTo("480p");
            assertThat(row.rtt()).matches("\\d+(\\.\\d)? ms");
            assertThat(row.packetsSent()).isPositive();
            assertThat(row.state()).isEqualTo("playing");
            // The measured rate is near the 480p rendition's own average once a few GOPs went out.
            double rung = video.renditions().stream().filter(r -> r.rung() == Rung.R480P).findFirst().orElseThrow().bitsPerSecond();
            double sent = Double.parseDouble(row.bitrate().replace(" Mbit/s", "")) * 1e6;
            assertThat(sent).isBetween(0.3 * rung, 3.0 * rung);
            long framesBefore = row.packetsSent();
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> poll.get().packetsSent() > framesBefore)).isTrue();

            // Stopping keeps the session's totals and clears what is only true while playing.
            client.stop();
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> poll.get().rung().equals("–"))).isTrue();
            assertThat(first.clients().get(0).packetsSent()).isGreaterThanOrEqualTo(framesBefore);
            assertThat(first.clients().get(0).bitrate()).isEqualTo("–");
        }
        assertThat(Eventually.within(Duration.ofSeconds(5), () -> {
            first.poll(100);
            return first.clients().isEmpty();
        })).isTrue();
    }

    @Test
    void rtt_isShownInMilliseconds() {
        assertThat(ServerDashboardViewModel.rtt(420)).isEqualTo("0.4 ms");
        assertThat(ServerDashboardViewModel.rtt(42_600)).isEqualTo("43 ms");
    }

    @Test
    void start_portInUse_reportsItAndStaysStopped() {
        first = model();
        first.portProperty().set("0");
        first.start();
        second = model();
        second.portProperty().set(String.valueOf(first.boundPort()));
        second.start();
        assertThat(second.runningProperty().get()).isFalse();
        assertThat(notifier.errors).singleElement().asString()
                .startsWith("Cannot start the server").contains(String.valueOf(first.boundPort()));
    }

    @Test
    void start_badPort_saysWhatIsWrong() {
        first = model();
        first.portProperty().set("99999");
        first.start();
        assertThat(notifier.errors).singleElement().asString().contains("0 to 65535");
    }
}
