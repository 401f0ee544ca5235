package org.adaptivestream.app;

import java.util.Optional;
import java.util.function.BiFunction;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.adaptivestream.app.compare.CompareLauncher;
import org.adaptivestream.app.player.PlayerView;
import org.adaptivestream.app.player.PlayerViewModel;
import org.adaptivestream.app.player.TrustDialog;
import org.adaptivestream.app.server.ServerDashboardView;
import org.adaptivestream.app.server.ServerDashboardViewModel;
import org.adaptivestream.media.Rung;
import org.adaptivestream.security.ServerVerifier;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;

/**
 * The main window: menu bar, the mode chooser or the chosen feature (server dashboard, client
 * player), and a status bar. The features are made on first use and kept, so switching mode
 * does not stop a running server or player; closing the window disposes of both.
 */
public final class MainWindow {

    static final String TITLE = "AdaptiveStream";

    private final Stage stage;
    private final AppContext context;
    private final MainViewModel model;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final StatusBar statusBar = new StatusBar();
    private final BiFunction<String, Integer, ServerVerifier> verifierFactory;
    private ServerDashboardViewModel serverModel;
    private ServerDashboardView serverView;
    private PlayerViewModel playerModel;
    private PlayerView playerView;
    private Node chooser;

    /**
     * @param verifierFactory how the player verifies servers; null for trust on first use with
     *     the trust dialog (tests pass a pinned one)
     */
    public MainWindow(Stage stage, AppContext baseContext, BiFunction<String, Integer, ServerVerifier> verifierFactory) {
        this.stage = stage;
        this.context = new AppContext(baseContext.workspace(), baseContext.settings(), baseContext.fx(),
                baseContext.background(), new WindowNotifier());
        this.verifierFactory = verifierFactory;
        this.model = new MainViewModel(context.settings());
        statusBar.textProperty().bind(model.statusProperty());
        statusBar.setId("status-bar");
        root.setTop(menuBar());
        root.setBottom(statusBar);
        scene = new Scene(root, 1280, 800);
        applyTheme(model.darkThemeProperty().get());
        model.darkThemeProperty().addListener((o, was, dark) -> applyTheme(dark));
        model.modeProperty().addListener((o, was, mode) -> show(mode));
        model.videoOnlyProperty().addListener((o, was, only) -> {
            if (playerView != null) {
                playerView.setVideoOnly(only);
            }
            // Hidden, not removed: the shortcuts are the menu's accelerators, and a menu bar taken
            // out of the scene takes them with it (Space would no longer pause the full-screen video).
            for (javafx.scene.Node bar : new javafx.scene.Node[] {menuBarCache, statusBar}) {
                bar.setVisible(!only);
                bar.setManaged(!only);
            }
            stage.setFullScreen(only);
        });
        stage.fullScreenProperty().addListener((o, was, full) -> {
            if (!full) {
                model.videoOnlyProperty().set(false);
            }
        });
        show(MainViewModel.Mode.CHOOSER);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        restoreGeometry();
    }

    /** Last run's place and size, if they still fit a screen; else the default size, centred. */
    private void restoreGeometry() {
        Settings.WindowGeometry g = context.settings().get().window();
        if (g == null || javafx.stage.Screen.getScreensForRectangle(g.x(), g.y(), g.width(), g.height()).isEmpty()) {
            return;
        }
        stage.setX(g.x());
        stage.setY(g.y());
        stage.setWidth(g.width());
        stage.setHeight(g.height());
        stage.setMaximized(g.maximized());
    }

    /** Whether only the video is shown (full screen), for tests. */
    boolean videoOnly() {
        return model.videoOnlyProperty().get();
    }

    /** Remembers the window's place and size (not a full-screen one) for the next run. */
    void saveGeometry() {
        if (stage.isFullScreen() || !Double.isFinite(stage.getWidth()) || !Double.isFinite(stage.getX())) {
            return;
        }
        Settings.WindowGeometry g = new Settings.WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized());
        context.settings().update(s -> s.withWindow(g));
    }

    public MainViewModel model() {
        return model;
    }

    public AppContext context() {
        return context;
    }

    public Optional<ServerDashboardViewModel> serverModel() {
        return Optional.ofNullable(serverModel);
    }

    public Optional<PlayerViewModel> playerModel() {
        return Optional.ofNullable(playerModel);
    }

    public Optional<PlayerView> playerView() {
        return Optional.ofNullable(playerView);
    }

    /** Remembers the window's geometry, then stops the server and the player; blocks briefly. */
    public void dispose() {
        saveGeometry();
        if (serverView != null) {
            serverView.dispose();
            serverModel.dispose();
        }
        if (playerView != null) {
            playerView.dispose();
            playerModel.dispose();
        }
    }

    private void show(MainViewModel.Mode mode) {
        switch (mode) {
            case CHOOSER -> {
                chooser = new ModeChooserView(model).node();
                root.setCenter(chooser);
                stage.setTitle(TITLE);
            }
            case SERVER -> {
                if (serverView == null) {
                    serverModel = new ServerDashboardViewModel(context);
                    serverView = new ServerDashboardView(serverModel);
                    serverView.setDark(model.darkThemeProperty().get());
                    serverModel.loadLibrary();
                }
                root.setCenter(serverView.node());
                stage.setTitle(TITLE + " — Server");
            }
            case CLIENT -> {
                if (playerView == null) {
                    playerModel = verifierFactory == null
                            ? new PlayerViewModel(context, new TrustDialog(context.fx(), () -> stage))
                            : new PlayerViewModel(context, verifierFactory);
                    playerView = new PlayerView(playerModel, context, this::openComparison);
                    playerView.setDark(model.darkThemeProperty().get());
                    playerModel.statusProperty().addListener((o, was, now) -> model.statusProperty().set(now));
                }
                root.setCenter(playerView.node());
                stage.setTitle(TITLE + " — Client");
            }
        }
    }

    private void openComparison() {
        if (playerModel != null) {
            CompareLauncher.open(stage, context, playerModel, model.darkThemeProperty().get());
        }
    }

    private void applyTheme(boolean dark) {
        scene.getStylesheets().setAll(css("base.css"), css(dark ? "dark.css" : "light.css"));
        if (serverView != null) {
            serverView.setDark(dark);
        }
        if (playerView != null) {
            playerView.setDark(dark);
        }
    }

    private static String css(String name) {
        return MainWindow.class.getResource(name).toExternalForm();
    }

    private MenuBar menuBarCache;

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem png = item("Export charts as PNG…", null, this::exportChartsPng);
        png.disableProperty().bind(model.modeProperty().isEqualTo(MainViewModel.Mode.CHOOSER));
        MenuItem csv = item("Export metrics as CSV…", null, () -> player().ifPresent(p -> p.exportMetrics(false)));
        MenuItem json = item("Export metrics as JSON…", null, () -> player().ifPresent(p -> p.exportMetrics(true)));
        for (MenuItem m : new MenuItem[] {csv, json}) {
            m.disableProperty().bind(model.modeProperty().isNotEqualTo(MainViewModel.Mode.CLIENT));
        }
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
        file.getItems().addAll(png, csv, json, new SeparatorMenuItem(), quit);

        Menu mode = new Menu("_Mode");
        mode.getItems().addAll(
                item("Server", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> model.choose(MainViewModel.Mode.SERVER)),
                item("Client", new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> model.choose(MainViewModel.Mode.CLIENT)),
                item("Choose…", null, () -> model.choose(MainViewModel.Mode.CHOOSER)));

        Menu playback = new Menu("_Playback");
        playback.getItems().addAll(
                shortcut("Play / Pause", KeyCode.SPACE, m -> m.togglePause()),
                item("Stop", null, () -> playerModel().ifPresent(PlayerViewModel::stop)),
                new SeparatorMenuItem(),
                shortcut("Static / Adaptive", KeyCode.S, PlayerViewModel::toggleStaticAdaptive),
                shortcut("Automatic rendition", KeyCode.A, m -> m.overrideRendition(Optional.empty())),
                shortcut("Force 240p", KeyCode.DIGIT1, m -> m.overrideRendition(Optional.of(Rung.R240P))),
                shortcut("Force 480p", KeyCode.DIGIT2, m -> m.overrideRendition(Optional.of(Rung.R480P))),
                shortcut("Force 720p", KeyCode.DIGIT3, m -> m.overrideRendition(Optional.of(Rung.R720P))),
                shortcut("Force 1080p", KeyCode.DIGIT4, m -> m.overrideRendition(Optional.of(Rung.R1080P))),
                new SeparatorMenuItem(),
                item("Compare static with adaptive…", null, this::openComparison));
        playback.disableProperty().bind(model.modeProperty().isNotEqualTo(MainViewModel.Mode.CLIENT));

        Menu view = new Menu("_View");
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.selectedProperty().bindBidirectional(model.darkThemeProperty());
        CheckMenuItem overlay = new CheckMenuItem("Stats overlay");
        overlay.setOnAction(e -> playerModel().ifPresent(m -> m.statsOverlayProperty().set(overlay.isSelected())));
        view.setOnShowing(e -> overlay.setSelected(playerModel().map(m -> m.statsOverlayProperty().get())
                .orElse(context.settings().get().statsOverlay())));
        MenuItem fullscreen = shortcut("Full-screen video", KeyCode.F, m -> model.videoOnlyProperty().set(!model.videoOnlyProperty().get()));
        fullscreen.disableProperty().bind(model.modeProperty().isNotEqualTo(MainViewModel.Mode.CLIENT));
        view.getItems().addAll(dark, overlay, fullscreen);

        Menu help = new Menu("_Help");
        help.getItems().add(item("About AdaptiveStream", null, () -> {
            Alert about = new Alert(Alert.AlertType.INFORMATION,
                    "Adaptive video streaming over TLS 1.3, with live metrics, a network lab and a static-versus-adaptive comparison.\n\n"
                            + "Shortcuts: Space play/pause · 1–4 force 240p–1080p · A automatic · S static/adaptive · F full-screen video.");
            about.initOwner(stage);
            about.setHeaderText(TITLE);
            about.showAndWait();
        }));
        menuBarCache = new MenuBar(file, mode, playback, view, help);
        menuBarCache.setId("menu-bar");
        return menuBarCache;
    }

    /** The charts of what is shown: the player's five, or the server's throughput chart. */
    private void exportChartsPng() {
        if (model.modeProperty().get() == MainViewModel.Mode.SERVER && serverView != null) {
            org.adaptivestream.app.charts.ChartExport.exportToChosenFolder(context, stage, "Folder for the chart PNG",
                    java.util.List.of(serverView.throughputChart().chart()), "server");
        } else if (model.modeProperty().get() == MainViewModel.Mode.CLIENT) {
            player().ifPresent(PlayerView::exportChartsPng);
        }
    }

    private Optional<PlayerView> player() {
        return Optional.ofNullable(playerView);
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * A single-key shortcut for the player. Such keys are also typed into text fields, so the
     * action is skipped while one has the focus.
     */
    private MenuItem shortcut(String text, KeyCode key, java.util.function.Consumer<PlayerViewModel> action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(new KeyCodeCombination(key));
        item.setOnAction(e -> {
            if (scene.getFocusOwner() instanceof TextInputControl || model.modeProperty().get() != MainViewModel.Mode.CLIENT) {
                return;
            }
            playerModel().ifPresent(action);
        });
        return item;
    }

    /** Notifications do not wrap their text: long messages are broken into lines here. */
    static final int NOTIFICATION_LINE_CHARS = 70;

    /** Breaks text into lines of at most {@code width} characters at spaces (a longer word stays whole). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int lineLength = 0;
            for (String word : paragraph.split(" ")) {
                if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                    out.append('\n');
                    lineLength = 0;
                } else if (lineLength > 0) {
                    out.append(' ');
                    lineLength++;
                }
                out.append(word);
                lineLength += word.length();
            }
        }
        return out.toString();
    }

    /** Errors as ControlsFX notifications and in the status bar, so none goes unseen. */
    private final class WindowNotifier implements Notifier {
        @Override
        public void error(String title, String message) {
            model.statusProperty().set(title + ": " + message);
            notification(title, message, true);
        }

        @Override
        public void info(String message) {
            model.statusProperty().set(message);
            notification("AdaptiveStream", message, false);
        }

        private void notification(String title, String message, boolean error) {
            if (!stage.isShowing()) {
                return;
            }
            Notifications n = Notifications.create().title(title).text(wrap(message, NOTIFICATION_LINE_CHARS)).owner(stage)
                    .hideAfter(Duration.seconds(error ? 8 + message.length() / 40 : 4));
            if (model.darkThemeProperty().get()) {
                n = n.darkStyle();
            }
            if (error) {
                n.showError();
            } else {
                n.showInformation();
            }
        }
    }
}
