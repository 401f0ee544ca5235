package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import javafx.stage.Stage;
import org.adaptivestream.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window opens on the mode chooser, with the menus and their shortcuts. */
@ExtendWith(ApplicationExtension.class)
class DesktopAppTest {

    @TempDir
    static Path home;

    private Stage stage;
    private MainWindow window;
    private ExecutorService background;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        background = UiThread.newBackgroundPool();
        Workspace ws = Workspace.at(home);
        AppContext context = new AppContext(ws, SettingsStore.load(ws.configDir(), background), UiThread.FX, background, Notifier.NONE);
        window = new MainWindow(stage, context, null);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        background.shutdownNow();
    }

    @Test
    void start_showsModeChooser(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("AdaptiveStream");
        assertThat(robot.lookup("#choose-server").tryQuery()).isPresent();
        assertThat(robot.lookup("#choose-client").tryQuery()).isPresent();
    }
}
