package org.adaptivestream.app.server;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.adaptivestream.app.charts.ThroughputChart;

/**
 * The server dashboard: start and stop, the certificate's fingerprint, the library with
 * preparing, the connected clients, the aggregate throughput and the log. Binds to a
 * {@link ServerDashboardViewModel}; holds no logic of its own beyond layout.
 */
public final class ServerDashboardView {

    private static final Duration POLL_PERIOD = Duration.millis(500);

    private final ServerDashboardViewModel model;
    private final BorderPane root = new BorderPane();
    private final ThroughputChart throughputChart = new ThroughputChart(ServerDashboardViewModel.THROUGHPUT_WINDOW_SECONDS);
    private final Timeline poller;
    private final long startNanos = System.nanoTime();

    public ServerDashboardView(ServerDashboardViewModel model) {
        this.model = model;
        root.setId("server-dashboard");
        root.setTop(controls());
        SplitPane middle = new SplitPane(library(), clientsAndChart());
        middle.setDividerPositions(0.40);
        SplitPane main = new SplitPane(middle, logView());
        main.setOrientation(javafx.geometry.Orientation.VERTICAL);
        main.setDividerPositions(0.72);
        root.setCenter(main);
        acceptDroppedVideos();
        poller = new Timeline(new KeyFrame(POLL_PERIOD, e -> {
            double now = (System.nanoTime() - startNanos) / 1e9;
            model.poll(now);
            throughputChart.show(model.throughputHistory(), now);
        }));
        poller.setCycleCount(Timeline.INDEFINITE);
        poller.play();
    }

    public Node node() {
        return root;
    }

    public ThroughputChart throughputChart() {
        return throughputChart;
    }

    public void setDark(boolean dark) {
        throughputChart.setDark(dark);
    }

    public void dispose() {
        poller.stop();
    }

    private Node controls() {
        TextField bind = new TextField();
        bind.setId("bind-address");
        bind.setPrefColumnCount(10);
        bind.textProperty().bindBidirectional(model.bindAddressProperty());
        bind.setTooltip(new Tooltip("127.0.0.1 for this machine only; 0.0.0.0 for every interface"));
        TextField port = new TextField();
        port.setId("server-port");
        port.setPrefColumnCount(5);
        port.textProperty().bindBidirectional(model.portProperty());
        port.setTooltip(new Tooltip("TLS port; 0 picks a free one"));
        bind.disableProperty().bind(model.runningProperty().or(model.changingStateProperty()));
        port.disableProperty().bind(bind.disableProperty());

        Button start = new Button("Start");
        start.setId("start-server");
        start.setDefaultButton(true);
        start.setOnAction(e -> model.start());
        // Preparing may go on while the server starts: the catalog reloads when it finishes.
        start.disableProperty().bind(model.runningProperty().or(model.changingStateProperty()));
        Button stop = new Button("Stop");
        stop.setId("stop-server");
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.runningProperty().not().or(model.changingStateProperty()));

        Label status = new Label();
        status.setId("server-status");
        status.textProperty().bind(model.listeningOnProperty());

        TextField fingerprint = new TextField();
        fingerprint.setId("fingerprint");
        fingerprint.setEditable(false);
        fingerprint.textProperty().bind(model.fingerprintProperty());
        fingerprint.setPromptText("certificate SHA-256 fingerprint (shown once started)");
        HBox.setHgrow(fingerprint, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("copy-fingerprint");
        copy.setTooltip(new Tooltip("Copy the fingerprint, to check it on the client"));
        copy.disableProperty().bind(model.fingerprintProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.fingerprintProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });

        HBox first = new HBox(8, new Label("Bind address"), bind, new Label("Port"), port, start, stop, status);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, new Label("SHA-256"), fingerprint, copy);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, first, second);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node library() {
        TableView<ServerDashboardViewModel.VideoRow> table = new TableView<>(model.videos());
        table.setId("library-table");
        table.getColumns().add(column("Video", ServerDashboardViewModel.VideoRow::id, 90));
        table.getColumns().add(column("Rungs", ServerDashboardViewModel.VideoRow::rungs, 150));
        table.getColumns().add(column("Duration", ServerDashboardViewModel.VideoRow::duration, 65));
        table.getColumns().add(column("Size", ServerDashboardViewModel.VideoRow::size, 70));
        table.getColumns().add(column("Status", ServerDashboardViewModel.VideoRow::status, 70));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No videos yet: add one, or drop files here"));
        Button add = new Button("Add video…");
        add.setId("add-video");
        add.disableProperty().bind(model.preparingProperty());
        add.setOnAction(e -> chooseVideos());
        ProgressBar progress = new ProgressBar();
        progress.setId("prepare-progress");
        progress.progressProperty().bind(model.prepareProgressProperty());
        progress.visibleProperty().bind(model.preparingProperty());
        progress.setPrefWidth(140);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-prepare");
        cancel.visibleProperty().bind(model.preparingProperty());
        cancel.setOnAction(e -> model.cancelPrepare());
        Label message = new Label();
        message.textProperty().bind(model.prepareMessageProperty());
        message.setWrapText(true);
        HBox actions = new HBox(8, add, progress, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Library (drop video files to prepare them)");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title, table, actions, message);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    /** Video files dropped anywhere on the dashboard are prepared, as with "Add video…". */
    private void acceptDroppedVideos() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !model.preparingProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean accepted = e.getDragboard().hasFiles() && !model.preparingProperty().get();
            if (accepted) {
                model.prepare(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(accepted);
            e.consume();
        });
    }

    private void chooseVideos() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add videos to the library");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Videos", "*.mp4", "*.mkv", "*.mov", "*.webm", "*.avi", "*.m4v"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null) {
            List<Path> paths = files.stream().map(File::toPath).toList();
            model.prepare(paths);
        }
    }

    private Node clientsAndChart() {
        TableView<ServerDashboardViewModel.ClientRow> table = new TableView<>(model.clients());
        table.setId("clients-table");
        table.getColumns().add(column("#", r -> String.valueOf(r.sessionId()), 30));
        table.getColumns().add(column("Address", ServerDashboardViewModel.ClientRow::address, 125));
        table.getColumns().add(column("Video", ServerDashboardViewModel.ClientRow::video, 75));
        table.getColumns().add(column("Rung", ServerDashboardViewModel.ClientRow::rung, 50));
        table.getColumns().add(column("Bitrate", ServerDashboardViewModel.ClientRow::bitrate, 95,
                "What the server sent this client over the last 2 s"));
        table.getColumns().add(column("RTT", ServerDashboardViewModel.ClientRow::rtt, 65,
                "Smoothed round-trip time, as the client measures and reports it"));
        table.getColumns().add(column("Queue", r -> String.valueOf(r.queuedPackets()), 55,
                "Send-queue depth: packets due but not yet written to this client"));
        table.getColumns().add(column("Frames sent", r -> String.valueOf(r.packetsSent()), 85));
        table.getColumns().add(column("Connected", ServerDashboardViewModel.ClientRow::connectedFor, 75,
                "Time since the client connected"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No clients connected"));
        Label title = new Label("Connected clients");
        title.getStyleClass().add("section-title");
        Node chart = throughputChart.node();
        VBox box = new VBox(6, title, table, chart);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private Node logView() {
        ListView<String> log = new ListView<>(model.log());
        log.setId("server-log");
        log.getStyleClass().add("log-view");
        // Follow the newest line, as a terminal would.
        model.log().addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(model.log().size() - 1));
        TabPane tabs = new TabPane(new Tab("Log", log));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        return column(title, value, width, null);
    }

    /** A column; with a tooltip, the header explains itself when hovered. */
    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width, String tip) {
        TableColumn<R, String> column = new TableColumn<>(tip == null ? title : null);
        if (tip != null) {
            Label header = new Label(title);
            header.setTooltip(new Tooltip(tip));
            column.setGraphic(header);
        }
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
