package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.adaptivestream.Workspace;
import org.adaptivestream.app.player.PlayerViewModel;
import org.adaptivestream.security.KnownServers;
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
 * The trust step as the app ships it (trust on first use, with the dialog): a new server's
 * fingerprint is shown and can be remembered; a remembered server whose certificate changed
 * is refused without a question, and the window stays usable.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DesktopTrustTest {

    @TempDir
    Path config;

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
        server = TestServers.startServer();
        background = UiThread.newBackgroundPool();
        Workspace ws = TestServers.sampleWorkspaceWithConfig(config);
        AppContext context = new AppContext(ws, SettingsStore.load(ws.configDir(), background), UiThread.FX, background, Notifier.NONE);
        window = new MainWindow(stage, context, null);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        robot.interact(() -> window.dispose());
        server.close();
        background.shutdownNow();
        assertThat(background.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private PlayerViewModel connect(FxRobot robot) {
        robot.clickOn("#choose-client");
        PlayerViewModel model = window.playerModel().orElseThrow();
        robot.interact(() -> {
            model.hostProperty().set("127.0.0.1");
            model.portProperty().set(String.valueOf(server.port()));
        });
        robot.clickOn("#connect");
        return model;
    }

    @Test
    void newServer_dialogShowsItsFingerprint_andTrustAndRememberConnects(FxRobot robot) throws Exception {
        PlayerViewModel model = connect(robot);
        waitFor(() -> robot.lookup("#trust-fingerprint").tryQuery().isPresent(), "the trust dialog");
        assertThat(robot.lookup("#trust-fingerprint").queryAs(TextField.class).getText())
                .isEqualTo(server.fingerprint().colonHex());

        robot.clickOn("Trust and remember");
        waitFor(() -> !model.catalog().isEmpty(), "the catalog");
        assertThat(Files.readString(config.resolve(KnownServers.DEFAULT_FILE_NAME)))
                .contains("127.0.0.1:" + server.port() + " " + server.fingerprint().colonHex());
    }

    @Test
    void changedCertificate_isRefusedWithoutAQuestion_andTheWindowStillWorks(FxRobot robot) throws Exception {
        // Remembered with another certificate's fingerprint: as if the server's key had been replaced.
        String other = server.fingerprint().colonHex().startsWith("00") ? "11" : "00";
        Files.writeString(config.resolve(KnownServers.DEFAULT_FILE_NAME), "127.0.0.1:" + server.port() + " "
                + other + server.fingerprint().colonHex().substring(2) + "\n");
        PlayerViewModel model = connect(robot);

        StatusBar status = robot.lookup("#status-bar").queryAs(StatusBar.class);
        waitFor(() -> status.getText().startsWith("Refused: the server's certificate has changed"), "the refusal");
        assertThat(robot.lookup("#trust-fingerprint").tryQuery()).as("no trust question").isEmpty();
        assertThat(model.phaseProperty().get()).isEqualTo(PlayerViewModel.Phase.DISCONNECTED);
        assertThat(robot.lookup("#connect").queryAs(Button.class).isDisabled()).isFalse();

        // Still usable: once the stale line is removed, the same server can be trusted afresh.
        Files.delete(config.resolve(KnownServers.DEFAULT_FILE_NAME));
        robot.clickOn("#connect");
        waitFor(() -> robot.lookup("#trust-fingerprint").tryQuery().isPresent(), "the trust dialog");
        robot.clickOn("Trust once");
        waitFor(() -> !model.catalog().isEmpty(), "the catalog");
        assertThat(config.resolve(KnownServers.DEFAULT_FILE_NAME)).doesNotExist();
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
