package org.adaptivestream.app.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.Settings;
import org.adaptivestream.app.SettingsStore;
import org.adaptivestream.app.TestServers;
import org.adaptivestream.app.UiThread;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.server.StreamingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The player's view model without the toolkit: same-thread executors, a real server on loopback. */
@Timeout(60)
class PlayerViewModelTest {

    @TempDir
    Path config;

    private final TestServers.RecordingNotifier notifier = new TestServers.RecordingNotifier();
    private StreamingServer server;
    private PlayerViewModel model;
    private SettingsStore settings;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServers.startServer();
        settings = new SettingsStore(config, Settings.defaults(), TestServers.SAME_THREAD);
        AppContext context = new AppContext(TestServers.sampleWorkspaceWithConfig(config), settings,
                TestServers.SAME_THREAD, TestServers.SAME_THREAD, notifier);
        ServerVerifier pinned = ServerVerifier.pinned(server.fingerprint());
        model = new PlayerViewModel(context, (h, p) -> pinned);
        model.hostProperty().set("127.0.0.1");
    }

    @AfterEach
    void tearDown() {
        model.dispose();
        server.close();
    }

    @Test
    void connect_reachableServer_listsCatalogAndSavesEndpoint() {
        model.portProperty().set(String.valueOf(server.port()));
        model.connect();
        assertThat(notifier.errors).isEmpty();
        assertThat(model.phaseProperty().get()).isEqualTo(PlayerViewModel.Phase.CONNECTED);
        assertThat(model.catalog()).extracting(v -> v.id()).contains(TestServers.VIDEO_ID);
        assertThat(model.selectedVideoProperty().get()).isNotNull();
        assertThat(settings.get().port()).isEqualTo(server.port());
    }

    @Test
    void connect_nothingListening_reportsAndStaysDisconnected() throws Exception {
        int closed;
        try (var probe = new java.net.ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        model.portProperty().set(String.valueOf(closed));
        model.connect();
        assertThat(notifier.errors).singleElement().asString().startsWith("Cannot connect to 127.0.0.1:" + closed);
        assertThat(model.phaseProperty().get()).isEqualTo(PlayerViewModel.Phase.DISCONNECTED);
        assertThat(model.isConnected()).isFalse();
    }

    @Test
    void connect_nothingListeningBehindTheLinkEmulator_saysNothingIsListening() throws Exception {
        int closed;
        try (var probe = new java.net.ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        model.networkProfileProperty().set("fibre");
        model.portProperty().set(String.valueOf(closed));
        model.connect();
        // The link accepts and then drops us; the message must still name the real cause.
        assertThat(notifier.errors).singleElement().asString()
                .startsWith("Cannot connect to 127.0.0.1:" + closed)
                .contains("Nothing is listening on 127.0.0.1:" + closed);
        assertThat(model.phaseProperty().get()).isEqualTo(PlayerViewModel.Phase.DISCONNECTED);
    }

    @Test
    void connect_badPort_saysWhatIsWrong() {
        model.portProperty().set("http");
        model.connect();
        assertThat(notifier.errors).singleElement().asString().contains("port must be a number");
    }

    @Test
    void staticAdaptiveAndOverride_reachTheClientsController() {
        model.portProperty().set(String.valueOf(server.port()));
        model.connect();
        var controller = model.currentClient().orElseThrow().adaptation();

        model.staticRungProperty().set("480p");
        model.toggleStaticAdaptive();
        assertThat(controller.policy().name()).isEqualTo("static-480p");
        assertThat(settings.get().playMode()).isEqualTo("static");

        model.toggleStaticAdaptive();
        model.policyProperty().set("buffer");
        assertThat(controller.policy().name()).isEqualTo("buffer");

        model.overrideRendition(Optional.of(Rung.R1080P));
        assertThat(controller.lockedRung()).contains(Rung.R1080P);
        model.overrideRendition(Optional.empty());
        assertThat(controller.lockedRung()).isEmpty();
        assertThat(settings.get().rendition()).isEqualTo("auto");
    }

    @Test
    void exportMetrics_csvAndJson_writeTheSessionAlsoAfterItEnded() throws Exception {
        model.portProperty().set(String.valueOf(server.port()));
        model.connect();
        model.play();
        var metrics = model.currentClient().orElseThrow().metrics();
        assertThat(Eventually.within(Duration.ofSeconds(20),
                () -> metrics.series(Metric.RTT).size() >= 3 && metrics.framesDecoded() > 10)).isTrue();

        model.exportMetrics(config.resolve("run"), false); // the extension is added
        List<String> csv = Files.readAllLines(config.resolve("run.csv"));
        assertThat(csv.get(0)).isEqualTo("time_s,metric,value");
        assertThat(csv).anyMatch(l -> l.contains(",rtt_ms,")).hasSizeGreaterThan(10);

        model.exportMetrics(config.resolve("run.json"), true);
        JsonNode json = new ObjectMapper().readTree(config.resolve("run.json").toFile());
        assertThat(json.get("video").asText()).isEqualTo(TestServers.VIDEO_ID);
        assertThat(json.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(json.get("summary").get("framesDecoded").asLong()).isPositive();
        assertThat(json.get("series").get("rtt_ms").get("value").size()).isGreaterThanOrEqualTo(3);

        model.disconnect();
        model.exportMetrics(config.resolve("after.json"), true);
        assertThat(new ObjectMapper().readTree(config.resolve("after.json").toFile()).get("video").asText())
                .isEqualTo(TestServers.VIDEO_ID);
        assertThat(notifier.errors).isEmpty();
        assertThat(notifier.infos).filteredOn(i -> i.startsWith("Metrics written to")).hasSize(3);
    }

    @Test
    void exportMetrics_beforeAnySession_saysThereIsNothing() {
        model.exportMetrics(config.resolve("nothing.csv"), false);
        assertThat(notifier.errors).singleElement().asString().startsWith("Nothing to export");
        assertThat(config.resolve("nothing.csv")).doesNotExist();
    }
}
