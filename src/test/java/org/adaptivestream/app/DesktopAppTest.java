package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.adaptivestream.Workspace;
import org.adaptivestream.app.player.PlayerView;
import org.adaptivestream.app.player.PlayerViewModel;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.server.StreamingServer;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window, headless: the mode chooser, the server dashboard starting a real server,
 * and the player connecting to an in-process server over real TLS, showing frames, switching
 * Static/Adaptive and following a forced rung on its resolution chart.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DesktopAppTest {

    @TempDir
    Path config;

    private Stage stage;
    private MainWindow window;
    private ExecutorService background;
    private StreamingServer server;

    /** Preparing the sample takes seconds: done here, not inside the toolkit's bounded setup. */
    @BeforeAll
    static void prepareSample() {
        TestServers.sampleWorkspace();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        server = TestServers.startServer();
        background = UiThread.newBackgroundPool();
        Workspace ws = TestServers.sampleWorkspaceWithConfig(config);
        AppContext context = new AppContext(ws, SettingsStore.load(ws.configDir(), background), UiThread.FX, background, Notifier.NONE);
        ServerVerifier pinned = ServerVerifier.pinned(server.fingerprint());
        window = new MainWindow(stage, context, (host, port) -> pinned);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        robot.interact(() -> window.dispose());
        server.close();
        background.shutdownNow();
        assertThat(background.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void start_showsModeChooserAndMenus(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("AdaptiveStream");
        assertThat(robot.lookup("#choose-server").tryQuery()).isPresent();
        assertThat(robot.lookup("#choose-client").tryQuery()).isPresent();
        assertThat(robot.lookup("#menu-bar").tryQuery()).isPresent();
    }

    @Test
    void serverMode_startsServerAndShowsFingerprint(FxRobot robot) {
        robot.clickOn("#choose-server");
        assertThat(robot.lookup("#server-dashboard").tryQuery()).isPresent();
        waitFor(() -> !window.serverModel().orElseThrow().videos().isEmpty(), "the library listed");
        robot.interact(() -> robot.lookup("#server-port").queryAs(TextField.class).setText("0"));
        robot.clickOn("#start-server");
        waitFor(() -> window.serverModel().orElseThrow().runningProperty().get(), "the server started");
        assertThat(robot.lookup("#fingerprint").queryAs(TextField.class).getText()).contains(":").hasSizeGreaterThan(60);
        assertThat(window.serverModel().orElseThrow().videos()).anyMatch(v -> v.id().equals(TestServers.VIDEO_ID));
        assertThat(window.context().settings().get().mode()).isEqualTo("server");
    }

    @Test
    void clientMode_playsFramesSwitchesModeAndFollowsForcedRung(FxRobot robot) {
        robot.clickOn("#choose-client");
        PlayerViewModel model = window.playerModel().orElseThrow();
        PlayerView view = window.playerView().orElseThrow();
        robot.interact(() -> {
            model.hostProperty().set("127.0.0.1");
            model.portProperty().set(String.valueOf(server.port()));
        });
        robot.clickOn("#connect");
        waitFor(() -> !model.catalog().isEmpty(), "the catalog arrived");
        robot.clickOn("#play-selected");
        waitFor(() -> view.videoPane().framesPresented() > 3, "frames in the video pane");
        WritableImage picture = view.videoPane().image();
        assertThat(picture).isNotNull();
        // A decoded picture at one of the ladder's sizes, not a blank buffer.
        assertThat(java.util.Arrays.stream(Rung.values()).map(r -> r.width() + "x" + r.height()))
                .contains((int) picture.getWidth() + "x" + (int) picture.getHeight());
        assertThat(distinctColours(picture)).as("colours in the picture").isGreaterThan(20);

        robot.clickOn("#mode-static");
        assertThat(model.adaptiveProperty().get()).isFalse();
        assertThat(model.currentClient().orElseThrow().adaptation().policy().name()).startsWith("static-");
        robot.clickOn("#mode-adaptive");
        assertThat(model.adaptiveProperty().get()).isTrue();
        assertThat(model.currentClient().orElseThrow().adaptation().policy().name()).isEqualTo(model.policyProperty().get());

        // The "1" shortcut forces 240p; the resolution chart follows once the switch is on screen.
        robot.interact(() -> view.videoPane().requestFocus());
        robot.push(KeyCode.DIGIT1);
        assertThat(model.renditionProperty().get()).isEqualTo("240p");
        waitFor(() -> view.charts().lastPlotted(Metric.RESOLUTION) == Rung.R240P.height(), "the resolution chart at 240");
        assertThat(model.currentClient().orElseThrow().adaptation().lockedRung()).contains(Rung.R240P);
        // The switch is marked on the charts, its reason in the tooltip.
        waitFor(() -> view.charts().switchMarkTooltips(0).stream().anyMatch(t -> t.contains("→ 240p")), "a switch mark");
        assertThat(view.charts().switchMarkTooltips(2)).anyMatch(t -> t.contains("→ 240p") && t.contains(" — "));
        assertThat(view.videoPane().image().getHeight()).isEqualTo(Rung.R240P.height());

        // F: the video alone, and the shortcuts still work there (they live on the hidden menu bar).
        robot.push(KeyCode.F);
        assertThat(window.videoOnly()).isTrue();
        assertThat(robot.lookup("#menu-bar").query().isVisible()).isFalse();
        robot.push(KeyCode.SPACE);
        assertThat(model.phaseProperty().get()).isEqualTo(PlayerViewModel.Phase.PAUSED);
        robot.push(KeyCode.SPACE);
        assertThat(model.phaseProperty().get()).isEqualTo(PlayerViewModel.Phase.PLAYING);
        robot.push(KeyCode.F);
        assertThat(window.videoOnly()).isFalse();
        assertThat(robot.lookup("#menu-bar").query().isVisible()).isTrue();
    }

    private static long distinctColours(WritableImage image) {
        var reader = image.getPixelReader();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(reader.getArgb(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void failingConnection_showsMessageAndWindowStillWorks(FxRobot robot) throws Exception {
        robot.clickOn("#choose-client");
        PlayerViewModel model = window.playerModel().orElseThrow();
        int closedPort;
        try (var probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        int unusedPort = closedPort;
        robot.interact(() -> {
            model.hostProperty().set("127.0.0.1");
            model.portProperty().set(String.valueOf(unusedPort));
        });
        robot.clickOn("#connect");
        StatusBar status = robot.lookup("#status-bar").queryAs(StatusBar.class);
        waitFor(() -> status.getText().startsWith("Cannot connect"), "an error in the status bar");
        assertThat(status.getText()).contains("Nothing is listening on 127.0.0.1:" + unusedPort);
        // ...and as a notification over the window.
        waitFor(() -> robot.lookup(".notification-bar").queryAll().stream()
                .anyMatch(n -> n.isVisible() && robot.from(n).lookup((Label l) -> l.getText() != null
                        && l.getText().contains("Nothing is listening")).tryQuery().isPresent()), "the notification");
        assertThat(robot.lookup("#connect").queryAs(Button.class).isDisabled()).isFalse();

        // Still usable: the right port connects.
        robot.interact(() -> model.portProperty().set(String.valueOf(server.port())));
        robot.clickOn("#connect");
        waitFor(() -> !model.catalog().isEmpty(), "the catalog after the failure");
        Node player = robot.lookup("#player").query();
        assertThat(player.isVisible()).isTrue();
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.getAsBoolean()) {
                return;
            }
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
