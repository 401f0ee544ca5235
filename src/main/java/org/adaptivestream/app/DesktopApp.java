package org.adaptivestream.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;
import org.adaptivestream.Workspace;

/** The desktop application: one main window over the workspace the program was started in. */
public final class DesktopApp extends Application {

    private ExecutorService background;
    private MainWindow window;

    public static void launchApp() {
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        background = UiThread.newBackgroundPool();
        Workspace workspace = Workspace.current();
        AppContext context = new AppContext(workspace, SettingsStore.load(workspace.configDir(), background),
                UiThread.FX, background, Notifier.NONE);
        window = new MainWindow(stage, context, null);
        stage.show();
    }

    @Override
    public void stop() throws InterruptedException {
        if (window != null) {
            window.dispose();
        }
        if (background != null) {
            background.shutdown();
            // Let a settings save finish; daemon threads do not hold the JVM beyond this.
            background.awaitTermination(2, TimeUnit.SECONDS);
        }
    }
}
