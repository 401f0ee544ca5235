package org.adaptivestream.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
