package org.adaptivestream.app.player;

import java.io.File;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.Format;
import org.adaptivestream.app.charts.ChartExport;
import org.adaptivestream.app.charts.LiveCharts;
import org.adaptivestream.netlab.NetworkProfiles;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.client.StreamingClient;
import org.controlsfx.control.SegmentedButton;

/**
 * The client player: connection bar, toolbar (Static | Adaptive, rendition, policy, network,
 * play/pause/stop, seek), the catalog, the video with its stats overlay, and the live charts.
 * Binds to a {@link PlayerViewModel}.
 */
public final class PlayerView {

    /** At most ten chart redraws a second, whatever the packet rate. */
    private static final Duration CHART_PERIOD = Duration.millis(100);
    private static final int CHART_TICKS_PER_STATS = 3;
    private static final String TRACE_FILE_CHOICE = "trace file…";

    private final PlayerViewModel model;
    private final AppContext context;
    private final BorderPane root = new BorderPane();
    private final VideoPane video = new VideoPane();
    private final LiveCharts charts = new LiveCharts();
    private final Label overlay = new Label();
    private final Timeline ticker;
    private final Runnable onCompare;
    private Node top;
    private Node left;
    private SplitPane center;
    private int ticks;

    public PlayerView(PlayerViewModel model, AppContext context, Runnable onCompare) {
        this.model = model;
        this.context = context;
        this.onCompare = onCompare;
        root.setId("player");
        model.setFrameSink(video.sink());
        top = new VBox(connectionBar(), toolbar());
        left = catalog();
        overlay.setId("stats-overlay");
        overlay.getStyleClass().add("stats-overlay");
        overlay.textProperty().bind(model.statsProperty());
        overlay.visibleProperty().bind(model.statsOverlayProperty().and(model.statsProperty().isNotEmpty()));
        overlay.setMouseTransparent(true);
        StackPane videoStack = new StackPane(video, overlay);
        videoStack.getStyleClass().add("video-stack");
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        StackPane.setMargin(overlay, new Insets(8));
        videoStack.setMinSize(0, 0);
        center = new SplitPane(videoStack, charts.node());
        center.setDividerPositions(0.58);
        root.setTop(top);
        root.setLeft(left);
        root.setCenter(center);
        model.sessionNumberProperty().addListener((o, was, now) -> {
            charts.reset();
            video.clear();
        });
        ticker = new Timeline(new KeyFrame(CHART_PERIOD, e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public Node node() {
        return root;
    }

    public VideoPane videoPane() {
        return video;
    }

    public LiveCharts charts() {
        return charts;
    }

    public void setDark(boolean dark) {
        charts.setDark(dark);
    }

    /** Full-screen video: only the picture (and overlay) remain. */
    public void setVideoOnly(boolean videoOnly) {
        root.setTop(videoOnly ? null : top);
        root.setLeft(videoOnly ? null : left);
        if (videoOnly) {
            center.getItems().remove(charts.node());
        } else if (!center.getItems().contains(charts.node())) {
            center.getItems().add(charts.node());
            center.setDividerPositions(0.58);
        }
    }

    public void dispose() {
        ticker.stop();
    }

    private void tick() {
        StreamingClient client = model.currentClient().orElse(null);
        if (client != null) {
            charts.refresh(client.metrics(), client.sessionSeconds());
        }
        if (++ticks % CHART_TICKS_PER_STATS == 0) {
            model.refresh();
        }
    }

    private Node connectionBar() {
        TextField host = new TextField();
        host.setId("host");
        host.setPrefColumnCount(12);
        host.textProperty().bindBidirectional(model.hostProperty());
        TextField port = new TextField();
        port.setId("port");
        port.setPrefColumnCount(5);
        port.textProperty().bindBidirectional(model.portProperty());
        var disconnected = model.phaseProperty().isEqualTo(PlayerViewModel.Phase.DISCONNECTED);
        host.disableProperty().bind(disconnected.not());
        port.disableProperty().bind(disconnected.not());
        Button connect = new Button("Connect");
        connect.setId("connect");
        connect.setDefaultButton(true);
        connect.disableProperty().bind(disconnected.not());
        connect.setOnAction(e -> model.connect());
        Button disconnect = new Button("Disconnect");
        disconnect.setId("disconnect");
        disconnect.disableProperty().bind(disconnected.or(model.phaseProperty().isEqualTo(PlayerViewModel.Phase.CONNECTING)));
        disconnect.setOnAction(e -> model.disconnect());
        Label status = new Label();
        status.setId("player-status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, new Label("Host"), host, new Label("Port"), port, connect, disconnect, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        // A long status (a switch's reason) is cut short itself rather than squeezing the controls.
        for (Node child : bar.getChildren()) {
            if (child != status && child instanceof javafx.scene.layout.Region region) {
                region.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        status.setMinWidth(0);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        bar.setPadding(new Insets(6, 8, 2, 8));
        return bar;
    }

    private Node toolbar() {
        ToggleButton staticMode = new ToggleButton("Static");
        staticMode.setId("mode-static");
        staticMode.setTooltip(new Tooltip("Hold one resolution (S)"));
        ToggleButton adaptiveMode = new ToggleButton("Adaptive");
        adaptiveMode.setId("mode-adaptive");
        adaptiveMode.setTooltip(new Tooltip("Let the policy follow the network (S)"));
        SegmentedButton mode = new SegmentedButton(staticMode, adaptiveMode);
        mode.setId("mode");
        Runnable showMode = () -> {
            adaptiveMode.setSelected(model.adaptiveProperty().get());
            staticMode.setSelected(!model.adaptiveProperty().get());
        };
        showMode.run();
        model.adaptiveProperty().addListener((o, was, now) -> showMode.run());
        staticMode.setOnAction(e -> {
            model.adaptiveProperty().set(false);
            showMode.run();
        });
        adaptiveMode.setOnAction(e -> {
            model.adaptiveProperty().set(true);
            showMode.run();
        });

        ComboBox<String> rendition = new ComboBox<>();
        rendition.setId("rendition");
        rendition.getItems().setAll(PlayerViewModel.renditionChoices());
        rendition.valueProperty().bindBidirectional(model.renditionProperty());
        rendition.setTooltip(new Tooltip("Force a resolution (1–4), or auto (A)"));

        ComboBox<String> policy = new ComboBox<>();
        policy.setId("policy");
        policy.getItems().setAll(PlayerViewModel.adaptivePolicies());
        policy.valueProperty().bindBidirectional(model.policyProperty());
        policy.disableProperty().bind(model.adaptiveProperty().not());
        policy.setTooltip(new Tooltip("The adaptation policy used in Adaptive mode"));

        ComboBox<String> staticRung = new ComboBox<>();
        staticRung.setId("static-rung");
        staticRung.getItems().setAll(PlayerViewModel.renditionChoices().subList(1, PlayerViewModel.renditionChoices().size()));
        staticRung.valueProperty().bindBidirectional(model.staticRungProperty());
        staticRung.disableProperty().bind(model.adaptiveProperty());
        staticRung.setTooltip(new Tooltip("The resolution Static mode holds"));

        ComboBox<String> network = new ComboBox<>();
        network.setId("network");
        network.getItems().setAll(PlayerViewModel.networkProfileChoices());
        if (!network.getItems().contains(model.networkProfileProperty().get())) {
            network.getItems().add(model.networkProfileProperty().get());
        }
        network.getItems().add(TRACE_FILE_CHOICE);
        network.setValue(model.networkProfileProperty().get());
        network.setTooltip(new Tooltip("Play through the link emulator; changing it reconnects"));
        network.valueProperty().addListener((o, was, now) -> {
            if (TRACE_FILE_CHOICE.equals(now)) {
                String chosen = chooseTrace();
                String value = chosen == null ? was : chosen;
                if (chosen != null && !network.getItems().contains(chosen)) {
                    network.getItems().add(network.getItems().size() - 1, chosen);
                }
                org.adaptivestream.app.UiThread.later(() -> network.setValue(value));
            } else if (now != null) {
                model.networkProfileProperty().set(now);
            }
        });

        Button playPause = new Button();
        playPause.setId("play-pause");
        playPause.setFocusTraversable(false);
        playPause.textProperty().bind(javafx.beans.binding.Bindings.when(
                model.phaseProperty().isEqualTo(PlayerViewModel.Phase.PLAYING)).then("Pause").otherwise("Play"));
        playPause.setOnAction(e -> model.togglePause());
        var connected = model.phaseProperty().isEqualTo(PlayerViewModel.Phase.DISCONNECTED)
                .or(model.phaseProperty().isEqualTo(PlayerViewModel.Phase.CONNECTING)).not();
        playPause.disableProperty().bind(connected.not().or(model.selectedVideoProperty().isNull()));
        Button stop = new Button("Stop");
        stop.setId("stop");
        stop.setFocusTraversable(false);
        stop.disableProperty().bind(model.phaseProperty().isNotEqualTo(PlayerViewModel.Phase.PLAYING)
                .and(model.phaseProperty().isNotEqualTo(PlayerViewModel.Phase.PAUSED)));
        stop.setOnAction(e -> model.stop());

        Slider seek = new Slider(0, 1, 0);
        seek.setId("seek");
        seek.setFocusTraversable(false);
        seek.setPrefWidth(420);
        seek.disableProperty().bind(stop.disableProperty());
        model.positionSecondsProperty().addListener((o, was, now) -> {
            if (!seek.isValueChanging() && model.durationSecondsProperty().get() > 0) {
                seek.setValue(now.doubleValue() / model.durationSecondsProperty().get());
            }
        });
        seek.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                model.seek(seek.getValue());
            }
        });
        seek.setOnMouseClicked(e -> model.seek(seek.getValue()));
        Label time = new Label();
        time.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Format.clockSeconds(model.positionSecondsProperty().get()) + " / "
                        + Format.clockSeconds(model.durationSecondsProperty().get()),
                model.positionSecondsProperty(), model.durationSecondsProperty()));

        ToggleButton stats = new ToggleButton("Stats");
        stats.setId("stats-toggle");
        stats.setFocusTraversable(false);
        stats.selectedProperty().bindBidirectional(model.statsOverlayProperty());

        MenuButton export = new MenuButton("Export");
        MenuItem png = new MenuItem("Charts as PNG…");
        png.setOnAction(e -> exportChartsPng());
        MenuItem csv = new MenuItem("Metrics as CSV…");
        csv.setOnAction(e -> exportMetrics(false));
        MenuItem json = new MenuItem("Metrics as JSON…");
        json.setOnAction(e -> exportMetrics(true));
        export.getItems().addAll(png, csv, json);

        Button compare = new Button("Compare…");
        compare.setId("compare");
        compare.setTooltip(new Tooltip("Run static against adaptive side by side on the same network"));
        compare.disableProperty().bind(connected.not().or(model.selectedVideoProperty().isNull()));
        compare.setOnAction(e -> onCompare.run());

        ToolBar adaptation = new ToolBar(mode, new Label("Rendition"), rendition, new Label("Static at"), staticRung,
                new Label("Policy"), policy, new Label("Network"), network, new Separator(), compare);
        ToolBar playback = new ToolBar(playPause, stop, seek, time, new Separator(), stats, export);
        HBox.setHgrow(seek, Priority.ALWAYS);
        seek.setMaxWidth(Double.MAX_VALUE);
        return new VBox(adaptation, playback);
    }

    private String chooseTrace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a network trace (Mahimahi or HSDPA log)");
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        return file == null ? null : NetworkProfiles.TRACE_PREFIX + file.getAbsolutePath();
    }

    private Node catalog() {
        ListView<VideoInfo> list = new ListView<>(model.catalog());
        list.setId("catalog");
        list.setPrefWidth(190);
        list.setPlaceholder(new Label("Connect to see\nthe server's videos"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(VideoInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title() + "\n" + item.id() + " · "
                        + Format.clockSeconds(item.durationMicros() / 1e6) + String.format(Locale.ROOT, " · %.0f fps", item.framesPerSecond()));
            }
        });
        model.selectedVideoProperty().addListener((o, was, now) -> list.getSelectionModel().select(now));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedVideoProperty().set(now);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.play();
            }
        });
        Button play = new Button("Play selected");
        play.setId("play-selected");
        play.setMaxWidth(Double.MAX_VALUE);
        play.disableProperty().bind(model.selectedVideoProperty().isNull());
        play.setOnAction(e -> model.play());
        Label title = new Label("Videos");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title, list, play);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    public void exportChartsPng() {
        ChartExport.exportToChosenFolder(context, root.getScene().getWindow(), "Folder for the chart PNGs", charts.charts(), "player");
    }

    public void exportMetrics(boolean json) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(json ? "Save metrics as JSON" : "Save metrics as CSV");
        chooser.setInitialFileName(json ? "metrics.json" : "metrics.csv");
        chooser.getExtensionFilters().add(json ? new FileChooser.ExtensionFilter("JSON", "*.json")
                : new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.exportMetrics(file.toPath(), json);
        }
    }
}
