package org.adaptivestream.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;
import org.adaptivestream.Workspace;

/** The desktop application: one main window over the workspace the program was started in. */
public final class DesktopApp extends Application {

    private ExecutorService background;
    private Workspace workspace;
    private SettingsStore settings;
    private MainWindow window;

    public static void launchApp() {
        Application.launch(DesktopApp.class);
    }

    /** On the launcher thread, before the toolkit shows anything: reading the settings file is I/O. */
    @Override
    public void init() {
        background = UiThread.newBackgroundPool();
        workspace = Workspace.current();
        settings = SettingsStore.load(workspace.configDir(), background);
    }

    @Override
    public void start(Stage stage) {
        AppContext context = new AppContext(workspace, settings, UiThread.FX, background, Notifier.NONE);
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
