package org.adaptivestream.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.Settings;
import org.adaptivestream.app.SettingsStore;
import org.adaptivestream.app.TestServers;
import org.adaptivestream.app.player.PlayerViewModel;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.FrameSink;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.server.StreamingServer;
import org.adaptivestream.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison's view model without the toolkit: a real run of the shortest length against a
 * real server through two emulated links, with same-thread executors (so {@code start} returns
 * when the run is over).
 */
@Timeout(120)
class CompareViewModelTest {

    @TempDir
    Path config;

    private final TestServers.RecordingNotifier notifier = new TestServers.RecordingNotifier();
    private StreamingServer server;
    private SettingsStore settings;
    private CompareViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServers.startServer();
        settings = new SettingsStore(config, Settings.defaults(), TestServers.SAME_THREAD);
        AppContext context = new AppContext(TestServers.sampleWorkspaceWithConfig(config), settings,
                TestServers.SAME_THREAD, TestServers.SAME_THREAD, notifier);
        ServerVerifier pinned = ServerVerifier.pinned(server.fingerprint());
        VideoInfo video;
        try (StreamingClient probe = StreamingClient.connect(ClientConfig.of("127.0.0.1", server.port(), pinned)
                .withReconnect(false), ClientListener.NONE)) {
            video = probe.catalog().get(0);
        }
        model = new CompareViewModel(context, new PlayerViewModel.Endpoint("127.0.0.1", server.port(), pinned), video,
                PlayerViewModel.NO_NETWORK_PROFILE, "default", "240p");
    }

    @AfterEach
    void tearDown() {
        model.dispose();
        server.close();
    }

    @Test
    void new_withoutANetworkProfile_comparesOnTheStepDownProfile() {
        assertThat(model.networkProperty().get()).isEqualTo(CompareViewModel.DEFAULT_PROFILE);
        assertThat(model.staticLabel()).isEqualTo("static 240p");
        assertThat(model.adaptiveLabel()).isEqualTo("adaptive (default)");
    }

    @Test
    void start_shortRunOnFibre_scoresBothSidesAndExports() throws Exception {
        model.networkProperty().set("fibre");
        model.secondsProperty().set(Settings.MIN_COMPARE_SECONDS);
        assertThat(settings.get().compareSeconds()).isEqualTo(Settings.MIN_COMPARE_SECONDS);
        AtomicLong left = new AtomicLong();
        AtomicLong right = new AtomicLong();
        FrameSink countLeft = frame -> left.incrementAndGet();
        FrameSink countRight = frame -> right.incrementAndGet();

        model.start(countLeft, countRight);

        assertThat(notifier.errors).isEmpty();
        assertThat(model.runningProperty().get()).isFalse();
        ComparisonResult result = model.resultProperty().get();
        assertThat(result).isNotNull();
        assertThat(left.get()).as("static frames shown").isPositive();
        assertThat(right.get()).as("adaptive frames shown").isPositive();
        // The left side held 240p: every resolution it showed was 240 lines.
        assertThat(result.staticSide().summary().meanResolutionLines()).isEqualTo(240.0);
        assertThat(result.staticSide().summary().switches()).isZero();
        assertThat(result.staticSide().qoe().windows()).isPositive();
        assertThat(result.adaptiveSide().qoe().windows()).isPositive();
        assertThat(result.verdict()).contains("on fibre").contains("Static 240p:").contains("Adaptive (default):");
        assertThat(model.statusProperty().get()).isEqualTo(result.verdict());
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(Eventually.within(java.time.Duration.ofSeconds(5),
                () -> Eventually.threads("client-") + Eventually.threads("netlab-") == 0))
                .as("the two clients and links closed").isTrue();

        model.export(config.resolve("comparison"), false);
        List<String> csv = Files.readAllLines(config.resolve("comparison.csv"));
        assertThat(csv.get(0)).isEqualTo("figure,unit,\"static 240p\",\"adaptive (default)\"");
        assertThat(csv).anyMatch(l -> l.startsWith("\"QoE\",Mbit,"));
        model.export(config.resolve("comparison.json"), true);
        JsonNode json = new ObjectMapper().readTree(config.resolve("comparison.json").toFile());
        assertThat(json.get("network").asText()).isEqualTo("fibre");
        assertThat(json.get("static").get("gop_windows").asInt()).isPositive();
        assertThat(json.get("adaptive").get("session").get("series").has("rtt_ms")).isTrue();
        assertThat(notifier.infos).filteredOn(i -> i.startsWith("Comparison written")).hasSize(2);
    }
}
