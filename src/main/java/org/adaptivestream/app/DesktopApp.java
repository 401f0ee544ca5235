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

    /**
     * Opens the window and returns when it closes. Returns false, having said why on standard
     * error, when this system cannot show a window at all: JavaFX's own report is a stack trace.
     */
    public static boolean launchApp() {
        try {
            Application.launch(DesktopApp.class);
            return true;
        } catch (UnsupportedOperationException e) {
            System.err.println(whyNoWindow(e.getMessage()));
            return false;
        }
    }

    /** What to do when the toolkit, saying {@code toolkitMessage}, cannot open a window. */
    static String whyNoWindow(String toolkitMessage) {
        String message = toolkitMessage == null ? "JavaFX gave no reason" : toolkitMessage.replaceAll("\\.+$", "");
        String remedy;
        if (message.contains("DISPLAY")) {
            remedy = "There is no graphical display to open it on (DISPLAY is not set, or nothing answers"
                    + " there). Start it from a desktop session.";
        } else if (message.contains("GTK")) {
            remedy = "On Linux it needs GTK 3, which this system lacks: install it (Debian or Ubuntu:"
                    + " sudo apt-get install libgtk-3-0) and start it again.";
        } else {
            remedy = "JavaFX cannot start here.";
        }
        return "AdaptiveStream cannot open its window: " + message + ".\n" + remedy + "\n"
                + "Everything else works without a window: adaptivestream --help lists the commands"
                + " (server, client, netlab, bench, prepare).";
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
